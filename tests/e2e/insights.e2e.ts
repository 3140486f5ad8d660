/**
 * Insights (issue #8) in the built extension, in Chromium and Firefox: the Progress charts and
 * their summaries against seeded history, the popup's manual urge, weekly summary and milestone
 * celebration, and the reflection saved and exported. Screenshots are taken in Chromium, which
 * can emulate the dark theme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { dbRows, localDateDaysAgo, openExtensionPage, writeTempFile } from './support';

const SHOTS = process.env.INSIGHTS_SHOTS ?? '/tmp/insights-shots';
const DAY_MS = 86_400_000;

/** A local wall-clock time `daysAgo` days before today. */
function localTime(daysAgo: number, hour: number, minute = 0): Date {
  const date = new Date();
  date.setHours(12, 0, 0, 0);
  date.setDate(date.getDate() - daysAgo);
  date.setHours(hour, minute);
  return date;
}

function startOfLocalDay(daysAgo: number): number {
  const date = localTime(daysAgo, 0);
  return date.getTime();
}

function startOfThisWeek(): number {
  const date = new Date();
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return date.getTime();
}

interface SeedUrge {
  at: Date;
  site: string;
  surface: string;
  intensity?: number;
  note?: string;
}

/** 59 days of urges, three a day before the slip 20 days ago and one a day since, late at night. */
function seedUrges(): SeedUrge[] {
  const urges: SeedUrge[] = [];
  for (let daysAgo = 1; daysAgo <= 59; daysAgo += 1) {
    const times = daysAgo >= 20 ? [localTime(daysAgo, 0, 30), localTime(daysAgo, 22, 45), localTime(daysAgo, 23, 15)] : [localTime(daysAgo, 23, 15)];
    times.forEach((at, i) => urges.push({ at, site: (daysAgo + i) % 3 === 0 ? 'x' : 'instagram', surface: i === 1 ? 'story' : 'profile' }));
  }
  urges.push({ at: localTime(5, 21), site: 'elsewhere', surface: 'manual', intensity: 3, note: 'Wanted to call.' });
  urges.push({ at: localTime(6, 20), site: 'elsewhere', surface: 'manual' });
  urges.push({ at: localTime(3, 14), site: 'elsewhere', surface: 'settings' });
  return urges;
}

const URGES = seedUrges();
const SLIP_NOTE = 'Texted them on their birthday.';
const ACTIVITIES = [1, 2, 9, 10, 11, 30].map((daysAgo) => localTime(daysAgo, 18));

function seedBackup(noContactDaysAgo = 45, goalDays = 14, withSlip = true) {
  return JSON.stringify({
    app: 'clean-break',
    version: 1,
    people: [{ name: 'Sam', noContactSince: localDateDaysAgo(noContactDaysAgo), goalDays, accounts: [{ site: 'instagram', handle: 'sam.rivera' }] }],
    urges: URGES.map(({ at, ...urge }) => ({ at: at.toISOString(), person: 'Sam', outcome: 'resisted', ...urge })),
    contacts: withSlip ? [{ at: localTime(20, 10).toISOString(), person: 'Sam', kind: 'i-reached-out', note: SLIP_NOTE }] : [],
    activities: ACTIVITIES.map((at) => ({ at: at.toISOString(), activity: 'walk-20' })),
  });
}

/** Kept-out-of-view rows are not in backups: written straight into IndexedDB. */
function seedKept(page: TestPage, rows: { day: string; site: string; count: number }[]) {
  return page.evaluate(
    (list) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('clean-break');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('keptOutOfView', 'readwrite');
          for (const row of list) tx.objectStore('keptOutOfView').put(row);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
        };
      }),
    rows,
  );
}

async function importFile(page: TestPage, content: string, replace: boolean) {
  await page.waitFor('input[type="file"]');
  await page.upload('input[type="file"]', writeTempFile(`insights-${Date.now()}.json`, content));
  if (replace) {
    await page.waitFor('[aria-label="Replace your data?"]');
    await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Replace')!.click());
  }
  await page.waitUntil(() => document.querySelector('[data-testid="backup-message"]')?.textContent?.startsWith('Backup imported') ?? false);
}

function inWindow(days: number): SeedUrge[] {
  return URGES.filter((urge) => urge.at.getTime() >= startOfLocalDay(days - 1));
}

function chartFigures(page: TestPage, chart: string) {
  return page.evaluate((id) => {
    const figure = document.querySelector(`[data-testid="chart-${id}"]`)!;
    return {
      bars: [...figure.querySelectorAll('[data-testid="bar"]')].map((bar) => Number(bar.getAttribute('data-value'))),
      rows: Object.fromEntries(
        [...figure.querySelectorAll('[data-testid="row"]')].map((row) => [row.getAttribute('data-key'), Number(row.getAttribute('data-value'))]),
      ),
      rowLabels: [...figure.querySelectorAll('[data-testid="row"] .row-label')].map((text) => text.textContent),
      slips: figure.querySelectorAll('[data-testid="slip-mark"]').length,
      streakBand: figure.querySelector('[data-testid="streak-band"]') !== null,
      summary: figure.querySelector('[data-testid="chart-summary"]')!.textContent ?? '',
    };
  }, chart);
}

/** The chart key's words, spaced as they read. */
const legend = (text: string) => text.replace(/\s+/g, ' ').trim();

const noCspErrors = (page: TestPage) => page.console.filter((line) => /content.security.policy|refused to/i.test(line));

describe.each(BROWSERS)('insights in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launch(browserName);
    const options = await openExtensionPage(session, 'options.html');
    await importFile(options, seedBackup(), false);
    await seedKept(options, [
      { day: localDateDaysAgo(1), site: 'instagram', count: 12 },
      { day: localDateDaysAgo(1), site: 'x', count: 3 },
      { day: localDateDaysAgo(4), site: 'instagram', count: 5 },
      { day: localDateDaysAgo(70), site: 'instagram', count: 99 },
    ]);
    await options.close();
  });
  afterAll(() => session?.close());

  it('shows last week’s summary on the first open of a week only', async () => {
    const thisWeek = startOfThisWeek();
    const count = (from: number, to: number) => URGES.filter((u) => u.at.getTime() >= from && u.at.getTime() < to).length;
    const lastWeekUrges = count(thisWeek - 7 * DAY_MS, thisWeek);
    const weekBefore = count(thisWeek - 14 * DAY_MS, thisWeek - 7 * DAY_MS);
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="weekly-summary"]');
    const figures = await popup.text('[data-testid="weekly-figures"]');
    // Week boundaries are whole local days here, so a DST change inside them only moves an hour.
    expect(figures).toContain(`${lastWeekUrges} ${lastWeekUrges === 1 ? 'urge' : 'urges'}, against ${weekBefore} the week before`);
    expect(await popup.text('[data-testid="weekly-encouragement"]')).toMatch(/\.$/);
    await popup.close();

    const again = await openExtensionPage(session, 'popup.html');
    await again.waitFor('[data-testid="streak-days"]');
    await new Promise((done) => setTimeout(done, 500));
    expect(await again.evaluate(() => document.querySelector('[data-testid="weekly-summary"]') === null)).toBe(true);
    await again.close();
  });

  it('draws the Progress charts from the data, each with a summary that says what it shows', async () => {
    const options = await openExtensionPage(session, 'options.html#progress');
    await options.waitFor('[data-testid="progress-view"]');
    const month = inWindow(30);

    const daily = await chartFigures(options, 'daily');
    expect(daily.bars).toHaveLength(30);
    expect(daily.bars.reduce((a, b) => a + b, 0)).toBe(month.length);
    expect(daily.slips).toBe(1);
    expect(daily.streakBand).toBe(true);
    expect(daily.summary).toContain(`${month.length} urges in the last 30 days`);
    expect(daily.summary).toMatch(/^Urges fell from 3 a day in week 1 to 1(\.\d)? a day in the last 7 days\./);
    expect(daily.summary).toContain('1 day with a slip is marked.');
    expect(legend(await options.text('[data-testid="chart-daily"] .chart-legend'))).toBe('current streak a day with a slip');

    const hours = await chartFigures(options, 'hours');
    expect(hours.bars).toHaveLength(24);
    expect(hours.bars[23]).toBe(month.filter((u) => u.at.getHours() === 23).length);
    expect(hours.summary).toMatch(/^The most urges came between (10|11) p\.m\. and (1|2) a\.m\./);

    const sites = await chartFigures(options, 'sites');
    const bySite = (site: string) => month.filter((u) => u.site === site).length;
    expect(sites.rows).toEqual({ instagram: bySite('instagram'), x: bySite('x'), elsewhere: bySite('elsewhere') });
    const surfaces = await chartFigures(options, 'surfaces');
    expect(surfaces.rows).toMatchObject({ manual: 2, settings: 1 });
    expect(surfaces.rowLabels).toEqual(expect.arrayContaining(['Changing settings', 'Outside the browser']));

    const kept = await chartFigures(options, 'kept');
    expect(kept.bars.reduce((a, b) => a + b, 0)).toBe(20);
    expect(kept.summary).toBe('20 posts and messages of theirs kept out of view in the last 30 days, about 0.7 a day.');

    const activities = await chartFigures(options, 'activities');
    expect(activities.bars).toHaveLength(12);
    expect(activities.bars.reduce((a, b) => a + b, 0)).toBe(ACTIVITIES.length);

    expect(await options.text('[data-testid="longest-streak"]')).toBe('25 days');
    expect(await options.text('[data-testid="total-days"]')).toBe('44 days');
    expect(await options.text('[data-testid="streak-history"]')).toContain(SLIP_NOTE);

    await options.click('[data-testid="window-90"]');
    await options.waitUntil(() => document.querySelectorAll('[data-testid="chart-daily"] [data-testid="bar"]').length === 90);
    const quarter = await chartFigures(options, 'daily');
    expect(quarter.bars.reduce((a, b) => a + b, 0)).toBe(URGES.length);
    expect(quarter.summary).toContain(`${URGES.length} urges in the last 90 days`);

    if (options.setColorScheme) {
      for (const scheme of ['light', 'dark'] as const) {
        await options.setColorScheme(scheme);
        await options.click('[data-testid="window-30"]');
        await options.screenshot(`${SHOTS}/progress-${scheme}.png`, { fullPage: true });
      }
    }
    expect(options.errors).toEqual([]);
    expect(noCspErrors(options)).toEqual([]);
    await options.close();
  });

  it('keeps the charts’ axis labels full size and apart in a narrow window', async () => {
    const options = await openExtensionPage(session, 'options.html#progress');
    await options.waitFor('[data-testid="progress-view"]');
    /** Each bar chart's labels under its bars (the scale's are anchored at their end): size and place, left to right. */
    const axisLabels = () =>
      options.evaluate(() =>
        [...document.querySelectorAll('[data-testid="bar-chart"]')].map((svg) =>
          [...svg.querySelectorAll('.chart-axis[text-anchor="middle"]')]
            .map((text) => text.getBoundingClientRect())
            .map((box) => ({ left: box.left, right: box.right, height: box.height }))
            .sort((a, b) => a.left - b.left),
        ),
      );
    const drawnAtSize = () =>
      [...document.querySelectorAll<SVGSVGElement>('[data-testid="bar-chart"]')].every(
        (svg) => Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) <= 1,
      );

    for (const width of [null, '360px', '240px']) {
      if (width) await options.evaluate((max) => ((document.querySelector<HTMLElement>('.page')!).style.maxWidth = max), width);
      // A resize is seen by the next frame's ResizeObserver, and the chart drawn again before it paints.
      await options.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const charts = await axisLabels();
      expect(charts).toHaveLength(4);
      for (const labels of charts) {
        expect(labels.length).toBeGreaterThanOrEqual(2);
        // 12 px text: about 14 px tall, where a drawing scaled to a 360 px column made it 7.
        for (const label of labels) expect(label.height).toBeGreaterThan(11);
        for (let i = 1; i < labels.length; i += 1) expect(labels[i]!.left).toBeGreaterThanOrEqual(labels[i - 1]!.right);
      }
      expect(await options.evaluate(drawnAtSize)).toBe(true);
    }
    expect(options.errors).toEqual([]);
    await options.close();
  });

  it('logs an urge felt outside the browser from the popup, and Progress shows it', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.click('[data-testid="manual-urge-open"]');
    await popup.waitFor('[data-testid="manual-urge"]');
    await popup.click('input[name="intensity"][value="4"]');
    await popup.fill('[data-testid="manual-urge-note"]', 'Drove past their street, kept going.');
    if (popup.setColorScheme) {
      for (const scheme of ['light', 'dark'] as const) {
        await popup.setColorScheme(scheme);
        await popup.screenshot(`${SHOTS}/popup-manual-urge-${scheme}.png`, { fullPage: true });
      }
    }
    await popup.click('[data-testid="manual-urge-save"]');
    await popup.waitFor('[data-testid="manual-urge-message"]');
    expect(await popup.text('[data-testid="urges-today"]')).toBe('1');
    if (popup.setColorScheme) await popup.screenshot(`${SHOTS}/popup-after-urge.png`, { fullPage: true });
    const stored = (await dbRows<{ surface: string; site: string; intensity?: number; note?: string }>(popup, 'urges')).filter(
      (urge) => urge.note === 'Drove past their street, kept going.',
    );
    expect(stored).toEqual([expect.objectContaining({ site: 'elsewhere', surface: 'manual', intensity: 4, outcome: 'resisted' })]);
    expect(popup.errors).toEqual([]);
    expect(noCspErrors(popup)).toEqual([]);
    await popup.close();

    const options = await openExtensionPage(session, 'options.html#progress');
    await options.waitFor('[data-testid="progress-view"]');
    expect((await chartFigures(options, 'surfaces')).rows).toMatchObject({ manual: 3 });
    await options.close();
  });

  it('saves a reflection once the goal is reached, shows it later and includes it in the backup', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="reflect-link"]');
    await popup.close();

    const options = await openExtensionPage(session, 'options.html#reflection');
    await options.waitFor('[data-testid="reflection-view"]');
    await options.fill('[data-testid="answer-why-it-ended"]', 'We wanted different lives.');
    await options.fill('[data-testid="answer-ready"]', 'Ready to let it rest.');
    await options.click('input[name="leaning"]');
    await options.click('[data-testid="reflection-save"]');
    await options.waitFor('[data-testid="saved-reflection"]');
    expect(await options.text('[data-testid="saved-reflection"] summary')).toContain('Moving on');
    if (options.setColorScheme) await options.screenshot(`${SHOTS}/reflection.png`, { fullPage: true });

    await options.goto(session.extensionUrl('options.html'));
    await options.waitFor('[data-testid="tab-reflection"]');
    await options.waitFor('[data-testid="milestone-notifications"]');
    if (options.setColorScheme) await options.screenshot(`${SHOTS}/settings.png`, { fullPage: true });
    await options.evaluate(() => {
      const scope = window as unknown as { exported?: Promise<string> };
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        scope.exported = (blob as Blob).text();
        return 'blob:none';
      };
      HTMLAnchorElement.prototype.click = () => undefined;
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export backup')!.click();
    });
    await options.waitUntil(() => (window as unknown as { exported?: unknown }).exported !== undefined);
    const file = JSON.parse(await options.evaluate(() => (window as unknown as { exported: Promise<string> }).exported));
    expect(file.reflections).toEqual([
      {
        at: expect.any(String),
        person: 'Sam',
        answers: { 'why-it-ended': 'We wanted different lives.', ready: 'Ready to let it rest.' },
        leaning: 'moving-on',
      },
    ]);
    expect(file.urges).toContainEqual(expect.objectContaining({ surface: 'manual', intensity: 4, note: 'Drove past their street, kept going.' }));
    await options.close();
  });

  it('celebrates a milestone reached today in the popup, quietly, until dismissed', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await importFile(options, seedBackup(14, 30, false), true);
    await options.close();
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="celebration"]');
    expect(await popup.text('[data-testid="celebration"]')).toContain('Two weeks of space, as of today.');
    if (popup.setColorScheme) {
      for (const scheme of ['light', 'dark'] as const) {
        await popup.setColorScheme(scheme);
        await popup.screenshot(`${SHOTS}/popup-celebration-${scheme}.png`, { fullPage: true });
      }
    }
    await popup.click('[data-testid="celebration-dismiss"]');
    await popup.waitUntil(() => document.querySelector('[data-testid="celebration"]') === null);
    await popup.close();
    const again = await openExtensionPage(session, 'popup.html');
    await again.waitFor('[data-testid="streak-days"]');
    await new Promise((done) => setTimeout(done, 500));
    expect(await again.evaluate(() => document.querySelector('[data-testid="celebration"]') === null)).toBe(true);
    await again.close();
  });
});

describe.each(BROWSERS)('insights on the first days, in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launch(browserName);
    const options = await openExtensionPage(session, 'options.html');
    await importFile(
      options,
      JSON.stringify({ app: 'clean-break', version: 1, people: [{ name: 'Sam', noContactSince: localDateDaysAgo(2), goalDays: 30, accounts: [] }] }),
      false,
    );
    await options.close();
  });
  afterAll(() => session?.close());

  it('draws no empty plots: a chart with nothing in it is its sentence alone', async () => {
    const options = await openExtensionPage(session, 'options.html#progress');
    await options.waitFor('[data-testid="progress-view"]');
    const plotted = (chart: string) => options.evaluate((id) => document.querySelector(`[data-testid="chart-${id}"] [data-testid="bar-chart"]`) !== null, chart);

    // The current streak is something to show, even before any urge.
    const daily = await chartFigures(options, 'daily');
    expect(daily.streakBand).toBe(true);
    expect(daily.bars).toHaveLength(30);
    // No slip to mark, so no key for one.
    expect(legend(await options.text('[data-testid="chart-daily"] .chart-legend'))).toBe('current streak');
    for (const chart of ['hours', 'kept', 'activities']) {
      expect(await plotted(chart), chart).toBe(false);
      expect((await chartFigures(options, chart)).summary, chart).not.toBe('');
    }
    expect((await chartFigures(options, 'kept')).summary).toBe('Nothing of theirs needed hiding in the last 30 days.');
    if (options.setColorScheme) await options.screenshot(`${SHOTS}/progress-first-days.png`, { fullPage: true });

    // The first urge draws the hour chart.
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.click('[data-testid="manual-urge-open"]');
    await popup.waitFor('[data-testid="manual-urge"]');
    await popup.click('[data-testid="manual-urge-save"]');
    await popup.waitFor('[data-testid="manual-urge-message"]');
    await popup.close();
    expect(options.errors).toEqual([]);
    await options.close();
    const again = await openExtensionPage(session, 'options.html#progress');
    await again.waitFor('[data-testid="chart-hours"] [data-testid="bar-chart"]');
    expect((await chartFigures(again, 'hours')).bars.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await again.evaluate(() => document.querySelector('[data-testid="chart-kept"] [data-testid="bar-chart"]'))).toBeNull();
    await again.close();
  });
});
