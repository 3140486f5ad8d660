/**
 * `npm run bench`: the figures of issue #5, measured side by side in one run and written to
 * BENCHMARKS.md. Timings are printed, never asserted; the deterministic figures (flash frames,
 * stored urges, bundle bytes) are asserted at the end, after the report is written.
 */
import { expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launch, type BrowserName, type SiteServer } from '../e2e/harness';
import { fixtureServer, instrumented } from '../e2e/sites';
import { dbCounts, localDateDaysAgo, openExtensionPage, writeTempFile } from '../e2e/support';
import { SITE_FIXTURES } from '../fixtures';
import { PERSON } from '../fixtures/person';
import { PAGE_SURFACES, SITES, type Person } from '@/lib/model';
import { generatedPeople } from '../fixtures/people';
import { SITE_RULES } from '@/lib/sites/rules';
import { compileCss, compileSelectors } from '@/lib/shield/css';
import { targetsFor } from '@/lib/shield/targets';
import { BUDGETS, contentScripts, pageScriptsGzip } from './bundles';
import { extensionPage, launchChromium, naiveExtension, type BenchContext } from './chromium';
import { FEED, FEED_URL, feedPage } from './feed';
import { PROGRESS_BENCH, progressRender, seedProgressHistory } from './progress';
import { median, medianInterval, verdictAtMost, type Verdict } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = join(ROOT, process.env.CLEAN_BREAK_OUT ?? '.output');
const CHROME_DIR = join(OUTPUT, 'chrome-mv3');
/** Runs of each variant, interleaved so that a busy moment of the machine hits all of them. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
/**
 * Runs of the pair the +3% verdict rests on (no extension, one person) in each round. That verdict
 * is the one close to its limit, so it gets the rounds: its interval narrows with their square
 * root. The other variants are far from their targets and run once a round.
 */
const FEED_PAIRS = Number(process.env.BENCH_FEED_PAIRS ?? 3);
const POPUP_OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 9);
const BLANK_URL = 'https://www.facebook.com/bench-blank/';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The fixture sites plus the generated feed; `withProbe` adds the flash instrument to the feed, and
 * `pageCss` a stylesheet of the page's own to it.
 */
function benchServer(withProbe: boolean, pageCss = ''): SiteServer {
  const fixtures = fixtureServer();
  const feed = pageCss ? feedPage().replace('</head>', `<style>${pageCss}</style></head>`) : feedPage();
  return (url) => {
    if (url.href === FEED_URL) return { body: withProbe ? instrumented(feed) : feed };
    if (url.href === BLANK_URL) return { body: '<!doctype html><title>blank</title>' };
    return fixtures(url);
  };
}

/** The fixture person, and `extra` more people with an account of their own on every site. */
function people(extra: number): Person[] {
  const others = generatedPeople(extra, localDateDaysAgo(10));
  return [{ name: PERSON.name, noContactSince: localDateDaysAgo(12), goalDays: 30, accounts: PERSON.accounts }, ...others];
}

/** Urges and activities as a backup file holds them. */
interface History {
  urges: { at: string; person: string; site: string; surface: string; outcome: string }[];
  activities: { at: string; activity: string }[];
}

function backupOf(list: Person[], history?: History): string {
  return JSON.stringify({ app: 'clean-break', version: 1, exportedAt: new Date().toISOString(), people: list, ...history });
}

interface OptionsPage {
  upload(selector: string, file: string): Promise<void>;
  waitFor(selector: string): Promise<void>;
}

/** Sets people (and a history) up through the options page's import, as a user would. */
async function importPeople(page: OptionsPage, list: Person[], history?: History) {
  const file = writeTempFile(`bench-${list.length}-${history?.urges.length ?? 0}.json`, backupOf(list, history));
  await page.upload('input[type="file"]', file);
  await page.waitFor('[data-testid="backup-message"]:not(.error)');
}

// ---------------------------------------------------------------------------------------------
// 1. Flash frames, Chromium and Firefox, every fixture page plus the feed with all its bursts.

interface FlashFigure {
  /** Pages with a flash frame, and how many: empty when the figure is met. */
  flashedPages: string[];
  pages: number;
  frames: number;
  flashFrames: number;
}

async function flashIn(browserName: BrowserName): Promise<{ figure: FlashFigure; version: string }> {
  const session = await launch(browserName, benchServer(true));
  try {
    const control = await openExtensionPage(session, 'options.html');
    await importPeople(control, people(0));
    const version = await control.evaluate(() => navigator.userAgent);
    const urls = [...SITE_FIXTURES.flatMap((site) => site.pages.map((page) => page.url)), FEED_URL];
    const figure: FlashFigure = { flashedPages: [], pages: 0, frames: 0, flashFrames: 0 };
    const measure = async (url: string) => {
      const page = await session.newPage();
      await page.goto(url);
      if (url === FEED_URL) await page.evaluate(() => (window as unknown as { __startBursts(): Promise<number> }).__startBursts());
      else await sleep(900);
      const frames = await page
        .evaluate(() => (window as unknown as { __cleanBreakProbe?: { frames: number } }).__cleanBreakProbe?.frames ?? 0)
        .catch(() => 0); // a shielded page has left for the pause page
      figure.pages += 1;
      figure.frames += frames;
      const flashes = page.console.filter((line) => line.startsWith('[probe] flash')).length;
      figure.flashFrames += flashes;
      if (flashes > 0) figure.flashedPages.push(`${url} (${flashes})`);
      await page.close();
    };
    for (let start = 0; start < urls.length; start += 4) await Promise.all(urls.slice(start, start + 4).map(measure));
    return { figure, version };
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2, 3, 7. Main-thread cost, scaling and content-script memory on the heavy feed (Chromium).

interface FeedRun {
  mainThreadMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  /** Every task of the renderer's main thread: parsing, painting and the rest included. */
  tasksMs: number;
  heapGrowthBytes: number;
  units: number;
  /** First contentful paint of the feed, and when its HTML was all parsed (ms from navigation). */
  firstPaintMs: number;
  parsedMs: number;
}

async function feedRun(context: BrowserContext): Promise<FeedRun> {
  const page = await context.newPage();
  // Land on the site first, so the feed loads in the same renderer whose counters are read.
  await page.goto(BLANK_URL);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => (list.find((metric) => metric.name === name)?.value ?? 0) * 1000;
    return { script: value('ScriptDuration'), style: value('RecalcStyleDuration'), layout: value('LayoutDuration'), tasks: value('TaskDuration') };
  };
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const before = await metrics();
  await page.goto(FEED_URL, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const { firstPaintMs, parsedMs } = await page.evaluate(() => ({
    firstPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    parsedMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domInteractive ?? Number.NaN,
  }));
  const heapBefore = await heap();
  const units = await page.evaluate(() => (window as unknown as { __startBursts(): Promise<number> }).__startBursts());
  const heapAfter = await heap();
  const after = await metrics();
  await page.close();
  const scriptMs = after.script - before.script;
  const styleMs = after.style - before.style;
  const layoutMs = after.layout - before.layout;
  const tasksMs = after.tasks - before.tasks;
  return { mainThreadMs: scriptMs + styleMs + layoutMs, scriptMs, styleMs, layoutMs, tasksMs, heapGrowthBytes: heapAfter - heapBefore, units, firstPaintMs, parsedMs };
}

/** Checks the extension really hid the person's units on the feed (a benchmark of a no-op proves nothing). */
async function feedHidden(context: BrowserContext): Promise<{ personVisible: number; decoysHidden: number }> {
  const page = await context.newPage();
  await page.goto(FEED_URL, { waitUntil: 'load' });
  await page.evaluate(() => (window as unknown as { __startBursts(): Promise<number> }).__startBursts());
  const result = await page.evaluate(() => {
    const shown = (el: Element) => el.getClientRects().length > 0;
    return {
      personVisible: [...document.querySelectorAll('[data-person]')].filter(shown).length,
      decoysHidden: [...document.querySelectorAll('[data-decoy]')].filter((el) => !shown(el)).length,
    };
  });
  await page.close();
  return result;
}

// ---------------------------------------------------------------------------------------------
// 4. Popup: opening to the streak number painted, 100,000 urges and 1,000 activities vs none.

/**
 * The fixture person's urges and activities, spread evenly over the last 90 days; one urge in
 * seven went on anyway. Imported through the options page, so the app stores them as it would.
 */
function historyOf(urges: number, activities: number): History {
  const now = Date.now();
  const span = 90 * 86_400_000;
  const at = (i: number, of: number) => new Date(now - Math.floor((i / of) * span)).toISOString();
  return {
    urges: Array.from({ length: urges }, (_, i) => ({
      at: at(i, urges),
      person: PERSON.name,
      site: SITES[i % SITES.length]!,
      surface: PAGE_SURFACES[i % PAGE_SURFACES.length]!,
      outcome: i % 7 === 0 ? 'overrode' : 'resisted',
    })),
    activities: Array.from({ length: activities }, (_, i) => ({ at: at(i, activities), activity: 'walk-20' })),
  };
}

/** Milliseconds from the popup's navigation to the streak number's paint (Element Timing). */
async function popupPaint(bench: BenchContext, coldWorker: boolean): Promise<number> {
  if (coldWorker) {
    const page = bench.context.pages()[0] ?? (await bench.context.newPage());
    const cdp = await bench.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }
  const popup = await extensionPage(bench, 'popup.html');
  const paintedAt = await popup.evaluate(
    () =>
      new Promise<number>((done) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((candidate) => (candidate as PerformanceEntry & { identifier: string }).identifier === 'streak');
          if (entry) done((entry as PerformanceEntry & { renderTime: number }).renderTime);
        }).observe({ type: 'element', buffered: true });
      }),
  );
  await popup.close();
  return paintedAt;
}

// ---------------------------------------------------------------------------------------------
// 5. Urge logging: 1,000 reports sent at once from a content script's own world.

async function urgeBurst(bench: BenchContext): Promise<{ sent: number; expected: number; stored: number; perUrgeMs: number }> {
  const page = await bench.context.newPage();
  const cdp = await bench.context.newCDPSession(page);
  const worlds: { id: number; name: string; type: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push({ id: context.id, name: context.name, type: String(context.auxData?.type) }));
  await cdp.send('Runtime.enable');
  await page.goto('https://www.facebook.com/', { waitUntil: 'load' });
  await sleep(300);
  const contentWorld = worlds.filter((world) => world.type === 'isolated' && world.name === 'Clean Break').at(-1);
  if (!contentWorld) throw new Error('The content script world was not found.');

  // 16 people × 13 sites × 5 page surfaces gives 1,040 distinct checks; 1,000 reports over 800
  // of them repeat 200, which the worker must count once (same person, site and surface within 30 s).
  const combos = Array.from({ length: 16 }, (_, p) => SITES.flatMap((site) => PAGE_SURFACES.map((surface) => ({ personId: p + 1, site, surface })))).flat();
  const reports = Array.from({ length: 1_000 }, (_, i) => ({ ...combos[i % 800]!, outcome: 'resisted' }));
  const expected = new Set(reports.map((report) => `${report.personId}|${report.site}|${report.surface}`)).size;

  const control = await extensionPage(bench, 'options.html');
  const countUrges = async () => (await dbCounts(control)).urges ?? 0;
  const before = await countUrges();
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: contentWorld.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => {
      const reports = ${JSON.stringify(reports)};
      const started = performance.now();
      await Promise.all(reports.map((report) => chrome.runtime.sendMessage({ name: 'cs-bg-log-urge', data: { ...report, at: Date.now() } })));
      return performance.now() - started;
    })()`,
  });
  const elapsed = Number(result.value);
  const stored = (await countUrges()) - before;
  await Promise.all([page.close(), control.close()]);
  return { sent: reports.length, expected, stored, perUrgeMs: elapsed / reports.length };
}

// ---------------------------------------------------------------------------------------------

function zipSizes(): { file: string; bytes: number }[] {
  return readdirSync(OUTPUT)
    .filter((name) => name.endsWith('.zip'))
    .map((name) => ({ file: name, bytes: statSync(join(OUTPUT, name)).size }));
}

it('measures the shield, the popup and the worker, and writes BENCHMARKS.md', async () => {
  const lines: string[] = [];
  const progress = (what: string) => process.stderr.write(`bench: ${what}\n`);
  const print = (line = '') => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };

  // Bundles first: deterministic, and nothing else needs a browser.
  const scripts = contentScripts(CHROME_DIR);
  const largestScript = scripts.reduce((a, b) => (a.gzip >= b.gzip ? a : b));
  const popupGzip = pageScriptsGzip(CHROME_DIR, 'popup.html');
  const zips = zipSizes();

  const flash = { chromium: await flashIn('chromium'), firefox: await flashIn('firefox') };
  progress(`flash ${JSON.stringify(flash)}`);

  const feedBytes = new TextEncoder().encode(feedPage()).length;
  const handles = PERSON.accounts.filter((account) => account.site === 'facebook').map((account) => account.handle);
  const naiveDir = naiveExtension(handles);
  // Rule counts and CSS size for one person and ten, as the worker compiles them for Facebook.
  const compiled = (list: Person[]) => {
    const withIds = list.map((person, index) => ({ ...person, id: index + 1 }));
    const selectors = compileSelectors(SITE_RULES.facebook, targetsFor('facebook', withIds, []));
    const css = compileCss(selectors);
    return { rules: selectors.length, css, cssBytes: new TextEncoder().encode(css).length };
  };
  const rulesOne = compiled(people(0));
  const rulesTen = compiled(people(9));
  const variants = {
    without: await launchChromium(null, benchServer(false)),
    oneperson: await launchChromium(CHROME_DIR, benchServer(false)),
    tenpeople: await launchChromium(CHROME_DIR, benchServer(false)),
    naive: await launchChromium(naiveDir, benchServer(false)),
    // The same rules as the page's own stylesheet, no extension: what the CSS alone costs, so the
    // table can tell the rules' cost from the engine's (script, curtain, user-origin injection).
    pagecss: await launchChromium(null, benchServer(false, rulesOne.css)),
  };
  type Name = keyof typeof variants;
  const setUp = async (bench: BenchContext, list: Person[], history?: History) => {
    const page = await extensionPage(bench, 'options.html');
    const options: OptionsPage = {
      upload: (selector, file) => page.setInputFiles(selector, file),
      // 100,000 urges take the import a quarter of a minute.
      waitFor: async (selector) => void (await page.waitForSelector(selector, { timeout: 120_000 })),
    };
    await importPeople(options, list, history);
    const stored = await dbCounts(page);
    if (stored.people !== list.length || stored.urges !== (history?.urges.length ?? 0)) {
      throw new Error(`The import stored ${JSON.stringify(stored)}.`);
    }
    await page.close();
  };
  progress('setting up people');
  await setUp(variants.oneperson, people(0));
  await setUp(variants.tenpeople, people(9));
  const browserVersion = variants.without.context.browser()?.version() ?? 'unknown';

  progress('checking the feed is shielded');
  const hidden = {
    oneperson: await feedHidden(variants.oneperson.context),
    tenpeople: await feedHidden(variants.tenpeople.context),
    naive: await feedHidden(variants.naive.context),
    pagecss: await feedHidden(variants.pagecss.context),
  };

  // runs.without[i] and runs.oneperson[i] are the i-th pair: each pair adds one run to both.
  const runs: Record<Name, FeedRun[]> = { without: [], oneperson: [], tenpeople: [], naive: [], pagecss: [] };
  const extraPairs: Name[][] = Array.from({ length: FEED_PAIRS - 1 }, (_, pair) => (pair % 2 ? ['without', 'oneperson'] : ['oneperson', 'without']));
  for (let round = 0; round < ROUNDS; round += 1) {
    progress(`feed round ${round + 1} of ${ROUNDS}`);
    // Every other round runs the variants in reverse, so no variant always follows the same one.
    const order = [...(Object.keys(variants) as Name[]), ...extraPairs.flat()];
    for (const name of round % 2 ? order.reverse() : order) {
      const run = await feedRun(variants[name].context);
      runs[name].push(run);
      progress(`  ${name}: ${ms(run.mainThreadMs)} (script ${ms(run.scriptMs)}, style ${ms(run.styleMs)}, layout ${ms(run.layoutMs)}; all tasks ${ms(run.tasksMs)})`);
    }
  }
  const cost = (name: Name) => median(runs[name].map((run) => run.mainThreadMs));
  const part = (name: Name, key: 'scriptMs' | 'styleMs' | 'layoutMs' | 'tasksMs') => median(runs[name].map((run) => run[key]));
  const heapGrowth = (name: Name) => median(runs[name].map((run) => run.heapGrowthBytes));
  const firstPaint = (name: Name) => median(runs[name].map((run) => run.firstPaintMs));
  const units = runs.without[0]?.units ?? 0;

  // Popup: a database with a long history against one with only the person.
  progress('popup');
  const history = await launchChromium(CHROME_DIR, benchServer(false));
  await setUp(history, people(0), historyOf(100_000, 1_000));
  const popupRuns = { empty: { warm: [] as number[], cold: [] as number[] }, history: { warm: [] as number[], cold: [] as number[] } };
  for (let open = 0; open < POPUP_OPENS; open += 1) {
    popupRuns.empty.cold.push(await popupPaint(variants.oneperson, true));
    popupRuns.history.cold.push(await popupPaint(history, true));
    popupRuns.empty.warm.push(await popupPaint(variants.oneperson, false));
    popupRuns.history.warm.push(await popupPaint(history, false));
  }
  progress('urge burst');
  const burst = await urgeBurst(variants.oneperson);

  progress('progress view');
  const insights = await launchChromium(CHROME_DIR, benchServer(false));
  const progressUrges = await seedProgressHistory(insights);
  const progressRuns = [];
  for (let open = 0; open < POPUP_OPENS; open += 1) progressRuns.push(await progressRender(insights));
  await Promise.all([...Object.values(variants), history, insights].map((bench) => bench.close()));
  rmSync(naiveDir, { recursive: true, force: true });

  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
  const overhead = (name: Name) => ratio(cost(name), cost('without')) - 1;
  /** Each pair's own ratio, one person over no extension, run side by side: a moment the host slowed down slows both. */
  const pairOverheads = runs.oneperson.map((run, pair) => ratio(run.mainThreadMs, runs.without[pair]!.mainThreadMs) - 1);
  const shown = (value: Verdict) => (value === 'met' ? value : `**${value}**`);
  const verdict = (ok: boolean) => shown(ok ? 'met' : 'missed');

  print('# Benchmarks');
  print();
  print(`Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (${ROUNDS} interleaved rounds, the pair without and with one person ${FEED_PAIRS} times in each; ${POPUP_OPENS} popup opens per case).`);
  print();
  print(`- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}`);
  print(`- Chromium: ${browserVersion}`);
  print(`- Firefox: ${flash.firefox.version}`);
  print();
  print('| # | figure | measured | target | |');
  print('|---|---|---|---|---|');
  for (const [name, { figure }] of Object.entries(flash)) {
    print(`| 1 | flash frames, ${name} (${figure.pages} pages, ${figure.frames} sampled frames) | ${figure.flashFrames} | 0 | ${verdict(figure.flashFrames === 0)} |`);
    if (figure.flashedPages.length > 0) print(`| 1 | … pages that flashed in ${name} | ${figure.flashedPages.join(', ')} | | |`);
  }
  print(`| 2 | main-thread time on the feed (${units} units), without an extension | ${ms(cost('without'))} | | |`);
  const withoutRuns = runs.without.map((run) => run.mainThreadMs);
  const spread = (Math.max(...withoutRuns) - Math.min(...withoutRuns)) / cost('without');
  print(`| 2 | … its spread over the runs (max − min, of the median): how much the machine alone moves it | ${percent(spread).slice(1)} | | |`);
  print(`| 2 | … with Clean Break, one person (ratio of medians; median of each pair's own ratio) | ${ms(cost('oneperson'))} (${percent(overhead('oneperson'))}; ${percent(median(pairOverheads))}) | ≤ +3% | |`);
  const interval = medianInterval(pairOverheads);
  const intervalText = interval
    ? `${percent(interval.low)} to ${percent(interval.high)} (${(interval.coverage * 100).toFixed(1)}%)`
    : `none from ${pairOverheads.length} pairs (6 or more needed)`;
  print(`| 2 | … its confidence interval: each pair's own ratio (${pairOverheads.length} pairs), median's 95% interval (sign test) | ${intervalText} | within +3% | ${shown(verdictAtMost(interval, 0.03))} |`);
  const pairDifference = (pick: (run: FeedRun) => number) => median(runs.oneperson.map((run, pair) => pick(run) - pick(runs.without[pair]!)));
  const ownWork = pairDifference((run) => run.scriptMs + run.styleMs);
  const layoutChange = pairDifference((run) => run.layoutMs);
  const signedMs = (value: number) => `${value >= 0 ? '+' : '−'}${ms(Math.abs(value))}`;
  print(`| 2 | … the shield's own script and style / the page's layout, which skips their units (1 in ${FEED.personEvery}); median of each pair's difference | ${signedMs(ownWork)} (${percent(ownWork / cost('without'))}) / ${signedMs(layoutChange)} (${percent(layoutChange / cost('without'))}) | | |`);
  print(`| 2 | … with the naive observer baseline | ${ms(cost('naive'))} (${percent(overhead('naive'))}) | for comparison | |`);
  // Each round's own ratio against the median of that round's runs without an extension.
  const pageCssRatios = runs.pagecss.map((run, round) => ratio(run.mainThreadMs, median(runs.without.slice(round * FEED_PAIRS, (round + 1) * FEED_PAIRS).map((without) => without.mainThreadMs))) - 1);
  print(`| 2 | … the same rules as the page's own stylesheet, no extension: what the CSS alone costs (ratio of medians; median of each round's own ratio) | ${ms(cost('pagecss'))} (${percent(overhead('pagecss'))}; ${percent(median(pageCssRatios))}) | for comparison | |`);
  print(`| 3 | … with Clean Break, ten people | ${ms(cost('tenpeople'))} (${percent(overhead('tenpeople'))}) | | |`);
  const parsed = median(runs.without.map((run) => run.parsedMs));
  print(`| 2 | first contentful paint of the feed (its ${(feedBytes / 2 ** 20).toFixed(1)} MB of HTML parsed at ${ms(parsed)}): without / with one person | ${ms(firstPaint('without'))} / ${ms(firstPaint('oneperson'))} | printed | |`);
  const scaling = ratio(cost('tenpeople') - cost('without'), cost('oneperson') - cost('without'));
  const scalingTotal = ratio(cost('tenpeople'), cost('oneperson'));
  print(`| 3 | cost ratio, ten people ÷ one (whole page; extension's own share) | ${scalingTotal.toFixed(3)}×; ${Number.isFinite(scaling) ? `${scaling.toFixed(2)}×` : 'n/a'} | < 1.5× | ${verdict(scalingTotal < 1.5)} |`);
  print(`| 3 | Facebook rules compiled: one person / ten | ${rulesOne.rules} selectors, ${kb(rulesOne.cssBytes)} / ${rulesTen.rules} selectors, ${kb(rulesTen.cssBytes)} | | |`);
  for (const kind of ['cold', 'warm'] as const) {
    const empty = median(popupRuns.empty[kind]);
    const full = median(popupRuns.history[kind]);
    print(`| 4 | popup to streak painted, worker ${kind}: empty / 100,000 urges + 1,000 activities | ${ms(empty)} / ${ms(full)} (${ratio(full, empty).toFixed(2)}×) | ≤ 1.2× | ${verdict(ratio(full, empty) <= 1.2)} |`);
  }
  print(`| 5 | urges sent in a burst / distinct / stored | ${burst.sent} / ${burst.expected} / ${burst.stored} | all distinct stored | ${verdict(burst.stored === burst.expected)} |`);
  print(`| 5 | time per urge (worker, IndexedDB, de-duplication) | ${ms(burst.perUrgeMs)} | | |`);
  print(`| 6 | largest content script (${largestScript.file}), gzip | ${kb(largestScript.gzip)} | ≤ ${kb(BUDGETS.contentScript)} | ${verdict(largestScript.gzip <= BUDGETS.contentScript)} |`);
  print(`| 6 | content scripts with Dexie or Preact | ${scripts.filter((script) => script.libraries.length > 0).length} of ${scripts.length} | 0 | ${verdict(scripts.every((script) => script.libraries.length === 0))} |`);
  print(`| 6 | popup JavaScript in total, gzip | ${kb(popupGzip)} | ≤ ${kb(BUDGETS.popup)} (aim 30 KB) | ${verdict(popupGzip <= BUDGETS.popup)} |`);
  for (const zip of zips) print(`| 6 | ${zip.file} | ${kb(zip.bytes)} | | |`);
  const progressView = median(progressRuns.map((run) => run.view));
  print(`| 8 | Progress view with ${PROGRESS_BENCH.days} days of urges (${progressUrges.toLocaleString('en-US')}) renders in (data read, charts drawn) | ${ms(progressView)} | < 200 ms | ${verdict(progressView < 200)} |`);
  print(`| 8 | … from opening options.html#progress to the charts painted | ${ms(median(progressRuns.map((run) => run.fromNavigation)))} | | |`);
  const memory = heapGrowth('oneperson') - heapGrowth('without');
  print(`| 7 | heap growth over the 100 bursts, Clean Break minus no extension | ${kb(memory)} | ≤ 1 MB | ${verdict(memory <= 1024 * 1024)} |`);
  print(`| 7 | … naive baseline minus no extension | ${kb(heapGrowth('naive') - heapGrowth('without'))} | for comparison | |`);
  print();
  print('Main-thread time is script + style + layout of the feed page\'s renderer (CDP `Performance.getMetrics`), from the');
  print('feed\'s navigation to two frames after the last burst, median of the runs. Parts, median, and every task of');
  print('that thread over the same span (parsing and painting included, which the figure leaves out):');
  print();
  print('| variant | script | style | layout | all tasks |');
  print('|---|---|---|---|---|');
  for (const name of Object.keys(variants) as Name[]) {
    print(`| ${name} | ${ms(part(name, 'scriptMs'))} | ${ms(part(name, 'styleMs'))} | ${ms(part(name, 'layoutMs'))} | ${ms(part(name, 'tasksMs'))} |`);
  }
  print();
  print(`On the feed, person units visible / decoy units hidden: one person ${hidden.oneperson.personVisible} / ${hidden.oneperson.decoysHidden}, ten people ${hidden.tenpeople.personVisible} / ${hidden.tenpeople.decoysHidden}, naive ${hidden.naive.personVisible} / ${hidden.naive.decoysHidden}, the rules as a page stylesheet ${hidden.pagecss.personVisible} / ${hidden.pagecss.decoysHidden}.`);

  const notes = readFileSync(join(import.meta.dirname, 'notes.md'), 'utf8');
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), `${lines.join('\n')}\n\n${notes}`);

  // What is deterministic is asserted.
  expect(flash.chromium.figure.flashFrames).toBe(0);
  expect(flash.firefox.figure.flashFrames).toBe(0);
  expect(hidden.oneperson).toEqual({ personVisible: 0, decoysHidden: 0 });
  expect(hidden.tenpeople).toEqual({ personVisible: 0, decoysHidden: 0 });
  expect(hidden.pagecss).toEqual({ personVisible: 0, decoysHidden: 0 });
  expect(burst.stored).toBe(burst.expected);
  expect(largestScript.gzip).toBeLessThanOrEqual(BUDGETS.contentScript);
  expect(popupGzip).toBeLessThanOrEqual(BUDGETS.popup);
  expect(units).toBe(FEED.initialPosts + FEED.bursts * FEED.postsPerBurst);
});

