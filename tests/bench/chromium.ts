/**
 * Chromium contexts for the benchmark and the worker-stop test, each with one extension or none.
 * Playwright's own handles are kept, because the figures and the worker control come from CDP.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumContext, type SiteServer } from '../e2e/harness';

export interface BenchContext {
  context: BrowserContext;
  /** The extension's id, when one with a worker is loaded. */
  extensionId: string | null;
  close(): Promise<void>;
}

export async function launchChromium(extensionDir: string | null, server: SiteServer): Promise<BenchContext> {
  const { context, close } = await chromiumContext(extensionDir, server);
  const manifest = extensionDir ? JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) : {};
  let extensionId: string | null = null;
  if (manifest.background) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, close };
}

export async function extensionPage(bench: BenchContext, path: string): Promise<Page> {
  const page = await bench.context.newPage();
  await page.goto(`chrome-extension://${bench.extensionId}/${path}`);
  return page;
}

/**
 * The design Clean Break avoids, for comparison: a content script whose MutationObserver walks
 * every added node and tests each element in JavaScript, hiding the unit of an author link to
 * the person. Written to a temporary folder; never shipped.
 */
export function naiveExtension(handles: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'clean-break-naive-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Naive observer baseline',
      version: '1.0',
      content_scripts: [{ matches: ['*://*.facebook.com/*'], js: ['naive.js'], run_at: 'document_start' }],
    }),
  );
  writeFileSync(
    join(dir, 'naive.js'),
    `const handles = ${JSON.stringify(handles)};
const theirs = (href) => handles.some((h) => href === '/' + h || href.startsWith('/' + h + '?') || href.startsWith('/' + h + '/') || href.endsWith('facebook.com/' + h));
const test = (element) => {
  if (element.tagName !== 'A' || !theirs((element.getAttribute('href') || '').toLowerCase()) || !element.closest('h4, h5')) return;
  const unit = element.closest('[aria-posinset]') || element.closest('[role="article"]');
  if (unit) unit.style.setProperty('display', 'none', 'important');
};
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;
      test(node);
      for (const element of node.querySelectorAll('*')) test(element);
    }
  }
}).observe(document, { childList: true, subtree: true });`,
  );
  return dir;
}
