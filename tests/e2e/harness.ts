/**
 * One small driver over two automation stacks, so every e2e scenario runs unchanged in real
 * Chromium (Playwright) and real Firefox (puppeteer over WebDriver BiDi).
 */
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_ADDON_ID = 'clean-break@cleanbreak.app';
const FIREFOX_UUID = '0c1e2a5b-7d3f-4c9e-8a61-5b2f4e7d9c13';
const OUTPUT = resolve(import.meta.dirname, '../..', process.env.CLEAN_BREAK_OUT ?? '.output');

/** Answers a request for a fake site, or null to let it fail as the real network would here. */
export type SiteServer = (url: URL) => { body: string; contentType?: string; status?: number } | null;

export interface TestPage {
  readonly browserName: BrowserName;
  /** Everything the page has written to its console, in order. */
  readonly console: string[];
  goto(url: string): Promise<void>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  text(selector: string): Promise<string>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  waitUntil<A>(fn: (arg: A) => boolean | Promise<boolean>, arg?: A, timeoutMs?: number): Promise<void>;
  upload(selector: string, filePath: string): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Chromium only: Firefox over BiDi has no media emulation. */
  setColorScheme?(scheme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionSession {
  readonly browserName: BrowserName;
  extensionUrl(path: string): string;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

const pollInterval = 50;
async function poll(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // The page may be between documents; try again.
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, pollInterval));
  }
}

function serve(server: SiteServer, url: string) {
  const answer = server(new URL(url));
  return answer && { status: answer.status ?? 200, contentType: answer.contentType ?? 'text/html; charset=utf-8', body: answer.body };
}

const SITE_URL = /^https?:\/\/([a-z0-9-]+\.)*(instagram|facebook|messenger|x|twitter|tiktok|threads|linkedin|reddit|youtube|whatsapp|snapchat|telegram|discord)\.(com|net|org)\/|^https:\/\/bsky\.app\//;

class PlaywrightPage implements TestPage {
  readonly browserName = 'chromium';
  readonly console: string[] = [];
  constructor(private page: PwPage) {
    page.on('console', (message) => this.console.push(message.text()));
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
  }
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.page.evaluate<T, A>(fn as never, arg as A);
  }
  click(selector: string) {
    return this.page.click(selector);
  }
  fill(selector: string, value: string) {
    return this.page.fill(selector, value);
  }
  async text(selector: string) {
    return (await this.page.textContent(selector)) ?? '';
  }
  async waitFor(selector: string, timeoutMs = 10_000) {
    await this.page.waitForSelector(selector, { timeout: timeoutMs });
  }
  waitUntil<A>(fn: (arg: A) => boolean | Promise<boolean>, arg?: A, timeoutMs = 10_000) {
    return poll(() => this.page.evaluate<boolean, A>(fn as never, arg as A), timeoutMs, String(fn));
  }
  upload(selector: string, filePath: string) {
    return this.page.setInputFiles(selector, filePath);
  }
  async screenshot(path: string, options?: { fullPage?: boolean }) {
    await this.page.screenshot({ path, fullPage: options?.fullPage });
  }
  setColorScheme(scheme: 'light' | 'dark') {
    return this.page.emulateMedia({ colorScheme: scheme });
  }
  close() {
    return this.page.close();
  }
}

class PuppeteerPage implements TestPage {
  readonly browserName = 'firefox';
  readonly console: string[] = [];
  constructor(private page: PpPage) {
    page.on('console', (message) => this.console.push(message.text()));
  }
  async goto(url: string) {
    if (url.startsWith('moz-extension:')) {
      // Over BiDi, navigating into the extension process detaches the frame puppeteer awaits;
      // the page itself arrives, so wait for it directly.
      this.page.goto(url).catch(() => undefined);
      await poll(
        () => this.page.evaluate((target) => location.href === target && document.readyState !== 'loading', url),
        15_000,
        url,
      );
      return;
    }
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
  }
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.page.evaluate(fn as never, arg as never) as Promise<T>;
  }
  async click(selector: string) {
    await this.waitFor(selector);
    await this.page.click(selector);
  }
  async fill(selector: string, value: string) {
    await this.waitFor(selector);
    await this.page.$eval(selector, (el) => {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.value = '';
      else el.textContent = '';
    });
    await this.page.type(selector, value);
  }
  async text(selector: string) {
    await this.waitFor(selector);
    return this.page.$eval(selector, (el) => el.textContent ?? '');
  }
  waitFor(selector: string, timeoutMs = 10_000) {
    return poll(() => this.page.evaluate((s) => document.querySelector(s) !== null, selector), timeoutMs, selector);
  }
  waitUntil<A>(fn: (arg: A) => boolean | Promise<boolean>, arg?: A, timeoutMs = 10_000) {
    return poll(() => this.page.evaluate(fn as never, arg as never) as Promise<boolean>, timeoutMs, String(fn));
  }
  async upload(selector: string, filePath: string) {
    const input = await this.page.waitForSelector(selector);
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(filePath);
  }
  async screenshot(path: string, options?: { fullPage?: boolean }) {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: options?.fullPage });
  }
  close() {
    return this.page.close();
  }
}

async function launchChromium(server: SiteServer): Promise<ExtensionSession> {
  const profile = mkdtempSync(join(tmpdir(), 'clean-break-chromium-'));
  const extension = join(OUTPUT, 'chrome-mv3');
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await context.route(SITE_URL, async (route) => {
    const answer = serve(server, route.request().url());
    await (answer ? route.fulfill(answer) : route.abort('internetdisconnected'));
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  return {
    browserName: 'chromium',
    extensionUrl: (path) => `chrome-extension://${id}/${path.replace(/^\//, '')}`,
    newPage: async () => new PlaywrightPage(await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(server: SiteServer): Promise<ExtensionSession> {
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }) },
  });
  await browser.installExtension(join(OUTPUT, 'firefox-mv3'));
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      // A request can vanish while it is answered (the page navigated away): that is not an error.
      const ignoreGone = () => undefined;
      if (!SITE_URL.test(request.url())) return void request.continue().catch(ignoreGone);
      const answer = serve(server, request.url());
      void (answer ? request.respond(answer) : request.abort('internetdisconnected')).catch(ignoreGone);
    });
    return new PuppeteerPage(page);
  };
  return {
    browserName: 'firefox',
    extensionUrl: (path) => `moz-extension://${FIREFOX_UUID}/${path.replace(/^\//, '')}`,
    newPage,
    close: () => browser.close(),
  };
}

export function launch(name: BrowserName, server: SiteServer = () => null): Promise<ExtensionSession> {
  return name === 'chromium' ? launchChromium(server) : launchFirefox(server);
}
