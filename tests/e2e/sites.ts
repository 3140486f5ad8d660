import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SITE_FIXTURES } from '../fixtures';
import type { SiteServer } from './harness';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const INSTRUMENT = readFileSync(join(FIXTURES, 'instrument.js'), 'utf8');

/** Puts the frame-sampling instrument first in <head>, before anything of the page runs. */
export function instrumented(html: string): string {
  const tag = `<script>${INSTRUMENT}</script>`;
  return html.includes('<head>') ? html.replace('<head>', `<head>${tag}`) : tag + html;
}

/** Serves every fixture page at its real URL; anything else on those hosts is a plain 404. */
export function fixtureServer(): SiteServer {
  const pages = new Map<string, string>();
  for (const site of SITE_FIXTURES) {
    for (const page of site.pages) {
      pages.set(new URL(page.url).href, join(FIXTURES, site.site, page.file));
    }
  }
  return (url) => {
    url.hash = '';
    const file = pages.get(url.href);
    if (file) return { body: instrumented(readFileSync(file, 'utf8')) };
    return url.pathname.endsWith('.ico') ? { status: 404, body: '' } : { status: 404, body: instrumented('<!doctype html><html><head><title>Not found</title></head><body><p>Not found</p></body></html>') };
  };
}
