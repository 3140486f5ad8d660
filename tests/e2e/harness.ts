/**
 * One small driver over two automation stacks, so every e2e scenario runs unchanged in real
 * Chromium (Playwright) and real Firefox (puppeteer over WebDriver BiDi).
 */
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type KeyInput, type Page as PpPage } from 'puppeteer-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_ADDON_ID = 'clean-break@cleanbreak.app';
const FIREFOX_UUID = '0c1e2a5b-7d3f-4c9e-8a61-5b2f4e7d9c13';
const OUTPUT = resolve(import.meta.dirname, '../..', process.env.CLEAN_BREAK_OUT ?? '.output');

/**
 * Answers a request for a fake site, or null to let it fail as the real network would here.
 * `delayMs` holds the answer back, as a slow server would.
 */
export type SiteServer = (url: URL) => { body: string; contentType?: string; status?: number; delayMs?: number } | null;

export interface TestPage {
  readonly browserName: BrowserName;
  /** Everything the page has written to its console, in order. */
  readonly console: string[];
  /** Uncaught exceptions and unhandled rejections of any script in the page, content scripts included. */
  readonly errors: string[];
  goto(url: string): Promise<void>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  /** Presses one key (e.g. 'Tab', 'Shift+Tab') in whatever has focus. */
  press(key: string): Promise<void>;
  text(selector: string): Promise<string>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  waitUntil<A>(fn: (arg: A) => boolean | Promise<boolean>, arg?: A, timeoutMs?: number): Promise<void>;
  upload(selector: string, filePath: string): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Chromium only: Firefox over BiDi has no media emulation. */
  setColorScheme?(scheme: 'light' | 'dark'): Promise<void>;
  /**
   * Chromium only: a fake clock for the page's Date and timers, starting at `time` (install it
   * before `goto`). It is the whole context's clock: every page opened later shares it.
   */
  installClock?(time: Date): Promise<void>;
  /** Chromium only: moves the installed clock on, firing each timer that falls due. */
  runClockFor?(ms: number): Promise<void>;
  /** Makes this the tab in front; in Firefox the others are then hidden (visibilityState). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** One request the browser was asked to make, as recorded with `recordRequests`. */
export interface RecordedRequest {
  url: string;
  /**
   * Origin of the page or worker that made it. For a navigation, Chromium names the page being
   * left and Firefox names who started it ('browser' for the test driving the tab).
   */
  from: string;
  /** Loads a document (a tab or a frame), rather than a resource for one. */
  navigation: boolean;
}

export interface LaunchOptions {
  /**
   * Record every request made by the extension (worker or background page, its pages, its
   * content scripts) and by the tabs, but not the browser's own housekeeping.
   */
  recordRequests?: boolean;
  /** A built extension's folder (with chrome-mv3/ and firefox-mv3/ in it) instead of the build output. */
  extensionDir?: string;
  /** The user's media preferences, for every page of the session. */
  media?: { colorScheme?: 'light' | 'dark'; reducedMotion?: boolean; forcedColors?: boolean };
  /** Leave open the welcome tab the extension opens on install (by default it is closed as it appears). */
  keepWelcome?: boolean;
  /**
   * Chromium only: the language it picks extension messages in (e.g. 'es'). Chromium reads it from LANGUAGE
   * on Linux even without its own menus in that language; --lang covers the other systems.
   */
  language?: string;
}

/** The page the extension opens on a first install. */
export const WELCOME_PATH = '/welcome.html';

export interface ExtensionSession {
  readonly browserName: BrowserName;
  extensionUrl(path: string): string;
  newPage(): Promise<TestPage>;
  /** A tab the extension opened by itself at `path` (e.g. the welcome page), once it has loaded. */
  extensionTab(path: string, timeoutMs?: number): Promise<TestPage>;
  /** Everything recorded so far; only for a session launched with `recordRequests`. */
  requests(): Promise<RecordedRequest[]>;
  /** Chromium only: runs `fn` in the extension's service worker (it may have restarted since the last call). */
  evaluateInWorker?<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
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

async function serve(server: SiteServer, url: string) {
  const answer = server(new URL(url));
  if (answer?.delayMs) await new Promise((done) => setTimeout(done, answer.delayMs));
  return answer && { status: answer.status ?? 200, contentType: answer.contentType ?? 'text/html; charset=utf-8', body: answer.body };
}

/** `scheme://host` for any URL, an extension's included (WHATWG calls theirs opaque). */
export function originOf(url: string): string {
  const { protocol, host } = new URL(url);
  return host ? `${protocol}//${host}` : protocol;
}

function notRecording(): never {
  throw new Error('This session does not record requests: launch it with { recordRequests: true }.');
}

const SITE_URL = /^https?:\/\/([a-z0-9-]+\.)*(instagram|facebook|messenger|x|twitter|tiktok|threads|linkedin|reddit|youtube|whatsapp|snapchat|telegram|discord)\.(com|net|org)\/|^https:\/\/bsky\.app\//;

class PlaywrightPage implements TestPage {
  readonly browserName = 'chromium';
  readonly console: string[] = [];
  readonly errors: string[] = [];
  constructor(private page: PwPage) {
    page.on('console', (message) => this.console.push(message.text()));
    page.on('pageerror', (error) => this.errors.push(String(error)));
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
  press(key: string) {
    return this.page.keyboard.press(key);
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
  installClock(time: Date) {
    return this.page.clock.install({ time });
  }
  runClockFor(ms: number) {
    return this.page.clock.runFor(ms);
  }
  bringToFront() {
    return this.page.bringToFront();
  }
  close() {
    return this.page.close();
  }
}

class PuppeteerPage implements TestPage {
  readonly browserName = 'firefox';
  readonly console: string[] = [];
  readonly errors: string[] = [];
  constructor(private page: PpPage) {
    page.on('console', (message) => this.console.push(message.text()));
    page.on('pageerror', (error) => this.errors.push(String(error)));
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
  async press(key: string) {
    const keys = key.split('+') as KeyInput[];
    for (const down of keys) await this.page.keyboard.down(down);
    for (const up of keys.reverse()) await this.page.keyboard.up(up);
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
  bringToFront() {
    return this.page.bringToFront();
  }
  close() {
    return this.page.close();
  }
}

/**
 * A fresh Chromium profile with one unpacked extension loaded (or none), serving the fake sites
 * at their real URLs. The harness wraps it for the shared scenarios; the bench and the
 * worker-stop test use its Playwright handles directly, for CDP.
 */
export async function chromiumContext(
  extension: string | null,
  server: SiteServer,
  { developerMode = false, keepWelcome = false, headless = true, media = {} as NonNullable<LaunchOptions['media']>, language = undefined as string | undefined } = {},
): Promise<{ context: BrowserContext; newPage(): Promise<PwPage>; welcomeClosed(timeoutMs: number): Promise<void>; close(): Promise<void> }> {
  const openedByTest = new WeakSet<PwPage>();
  let markWelcomeClosed: () => void = () => undefined;
  const welcomeClosed = new Promise<void>((done) => (markWelcomeClosed = done));
  const profile = mkdtempSync(join(tmpdir(), 'clean-break-chromium-'));
  if (developerMode) {
    // As for anyone who loads an unpacked extension: without it, Chromium disables the extension when it reloads.
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    // A window someone watches (the demo) keeps its own size; headless pages get a fixed one.
    viewport: headless ? undefined : null,
    colorScheme: media.colorScheme,
    reducedMotion: media.reducedMotion ? 'reduce' : undefined,
    forcedColors: media.forcedColors ? 'active' : undefined,
    ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
    args: [
      ...(language ? [`--lang=${language}`] : []),
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await context.route(SITE_URL, async (route) => {
    const answer = await serve(server, route.request().url());
    await (answer ? route.fulfill(answer) : route.abort('internetdisconnected'));
  });
  if (!keepWelcome) {
    // A first install opens the welcome page; the scenarios that do not test it run without it.
    // Only a tab the extension opened is closed, never one a test opened there itself.
    const closeIfWelcome = (page: PwPage) => {
      if (openedByTest.has(page) || new URL(page.url()).pathname !== WELCOME_PATH) return;
      void page.close().catch(() => undefined).then(markWelcomeClosed);
    };
    const watch = (page: PwPage) => {
      closeIfWelcome(page);
      page.on('framenavigated', (frame) => frame === page.mainFrame() && closeIfWelcome(page));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
  }
  return {
    context,
    newPage: async () => {
      const page = await context.newPage();
      openedByTest.add(page);
      return page;
    },
    welcomeClosed: (timeoutMs) => Promise.race([welcomeClosed, new Promise<void>((done) => setTimeout(done, timeoutMs))]),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchChromium(server: SiteServer, options: LaunchOptions): Promise<ExtensionSession> {
  const { context, newPage, welcomeClosed, close } = await chromiumContext(join(options.extensionDir ?? OUTPUT, 'chrome-mv3'), server, {
    developerMode: true,
    keepWelcome: options.keepWelcome,
    media: options.media,
    language: options.language,
  });
  const recorded: RecordedRequest[] = [];
  if (options.recordRequests) {
    // Playwright reports the extension's service worker here too, from its first request on.
    context.on('request', (request) => {
      const worker = request.serviceWorker();
      const from = originOf(worker ? worker.url() : request.frame().url());
      recorded.push({ url: request.url(), from, navigation: request.isNavigationRequest() });
    });
    context.on('page', (page) =>
      page.on('websocket', (socket) => recorded.push({ url: socket.url(), from: originOf(page.url()), navigation: false })),
    );
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  // Waited for: the welcome tab closing while a test installs its fake clock (which reaches every
  // page of the context) fails that install. An older build may open none.
  if (!options.keepWelcome) await welcomeClosed(5_000);
  return {
    browserName: 'chromium',
    extensionUrl: (path) => `chrome-extension://${id}/${path.replace(/^\//, '')}`,
    newPage: async () => new PlaywrightPage(await newPage()),
    extensionTab: async (path, timeoutMs = 15_000) => {
      const url = `chrome-extension://${id}/${path.replace(/^\//, '')}`;
      const isIt = (page: PwPage) => page.url() === url;
      const page = context.pages().find(isIt) ?? (await context.waitForEvent('page', { predicate: isIt, timeout: timeoutMs }).catch(async () => {
        // The tab may have been opened as about:blank and navigated since: look again.
        const found = context.pages().find(isIt);
        if (!found) throw new Error(`The extension opened no tab at ${path} within ${timeoutMs} ms`);
        return found;
      }));
      await page.waitForLoadState('domcontentloaded');
      return new PlaywrightPage(page);
    },
    requests: async () => (options.recordRequests ? [...recorded] : notRecording()),
    evaluateInWorker: async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) => {
      const current = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      return current.evaluate<T, A>(fn as never, arg as A);
    },
    close,
  };
}

/** The raw WebDriver BiDi connection under puppeteer, for what puppeteer has no API for. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * Runs in Firefox's own (chrome) window: an observer of every HTTP(S) or WebSocket channel the
 * browser opens, whatever made it, including the extension's background page, which WebDriver
 * BiDi's network events do not cover. The browser's own housekeeping (system principal) is left
 * out unless it loads a document.
 */
const FIREFOX_REQUEST_OBSERVER = `(() => {
  const recorded = (globalThis.__cleanBreakRequests = []);
  const originsOf = (principal) =>
    principal.isExpandedPrincipal
      ? principal.QueryInterface(Ci.nsIExpandedPrincipal).allowlist.map((inner) => inner.origin)
      : [principal.origin];
  Services.obs.addObserver((subject) => {
    const channel = subject.QueryInterface(Ci.nsIChannel);
    const { triggeringPrincipal, externalContentPolicyType } = channel.loadInfo;
    const navigation =
      externalContentPolicyType === Ci.nsIContentPolicy.TYPE_DOCUMENT ||
      externalContentPolicyType === Ci.nsIContentPolicy.TYPE_SUBDOCUMENT;
    if (triggeringPrincipal.isSystemPrincipal && !navigation) return;
    const from = triggeringPrincipal.isSystemPrincipal ? 'browser' : originsOf(triggeringPrincipal).join(' ');
    recorded.push({ url: channel.URI.spec, from, navigation });
  }, 'http-on-opening-request');
})()`;

type ChromeEvaluate = (expression: string, awaitPromise?: boolean) => Promise<unknown>;

/** Evaluates script in Firefox's own (chrome) window. */
async function firefoxChromeWindow(connection: BidiConnection): Promise<ChromeEvaluate> {
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeWindow = (tree.result.contexts as { context: string; url: string }[]).find((context) =>
    context.url.startsWith('chrome://browser/'),
  );
  if (!chromeWindow) throw new Error("Firefox's own window is not reachable: is --remote-allow-system-access set?");
  return async (expression, awaitPromise = false) => {
    const answer = await connection.send('script.evaluate', { expression, target: { context: chromeWindow.context }, awaitPromise });
    if (answer.result.type !== 'success') throw new Error(`Evaluating in Firefox's window failed: ${JSON.stringify(answer.result)}`);
    return (answer.result.result as { value?: unknown }).value;
  };
}

/**
 * Over BiDi, Firefox does not report tabs an extension opens, so they are found from its own
 * window: whether a tab shows `url`, and (when `close` is set) closing it, for up to `waitMs`.
 */
function firefoxTabAt(url: string, close: boolean, waitMs: number): string {
  return `new Promise((found) => {
    const until = Date.now() + ${waitMs};
    const look = setInterval(() => {
      const tab = [...gBrowser.tabs].find((candidate) => candidate.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
      if (tab && ${close}) gBrowser.removeTab(tab);
      if (tab || Date.now() > until) {
        clearInterval(look);
        found(Boolean(tab));
      }
    }, 50);
  })`;
}

async function recordFirefoxRequests(evaluate: ChromeEvaluate): Promise<() => Promise<RecordedRequest[]>> {
  await evaluate(FIREFOX_REQUEST_OBSERVER);
  return async () => JSON.parse(String(await evaluate('JSON.stringify(globalThis.__cleanBreakRequests)'))) as RecordedRequest[];
}

async function launchFirefox(server: SiteServer, options: LaunchOptions): Promise<ExtensionSession> {
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      // Over BiDi there is no media emulation: these are the preferences a person's system would set.
      ...(options.media?.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': options.media.colorScheme === 'dark' ? 0 : 1 } : {}),
      ...(options.media?.reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {}),
      // Firefox's own high-contrast switch: page colours always overridden.
      ...(options.media?.forcedColors ? { 'browser.display.document_color_use': 2 } : {}),
    },
  });
  const inFirefoxWindow = await firefoxChromeWindow((browser as unknown as { connection: BidiConnection }).connection);
  // Recording starts before the add-on is installed, so its start-up is recorded too.
  const requests = options.recordRequests ? await recordFirefoxRequests(inFirefoxWindow) : notRecording;
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_UUID}/${path.replace(/^\//, '')}`;
  await browser.installExtension(join(options.extensionDir ?? OUTPUT, 'firefox-mv3'));
  if (!options.keepWelcome) {
    // A first install opens the welcome page; the scenarios that do not test it run without it.
    // Waited for, as a tab closing under puppeteer's next newPage() breaks it; an older build may open none.
    await inFirefoxWindow(firefoxTabAt(extensionUrl(WELCOME_PATH), true, 5_000), true);
  }
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      // A request can vanish while it is answered (the page navigated away): that is not an error.
      const ignoreGone = () => undefined;
      if (!SITE_URL.test(request.url())) return void request.continue().catch(ignoreGone);
      void serve(server, request.url())
        .then((answer) => (answer ? request.respond(answer) : request.abort('internetdisconnected')))
        .catch(ignoreGone);
    });
    return new PuppeteerPage(page);
  };
  return {
    browserName: 'firefox',
    extensionUrl,
    newPage,
    extensionTab: async (path, timeoutMs = 15_000) => {
      // Puppeteer cannot drive that tab: once it is seen, it is closed and the same page opened in one it can.
      if (!(await inFirefoxWindow(firefoxTabAt(extensionUrl(path), true, timeoutMs), true))) {
        throw new Error(`The extension opened no tab at ${path} within ${timeoutMs} ms`);
      }
      const page = await newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    requests: async () => requests(),
    close: () => browser.close(),
  };
}

export function launch(name: BrowserName, server: SiteServer = () => null, options: LaunchOptions = {}): Promise<ExtensionSession> {
  return name === 'chromium' ? launchChromium(server, options) : launchFirefox(server, options);
}
