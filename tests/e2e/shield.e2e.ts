import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { ARTIFACTS, dbRows, inspectMarkers, localDateDaysAgo, openExtensionPage, writeTempFile } from './support';
import { fixtureServer } from './sites';
import { turnOffLateNight } from './friction-support';
import { SITE_FIXTURES } from '../fixtures';
import { PERSON, PERSON_IDENTIFIERS } from '../fixtures/person';
import { SITE_RULES } from '@/lib/sites/rules';
import { identifierKind } from '@/lib/sites/types';
import { cssString } from '@/lib/shield/css';
import type { Site } from '@/lib/model';

/** Each hide rule of a site, instantiated for each of the person's identifiers of its kind. */
function ruleSelectors(site: Site): { rule: number; selector: string }[] {
  const handles = PERSON.accounts.filter((account) => account.site === site).map((account) => account.handle);
  return SITE_RULES[site].flatMap((rule, index) =>
    handles
      .filter((handle) => identifierKind(handle) === rule.kind)
      .map((handle) => ({ rule: index, selector: rule.selector.replaceAll('{id}', cssString(handle)) })),
  );
}

/**
 * How many elements each selector matches across the fixture files, parsed in the browser (so the
 * person's own pages count too, though the shield never lets them render); -1 where the browser
 * can't parse the selector.
 */
function countMatches(page: TestPage, htmls: string[], selectors: string[]): Promise<number[]> {
  return page.evaluate(
    ([files, list]) => {
      const documents = files.map((html) => new DOMParser().parseFromString(html, 'text/html'));
      return list.map((selector) => {
        try {
          return documents.reduce((sum, doc) => sum + doc.querySelectorAll(selector).length, 0);
        } catch {
          return -1;
        }
      });
    },
    [htmls, selectors] as const,
  );
}

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** The census counts every couple of seconds. */
const CENSUS_SAMPLE_MS = 2_100;

/** Long enough for every scripted insertion in the fixtures to have happened. */
const SETTLE_MS = 900;

interface UrgeRow {
  id: number;
  site: string;
  surface: string;
  outcome: string;
}

/** Reads, inside the page, every stylesheet it can read and attribute written after load that names the person. */
function leaksOf(page: TestPage, identifiers: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const probe = (window as unknown as { __cleanBreakProbe: { attributeWrites: string[] } }).__cleanBreakProbe;
    const names = (ids as string[]).map((id) => id.toLowerCase());
    const mentions = (text: string) => names.some((id) => text.toLowerCase().includes(id));
    const leaks: string[] = [];
    for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
      const text = [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
      if (mentions(text)) leaks.push(`stylesheet ${sheet.href ?? '(inline)'}`);
    }
    leaks.push(...probe.attributeWrites.filter(mentions).map((write) => `attribute ${write}`));
    return leaks;
  }, identifiers);
}

/** What is visible, and whether anything names the person. */
async function inspect(page: TestPage, identifiers: string[]) {
  return { ...(await inspectMarkers(page)), leaks: await leaksOf(page, identifiers) };
}

function personBackup() {
  return JSON.stringify({
    app: 'clean-break',
    version: 1,
    exportedAt: new Date().toISOString(),
    people: [{ name: PERSON.name, noContactSince: localDateDaysAgo(12), goalDays: 30, accounts: PERSON.accounts }],
    reasons: REASONS,
  });
}

const REASONS = ['I want my evenings back.', '<b>Not</b> going back to checking'];

/** A page on the same site that no fixture serves. */
const site404 = (url: string) => new URL('/__nothing__/', url).href;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.each(BROWSERS)('shield in %s', (browserName) => {
  let session: ExtensionSession;
  let control: TestPage;
  const flashes: string[] = [];
  /** What any page threw, content scripts included. (Consoles also carry the browsers' own notices.) */
  const pageErrors: string[] = [];

  const urges = () => dbRows<UrgeRow>(control, 'urges');
  /** The urge the pause page shows. A repeat of the same check within 30 s is the same urge. */
  const pausedUrge = async (page: TestPage) => {
    const id = Number(await page.evaluate(() => new URLSearchParams(location.search).get('urge')));
    return (await urges()).find((urge) => urge.id === id);
  };
  const visit = async (url: string) => {
    const page = await session.newPage();
    await page.goto(url);
    return page;
  };
  const closeCollecting = async (page: TestPage) => {
    flashes.push(...page.console.filter((line) => line.startsWith('[probe] flash')));
    pageErrors.push(...page.errors);
    await page.close();
  };

  beforeAll(async () => {
    session = await launch(browserName, fixtureServer());
    control = await openExtensionPage(session, 'options.html');
    await control.upload('input[type="file"]', writeTempFile('shield-person.json', personBackup()));
    await control.waitFor('[data-testid="backup-message"]');
    await turnOffLateNight(control);
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const site of SITE_FIXTURES) {
    describe(site.site, () => {
      for (const fixture of site.pages.filter((page) => !page.shield)) {
        it(`hides the person and nobody else on the ${fixture.name}, with no visible frame`, async () => {
          const page = await visit(fixture.url);
          await sleep(SETTLE_MS);
          const state = await inspect(page, PERSON_IDENTIFIERS);
          if (fixture.name === site.pages[0]?.name) await page.screenshot(join(ARTIFACTS, `${site.site}-${browserName}.png`), { fullPage: true });
          await closeCollecting(page);
          expect({ person: state.person, decoys: state.decoys }).toEqual({ person: fixture.person, decoys: fixture.decoys });
          expect(state.visiblePeople).toEqual([]);
          expect(state.hiddenDecoys).toEqual([]);
          expect(state.frames).toBeGreaterThan(3);
          expect(state.flashed).toEqual([]);
          expect(state.flashFrames).toBe(0);
          expect(state.leaks).toEqual([]);
        });
      }

      it('parses every hide rule and finds each one used somewhere in the fixtures', async () => {
        const selectors = ruleSelectors(site.site);
        const files = [...new Set(site.pages.map((page) => page.file))].map((file) =>
          readFileSync(join(FIXTURES, site.site, file), 'utf8'),
        );
        const counts = await countMatches(control, files, selectors.map((entry) => entry.selector));
        expect(selectors.filter((_, index) => counts[index]! < 0).map((entry) => entry.selector)).toEqual([]);
        const used = new Set(selectors.filter((_, index) => counts[index]! > 0).map((entry) => entry.rule));
        const rules = SITE_RULES[site.site];
        expect(rules.filter((_, index) => !used.has(index)).map((rule) => rule.selector)).toEqual([]);
      });

      const first = site.pages.find((page) => !page.shield)!;
      it(`counts once each thing kept out of view on the ${first.name}`, async () => {
        const counted = async () =>
          (await dbRows<{ site: string; count: number }>(control, 'keptOutOfView'))
            .filter((row) => row.site === site.site)
            .reduce((sum, row) => sum + row.count, 0);
        // Pages closed by the tests before may still be reporting.
        let before = await counted();
        for (let previous = -1; before !== previous; before = await counted()) {
          previous = before;
          await sleep(300);
        }
        const page = await visit(first.url);
        // Two samples: the page as loaded, then what its scripts added (a first sample that finds
        // style to flush may spend its few milliseconds before it is through).
        await sleep(2 * CENSUS_SAMPLE_MS);
        // What the rules hide, by the browser's own matching, and what the engine hid from script
        // (an inline style): each element of theirs once (not a separator hidden beside it), and
        // not again what is inside another.
        const outermost = await page.evaluate((selectors) => {
          const hiddenByScript = [...document.querySelectorAll<HTMLElement>('[style]')].filter(
            (element) => element.style.getPropertyValue('display') === 'none' && element.style.getPropertyPriority('display') === 'important',
          );
          const theirs = new Set<Element>();
          for (const element of [...selectors.flatMap((selector) => [...document.querySelectorAll(selector)]), ...hiddenByScript]) {
            if (element.closest('[data-person]') ?? element.querySelector('[data-person]')) theirs.add(element);
          }
          return [...theirs].filter((element) => ![...theirs].some((other) => other !== element && other.contains(element))).length;
        }, ruleSelectors(site.site).map((entry) => entry.selector));
        await page.goto(site404(first.url)); // leaving the page counts what is left and reports it
        await closeCollecting(page);
        for (let waited = 0; (await counted()) - before < outermost && waited < 3_000; waited += 200) await sleep(200);
        await sleep(300); // and anything counted twice would have arrived too
        expect(outermost).toBeGreaterThan(0);
        expect((await counted()) - before).toBe(outermost);
      });

      for (const fixture of site.pages.filter((page) => page.shield)) {
        it(`replaces the ${fixture.name} with the shield and logs a ${fixture.shield} urge`, async () => {
          const page = await visit(fixture.url);
          await page.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
          await page.waitFor('[data-testid="shield-day"]');
          expect(await page.text('[data-testid="shield-day"]')).toBe('Day 12 of 30');
          // The user's reasons, rendered as text: markup in them stays literal.
          expect(await page.evaluate(() => [...document.querySelectorAll('[data-testid="reasons"] li')].map((li) => li.textContent))).toEqual(REASONS);
          expect(await page.evaluate(() => document.querySelector('[data-testid="reasons"] b'))).toBeNull();
          expect(await pausedUrge(page)).toMatchObject({ site: site.site, surface: fixture.shield, outcome: 'resisted' });
          await closeCollecting(page);
        });
      }

      if (site.navigation) {
        const { from, toPerson, toDecoy, personSurface } = site.navigation;
        it('catches client-side navigation to the person before it paints, and lets a decoy through', async () => {
          const page = await visit(from);
          await sleep(SETTLE_MS);
          await page.evaluate((path) => (window as unknown as { fixtureNavigate(p: string): void }).fixtureNavigate(path), toDecoy);
          await sleep(300);
          expect(await page.evaluate(() => location.pathname)).toBe(toDecoy);
          await page.evaluate((path) => (window as unknown as { fixtureNavigate(p: string): void }).fixtureNavigate(path), toPerson);
          await page.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
          expect(await pausedUrge(page)).toMatchObject({ site: site.site, surface: personSurface });
          await closeCollecting(page);
        });
      }

      if (site.search) {
        const { url, input } = site.search;
        it('logs one search urge when their handle is typed into the search box', async () => {
          const page = await visit(url);
          await sleep(SETTLE_MS);
          const before = (await urges()).length;
          const handle = PERSON.accounts.find((account) => account.site === site.site)!.handle;
          await page.fill(input, `@${handle.toUpperCase()}`);
          await sleep(1200);
          await page.fill(input, handle);
          await sleep(1200);
          await closeCollecting(page);
          const after = await urges();
          expect(after.slice(before)).toEqual([expect.objectContaining({ site: site.site, surface: 'search' })]);
        });
      }
    });
  }

  it('"Go back" leaves the shield for the page before it', async () => {
    const fixtures = SITE_FIXTURES[0]!;
    const home = fixtures.pages.find((page) => !page.shield)!;
    const target = fixtures.pages.find((page) => page.shield)!;
    const page = await visit(home.url);
    await page.goto(target.url);
    await page.waitFor('[data-testid="go-back"]', 15_000);
    await page.screenshot(join(ARTIFACTS, `shield-${browserName}.png`));
    await page.click('[data-testid="go-back"]');
    await page.waitUntil((url) => location.href === url, home.url, 15_000);
    await closeCollecting(page);
  });

  it('"Continue anyway" needs a deliberate hold, then lets that page through and records "overrode"', async () => {
    const target = SITE_FIXTURES[0]!.pages.find((page) => page.shield)!;
    const page = await visit(target.url);
    await page.waitFor('[data-testid="continue-anyway"]', 15_000);
    await page.click('[data-testid="continue-anyway"]'); // a click is not a hold
    await sleep(3500);
    expect(await page.evaluate(() => location.pathname)).toBe('/pause.html');
    // The click was let go too soon, so the hint is on screen now, not only read out.
    expect(await page.evaluate(() => document.querySelector('[data-testid="hold-hint"]')!.className)).not.toContain('sr-only');
    expect(await page.text('[data-testid="hold-hint"]')).toBe('Press and hold for 3 seconds to continue. They’ll then show in this tab for 10 minutes.');
    const urgeId = Number(await page.evaluate(() => new URLSearchParams(location.search).get('urge')));
    await page.evaluate(() => {
      const button = document.querySelector('[data-testid="continue-anyway"]')!;
      button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    await page.waitUntil((url) => location.href === url, new URL(target.url).href, 15_000);
    await sleep(SETTLE_MS);
    expect(await page.evaluate(() => location.pathname)).not.toBe('/pause.html');
    await page.close(); // the person is on screen here by the user's choice, not a flash
    const stored = (await urges()).find((urge) => urge.id === urgeId);
    expect(stored?.outcome).toBe('overrode');
  });

  it('counts what it kept out of view, and the popup says so', async () => {
    const home = SITE_FIXTURES[0]!.pages[0]!;
    const page = await visit(home.url);
    await sleep(2_600); // one census sample
    await page.goto(site404(home.url)); // leaving the page reports the count
    await closeCollecting(page);
    await control.waitUntil(
      () =>
        new Promise<boolean>((resolve) => {
          const request = indexedDB.open('clean-break');
          request.onsuccess = () => {
            const all = request.result.transaction('keptOutOfView').objectStore('keptOutOfView').getAll();
            all.onsuccess = () => resolve(all.result.some((row: { count: number }) => row.count > 0));
          };
        }),
    );
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="kept-out-of-view"]');
    expect(await popup.text('[data-testid="kept-out-of-view"]')).toMatch(/^\d+ of their posts and messages kept out of view today\.$/);
    await popup.close();
  });

  it('warns in the popup when a site’s markup no longer fits, until a page fits again', async () => {
    const fixtures = SITE_FIXTURES.find((entry) => entry.site === 'instagram')!;
    const changed = fixtures.pages.find((page) => page.file === 'home-changed.html')!;
    const healthy = fixtures.pages.find((page) => page.file === 'home.html')!;
    const healthNotice = async () => {
      const popup = await openExtensionPage(session, 'popup.html');
      await popup.waitFor('[data-testid="streak-days"]');
      await sleep(300);
      const shown = await popup.evaluate(() => document.querySelector('[data-testid="health-notice"]')?.textContent ?? null);
      await popup.close();
      return shown;
    };

    const page = await visit(changed.url);
    await sleep(3_500); // the first health check runs 3 s after load
    expect(await healthNotice()).toMatch(/^Protection on Instagram may be incomplete/);
    await page.goto(healthy.url);
    await sleep(3_500);
    await closeCollecting(page);
    expect(await healthNotice()).toBeNull();
  });

  if (browserName === 'firefox') {
    it('shows when a site is not allowed, as Firefox lets people revoke it', async () => {
      await control.evaluate(() => {
        type PermissionsApi = { permissions: { remove(p: { origins: string[] }): Promise<boolean> } };
        return (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.remove({ origins: ['*://*.instagram.com/*'] });
      });
      const popup = await openExtensionPage(session, 'popup.html');
      await popup.waitFor('[data-testid="permission-notice"]');
      expect(await popup.text('[data-testid="permission-notice"]')).toContain("isn’t allowed on Instagram yet");
      await popup.close();
    });
  }

  it('never showed the person for a single frame on any page', () => {
    expect(flashes.slice(0, 5)).toEqual([]);
  });

  it('never let an error escape into any page', () => {
    expect(pageErrors.slice(0, 5)).toEqual([]);
  });
});
