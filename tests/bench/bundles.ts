/**
 * Bundle figures for the budgets of issue #5, read from a built extension. Shared by the test
 * suite (which asserts them) and the bench (which prints them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** Each site's content script, gzip bytes. */
  contentScript: 15 * 1024,
  /** All JavaScript the popup loads, gzip bytes (the aim is 30 KB). */
  popup: 45 * 1024,
};

/** Strings only the libraries themselves contain: what the content scripts must not load. */
export const LIBRARY_MARKERS = { Dexie: 'DatabaseClosedError', Preact: 'dangerouslySetInnerHTML' };

export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export interface ContentScriptFigure {
  file: string;
  bytes: number;
  gzip: number;
  libraries: string[];
}

export function contentScripts(extensionDir: string): ContentScriptFigure[] {
  const dir = join(extensionDir, 'content-scripts');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const file = join(dir, name);
      const code = readFileSync(file, 'utf8');
      const libraries = Object.entries(LIBRARY_MARKERS)
        .filter(([, marker]) => code.includes(marker))
        .map(([library]) => library);
      return { file: `content-scripts/${name}`, bytes: statSync(file).size, gzip: gzipBytes(file), libraries };
    });
}

/** Module specifiers a built chunk imports statically or dynamically. */
const IMPORTS = /(?:\bimport|\bfrom)\s*\(?\s*["']([^"']+\.js)["']/g;

/** Every JavaScript file an HTML page loads: its scripts, preloads, and what they import, transitively. */
export function pageScripts(extensionDir: string, page: string): string[] {
  const html = readFileSync(join(extensionDir, page), 'utf8');
  const roots = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => join(extensionDir, match[1]!));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORTS)) {
      const specifier = match[1]!;
      visit(specifier.startsWith('/') ? join(extensionDir, specifier) : resolve(dirname(file), specifier));
    }
  };
  roots.forEach(visit);
  return [...seen];
}

export function pageScriptsGzip(extensionDir: string, page: string): number {
  return pageScripts(extensionDir, page).reduce((sum, file) => sum + gzipBytes(file), 0);
}
