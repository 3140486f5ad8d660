/**
 * `npm run screenshots`: renders, headless in Chromium, the images the README and the store
 * listings show, from the built extension and the local fixture copies of the sites (no page is
 * fetched from the network). Each shot waits for what it must show; a view that never appears is
 * reported and makes the run fail, so nothing is silently left out.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumContext } from '../e2e/harness';
import { fixtureServer } from '../e2e/sites';
import { SITE_FIXTURES } from '../fixtures';
import { extensionId, setUpDemoPerson } from './demo-person';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, process.env.CLEAN_BREAK_OUT ?? '.output', 'chrome-mv3');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const STORE = join(SCREENSHOTS, 'store');
const README_SIZE = { width: 1024, height: 640 };
const STORE_SIZE = { width: 1280, height: 800 };
/** Long enough for every scripted insertion in the fixtures to have happened. */
const SETTLE_MS = 900;

const fixture = (site: string, name: string) => {
  const page = SITE_FIXTURES.find((fixtures) => fixtures.site === site)?.pages.find((candidate) => candidate.name === name);
  if (!page) throw new Error(`No ${site} fixture named "${name}"`);
  return page.url;
};

/** Sites shown before (no extension: the person is there) and after (Clean Break: they're gone, the rest stays). */
const SITES = [
  { site: 'instagram', url: fixture('instagram', 'home feed') },
  { site: 'x', url: fixture('x', 'home timeline') },
  { site: 'facebook', url: fixture('facebook', 'home feed') },
];

/** The extension's own views; `ready` is what must be on screen before the shot. Add a view with one line. */
const VIEWS = [
  { name: 'popup', path: 'popup.html', ready: '[data-testid="streak-days"]', size: { width: 360, height: 560 } },
  { name: 'options-setup', path: 'options.html', ready: 'form.person-editor', size: README_SIZE },
  { name: 'options-progress', path: 'options.html#progress', ready: '[data-testid="progress-view"]', size: README_SIZE },
  { name: 'welcome', path: 'welcome.html', ready: '[data-testid="welcome-glance"]', size: README_SIZE },
];

const missing: string[] = [];
const written: string[] = [];

async function shoot(page: Page, file: string) {
  await page.screenshot({ path: file });
  written.push(file);
}

type Browsing = { context: BrowserContext; newPage(): Promise<Page> };

async function openAt(browsing: Browsing, url: string, size: { width: number; height: number }): Promise<Page> {
  const page = await browsing.newPage();
  await page.setViewportSize(size);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** A 1280×800 store image: a small view centred on the calm background, with a caption. */
async function storeFrame(context: BrowserContext, image: Buffer, caption: string, file: string) {
  const page = await context.newPage();
  await page.setViewportSize(STORE_SIZE);
  await page.setContent(`<!doctype html><html><body style="margin:0;height:800px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:28px;background:#dce9e4;font:500 30px system-ui,sans-serif;color:#26292b">
    <p style="margin:0"></p><img alt="" style="border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.18)"></body></html>`);
  await page.evaluate(
    ([source, text]) => {
      document.querySelector('img')!.src = source;
      document.querySelector('p')!.textContent = text;
    },
    [`data:image/png;base64,${image.toString('base64')}`, caption] as const,
  );
  await page.waitForFunction(() => document.querySelector('img')!.complete);
  await shoot(page, file);
  await page.close();
}

export async function takeScreenshots(): Promise<boolean> {
  mkdirSync(STORE, { recursive: true });
  const server = fixtureServer();

  const before = await chromiumContext(null, server);
  try {
    for (const { site, url } of SITES) {
      const page = await openAt(before, url, README_SIZE);
      await page.waitForTimeout(SETTLE_MS);
      await shoot(page, join(SCREENSHOTS, `${site}-before.png`));
      await page.close();
    }
  } finally {
    await before.close();
  }

  const after = await chromiumContext(EXTENSION, server);
  try {
    const id = await extensionId(after.context);
    await setUpDemoPerson(after.context, id);

    for (const { site, url } of SITES) {
      const page = await openAt(after, url, README_SIZE);
      await page.waitForTimeout(SETTLE_MS);
      await shoot(page, join(SCREENSHOTS, `${site}-after.png`));
      await page.setViewportSize(STORE_SIZE);
      await page.waitForTimeout(SETTLE_MS);
      await shoot(page, join(STORE, `${site}-without-them.png`));
      await page.close();
    }

    const pause = await openAt(after, fixture('instagram', 'profile'), README_SIZE);
    await pause.waitForSelector('[data-testid="shield-day"]', { timeout: 15_000 });
    await shoot(pause, join(SCREENSHOTS, 'pause.png'));
    await pause.setViewportSize(STORE_SIZE);
    await shoot(pause, join(STORE, 'pause.png'));
    await pause.close();

    for (const view of VIEWS) {
      const page = await openAt(after, `chrome-extension://${id}/${view.path}`, view.size);
      const shown = await page.waitForSelector(view.ready, { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (!shown) {
        missing.push(`${view.name}: nothing matched ${view.ready} on ${view.path}`);
        await page.close();
        continue;
      }
      await page.evaluate(() => document.fonts.ready);
      await shoot(page, join(SCREENSHOTS, `${view.name}.png`));
      if (view.name === 'popup') {
        await storeFrame(after.context, await page.screenshot(), 'Your streak, today’s urges, and one thing to do instead', join(STORE, 'popup.png'));
      } else {
        await page.setViewportSize(STORE_SIZE);
        await shoot(page, join(STORE, `${view.name}.png`));
      }
      await page.close();
    }
  } finally {
    await after.close();
  }

  for (const file of written) console.log(`wrote ${file.slice(ROOT.length + 1)}`);
  for (const view of missing) console.error(`MISSING ${view}`);
  return missing.length === 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = (await takeScreenshots()) ? 0 : 1;
}
