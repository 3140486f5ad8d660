/**
 * Friction that protects (issue #7), on the built extension in real Chromium and Firefox: the
 * cooldown before anything that weakens protection (driven by a controllable clock), the lock,
 * the friend code, tapering after the goal, pausing and resuming, late-night urge surfing, and
 * the private-window notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { ARTIFACTS, dbCounts, dbRows, inspectMarkers, localDateDaysAgo, openExtensionPage, writeTempFile } from './support';
import { fixtureServer } from './sites';
import { advancePageClock, axeViolations } from './friction-support';
import type { Person } from '@/lib/model';

const PROFILE = 'https://www.instagram.com/sam.rivera/';
const HOME = 'https://www.instagram.com/';
const TEN_MINUTES = 10 * 60_000;

interface UrgeRow {
  id: number;
  personId: number;
  site: string;
  surface: string;
  outcome: string;
}

function backup(person: { name: string; daysAgo: number; goalDays: number; accounts: Person['accounts'] }) {
  return JSON.stringify({
    app: 'clean-break',
    version: 1,
    people: [{ name: person.name, noContactSince: localDateDaysAgo(person.daysAgo), goalDays: person.goalDays, accounts: person.accounts }],
    reasons: ['I want my evenings back.'],
  });
}

const SAM = {
  name: 'Sam Rivera',
  daysAgo: 12,
  goalDays: 30,
  accounts: [
    { site: 'instagram', handle: 'sam.rivera' },
    { site: 'x', handle: 'samriv' },
  ] satisfies Person['accounts'] as Person['accounts'],
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Long enough for a page to have asked the worker and applied its answer. */
const SETTLE_MS = 1_000;
/** A pause or pass that ends this soon still leaves a loaded machine time to load and ask before it does. */
const ENDS_SOON_MS = 6_000;

describe.each(BROWSERS)('friction in %s', (browserName) => {
  let session: ExtensionSession;
  let clockInstalled = false;

  /**
   * A page whose clock the test moves (see advancePageClock). In Chromium the fake clock is the
   * whole context's: it is installed once, before the first such page loads.
   */
  const clockPage = async (path: string) => {
    const page = await session.newPage();
    if (page.installClock && !clockInstalled) {
      await page.installClock(new Date());
      clockInstalled = true;
    }
    await page.goto(path.startsWith('http') ? path : session.extensionUrl(path));
    return page;
  };
  const advance = advancePageClock;
  const setLocal = (page: TestPage, items: Record<string, unknown>) =>
    page.evaluate((values) => {
      type Api = { storage: { local: { set(items: object): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (scope.browser ?? scope.chrome).storage.local.set(values);
    }, items);
  const readLocal = (page: TestPage, key: string) =>
    page.evaluate((name) => {
      type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (scope.browser ?? scope.chrome).storage.local.get(name).then((items) => items[name] ?? null);
    }, key);
  /**
   * Sam's "Continue anyway" pass in the tab at `url`, as the pause page grants it, but ending at
   * `until` rather than in ten minutes. The time comes from here: in Chromium the extension
   * pages' clock is the fake one the cooldown tests move.
   */
  const passUntil = async (page: TestPage, url: string, until: number) => {
    const [sam] = await dbRows<Person>(page, 'people');
    await page.evaluate(
      async ({ url, personId, until }) => {
        type Api = { tabs: { query(query: object): Promise<Array<{ id?: number }>> }; storage: { session: { set(items: object): Promise<void> } } };
        const scope = globalThis as unknown as { browser?: Api; chrome: Api };
        const api = scope.browser ?? scope.chrome;
        const [tab] = await api.tabs.query({ url });
        await api.storage.session.set({ shieldPasses: [{ tabId: tab!.id, site: 'instagram', personId, until }] });
      },
      { url, personId: sam!.id!, until },
    );
  };
  const remaining = (page: TestPage) => page.text('[data-testid="cooldown-remaining"]');
  const finishCooldown = async (page: TestPage, friendCode?: string) => {
    await page.waitFor('[data-testid="cooldown-confirm"]', 15_000);
    await page.fill('input[name="commitment"]', 'I am making this choice with care.');
    if (friendCode !== undefined) await page.fill('input[name="friend-code"]', friendCode);
    await page.click('[data-testid="cooldown-go"]');
  };
  /** Whether opening their profile lands on the shield (it logs an urge when it does). */
  const shielded = async () => {
    const page = await session.newPage();
    await page.goto(PROFILE);
    await sleep(1500);
    const onShield = (await page.evaluate(() => location.pathname)) === '/pause.html';
    await page.close();
    return onShield;
  };

  beforeAll(async () => {
    session = await launch(browserName, fixtureServer());
  });
  afterAll(() => session?.close());

  it('after the goal date the wait tapers to 1 minute unless strict mode is kept; Delete all data waits for it', async () => {
    const options = await clockPage('options.html');
    await options.upload('input[type="file"]', writeTempFile(`friction-past-${browserName}.json`, backup({ name: 'Alex', daysAgo: 40, goalDays: 30, accounts: [] })));
    await options.waitFor('[data-testid="tapered-note"]');

    await options.click('[data-testid="delete-all"]');
    await options.waitUntil(() => location.pathname === '/cooldown.html');
    expect(await remaining(options)).toBe('1:00 left');
    await options.click('[data-testid="keep-protection"]');
    await options.waitFor('input[name="strict"]');
    await options.click('input[name="strict"]');
    await options.waitUntil(() => document.querySelector<HTMLInputElement>('input[name="strict"]')?.checked === true);

    await options.click('[data-testid="delete-all"]');
    await options.waitUntil(() => location.pathname === '/cooldown.html');
    await options.waitFor('[data-testid="cooldown-remaining"]');
    expect(await remaining(options)).toBe('10:00 left');
    expect(await options.text('[data-testid="cooldown-what"]')).toContain('Delete all data');
    await advance(options, TEN_MINUTES);
    await finishCooldown(options);
    await options.waitFor('[data-testid="cooldown-done"]');
    expect(await dbCounts(options)).toEqual({ people: 0, urges: 0, contacts: 0, activities: 0 });
    expect(await readLocal(options, 'friction')).toBeNull();
    await options.close();

    // Set up Sam for the rest of the file: an empty database imports at once.
    const fresh = await openExtensionPage(session, 'options.html');
    await fresh.upload('input[type="file"]', writeTempFile(`friction-sam-${browserName}.json`, backup(SAM)));
    await fresh.waitFor('[data-testid="backup-message"]');
    await fresh.close();
  });

  it('closing the cooldown page cancels the change, and the attempt is logged as a settings urge', async () => {
    const options = await clockPage('options.html');
    await options.click('button[aria-label="Remove Instagram account sam.rivera"]');
    await options.waitFor('[data-testid="weakening-hint"]');
    await options.click('form[aria-label="Sam Rivera"] button[type="submit"]');
    await options.waitUntil(() => location.pathname === '/cooldown.html');
    await options.waitFor('[data-testid="cooldown-remaining"]');
    expect(await options.text('[data-testid="cooldown-what"]')).toBe('Remove Sam Rivera’s Instagram account “sam.rivera”');
    expect(await remaining(options)).toBe('10:00 left');
    expect(await options.text('[data-testid="cooldown-streak"]')).toContain('Day 12 of 30');
    await options.waitFor('[data-testid="activity"]');
    await options.screenshot(join(ARTIFACTS, `friction-cooldown-${browserName}.png`), { fullPage: true });
    if (options.setColorScheme) {
      await options.setColorScheme('dark');
      await options.screenshot(join(ARTIFACTS, `friction-cooldown-dark-${browserName}.png`), { fullPage: true });
    }
    expect(await axeViolations(options)).toEqual([]);
    const control = await openExtensionPage(session, 'options.html');
    await options.close();

    const [sam] = await dbRows<Person>(control, 'people');
    expect(sam!.accounts).toEqual(SAM.accounts);
    const urges = await dbRows<UrgeRow>(control, 'urges');
    expect(urges).toEqual([expect.objectContaining({ personId: sam!.id, site: 'elsewhere', surface: 'settings', outcome: 'resisted' })]);
    expect(await shielded()).toBe(true);
    await control.close();
  });

  it('the change happens only once the wait is over (a reload starts it again), the sentence is typed, then it is done', async () => {
    const options = await clockPage('options.html');
    await options.click('button[aria-label="Remove Instagram account sam.rivera"]');
    await options.click('form[aria-label="Sam Rivera"] button[type="submit"]');
    await options.waitUntil(() => location.pathname === '/cooldown.html');
    await options.waitFor('[data-testid="cooldown-remaining"]');
    await advance(options, 6 * 60_000);
    await options.waitUntil(() => document.querySelector('[data-testid="cooldown-remaining"]')?.textContent === '4:00 left');
    expect(await options.evaluate(() => document.querySelector('[data-testid="cooldown-confirm"]'))).toBeNull();

    await options.evaluate(() => location.reload());
    await options.waitUntil(() => document.querySelector('[data-testid="cooldown-remaining"]')?.textContent === '10:00 left');
    await advance(options, TEN_MINUTES);
    await options.waitFor('[data-testid="cooldown-confirm"]', 15_000);
    await options.fill('input[name="commitment"]', 'whatever');
    expect(await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="cooldown-go"]')!.disabled)).toBe(true);
    await options.waitFor('[data-testid="cooldown-confirm"]', 15_000);
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot(join(ARTIFACTS, `friction-cooldown-confirm-${browserName}.png`), { fullPage: true });
    await finishCooldown(options);
    await options.waitFor('[data-testid="cooldown-done"]');

    // The cooldown page runs under the extension's strict CSP without a complaint or an error.
    expect(options.console.filter((line) => /content security policy|content-security-policy/i.test(line))).toEqual([]);
    expect(options.errors).toEqual([]);

    const [sam] = await dbRows<Person>(options, 'people');
    expect(sam!.accounts).toEqual([{ site: 'x', handle: 'samriv' }]);
    const settingsUrges = (await dbRows<UrgeRow>(options, 'urges')).filter((urge) => urge.surface === 'settings');
    expect(settingsUrges.map((urge) => urge.outcome)).toEqual(['resisted', 'overrode']);
    await options.close();
    expect(await shielded()).toBe(false);

    // Adding the account back strengthens protection: it is instant.
    const again = await openExtensionPage(session, 'options.html');
    await again.fill('form[aria-label="Sam Rivera"] input[name="profile-link"]', PROFILE);
    await again.click('form[aria-label="Sam Rivera"] .account-adder > .row:first-child > button');
    await again.click('form[aria-label="Sam Rivera"] button[type="submit"]');
    await again.waitUntil(() => document.querySelector('[data-testid="person-status"]')?.textContent === 'Saved.');
    expect(await again.evaluate(() => location.pathname)).toBe('/options.html');
    await again.close();
    expect(await shielded()).toBe(true);
  });

  it('a friend code, once set, is needed to pause; the popup says calmly that protection is paused; open tabs follow the pause and the resume without a reload', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.click('[data-testid="set-friend-code"]');
    const code = await options.text('[data-testid="friend-code"]');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(JSON.stringify(await readLocal(options, 'friendCode'))).not.toContain(code.replace('-', ''));
    await options.close();
    // A feed already open, with them hidden: the pause reaches it without a reload.
    const openBefore = await session.newPage();
    await openBefore.goto(HOME);
    await openBefore.waitUntil(() => document.querySelectorAll('[data-person]').length > 0);
    expect((await inspectMarkers(openBefore)).visiblePeople).toEqual([]);
    await openBefore.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const cooldown = await clockPage(`cooldown.html?action=${encodeURIComponent(JSON.stringify({ kind: 'pause', scope: 'everywhere', length: 'hour' }))}`);
    await cooldown.waitFor('[data-testid="cooldown-remaining"]');
    expect(await cooldown.text('[data-testid="cooldown-what"]')).toBe('Pause protection everywhere for 1 hour');
    await advance(cooldown, TEN_MINUTES);
    await finishCooldown(cooldown, 'AAAA-AAAA');
    await cooldown.waitFor('[data-testid="cooldown-problem"]');
    expect(await readLocal(cooldown, 'protectionPause')).toBeNull();
    await cooldown.fill('input[name="friend-code"]', code.toLowerCase());
    await cooldown.click('[data-testid="cooldown-go"]');
    await cooldown.waitFor('[data-testid="cooldown-done"]');
    await cooldown.close();
    expect(await shielded()).toBe(false);
    await openBefore.waitUntil(() => document.querySelector('[data-person]')!.checkVisibility(), undefined, 15_000);
    expect((await inspectMarkers(openBefore)).hiddenDecoys).toEqual([]);
    expect(await openBefore.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // A feed opened while paused shows the person; resuming covers it again without a reload.
    const feed = await session.newPage();
    await feed.goto('https://www.instagram.com/');
    await feed.waitUntil(() => document.querySelectorAll('[data-person]').length > 0);
    expect((await inspectMarkers(feed)).visiblePeople.length).toBeGreaterThan(0);
    await feed.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="pause-notice"]');
    expect(await popup.text('[data-testid="pause-notice"]')).toContain('Protection is paused everywhere until');
    await popup.waitFor('[data-testid="private-windows-notice"]');
    await popup.screenshot(join(ARTIFACTS, `friction-popup-${browserName}.png`), { fullPage: true });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('[data-testid="pause-notice"] button');
    await popup.waitUntil(() => document.querySelector('[data-testid="pause-notice"]') === null);
    await popup.close();
    await feed.waitUntil(() => [...document.querySelectorAll('[data-person]')].every((el) => !el.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions)), undefined, 15_000);
    expect((await inspectMarkers(feed)).hiddenDecoys).toEqual([]);
    expect(await feed.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await feed.close();
    await openBefore.waitUntil(() => [...document.querySelectorAll('[data-person]')].every((el) => !el.checkVisibility()), undefined, 15_000);
    await openBefore.close();
    expect(await shielded()).toBe(true);
  });

  it('a pause or a "Continue anyway" that runs out reaches a tab left open: the person is hidden again and their profile shielded, without a reload', async () => {
    const everyoneHidden = () => [...document.querySelectorAll('[data-person]')].every((el) => !el.checkVisibility());
    const someoneShown = () => [...document.querySelectorAll('[data-person]')].some((el) => el.checkVisibility());
    // The control page first, so the feed opened after it is the tab in front (a hidden tab asks once shown).
    const control = await openExtensionPage(session, 'options.html');
    const feed = await session.newPage();
    await feed.goto(HOME);
    await feed.waitUntil(() => document.querySelectorAll('[data-person]').length > 0);
    await feed.waitUntil(everyoneHidden);
    await feed.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    // A pause as if its hour were nearly over: stored, and announced to open tabs, as a pause is.
    await setLocal(control, { protectionPause: { everywhere: Date.now() + ENDS_SOON_MS, sites: {} }, shieldRevision: Date.now() });
    await feed.waitUntil(someoneShown, undefined, 15_000);
    await feed.waitUntil(everyoneHidden, undefined, 15_000);
    expect((await inspectMarkers(feed)).hiddenDecoys).toEqual([]);

    // "Continue anyway" lets the person through in that tab, here with seconds of its ten minutes left.
    await passUntil(control, HOME, Date.now() + ENDS_SOON_MS);
    await setLocal(control, { shieldRevision: Date.now() });
    await feed.waitUntil(someoneShown, undefined, 15_000);
    await feed.waitUntil(everyoneHidden, undefined, 15_000);
    expect(await feed.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // The pass is over in that tab too: going to their profile in the app is shielded again.
    await feed.evaluate(() => (window as unknown as { fixtureNavigate(path: string): void }).fixtureNavigate('/sam.rivera/'));
    await feed.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
    await feed.close();
    await control.close();
  });

  // Only Firefox hides a tab that is not in front; Chromium's headless tabs are all visible.
  if (browserName === 'firefox') {
    it('a tab in the background whose pass ran out asks again only once it is shown: no urge is counted while nobody looks', async () => {
      const control = await openExtensionPage(session, 'options.html');
      const tab = await session.newPage();
      await tab.goto(HOME);
      const ends = Date.now() + ENDS_SOON_MS;
      await passUntil(control, HOME, ends);
      await tab.goto(PROFILE);
      await sleep(SETTLE_MS);
      expect(await tab.evaluate(() => location.pathname)).toBe('/sam.rivera/');
      const urgesBefore = (await dbRows<UrgeRow>(control, 'urges')).length;

      await control.bringToFront();
      await sleep(ends - Date.now() + 2_000);
      expect(await tab.evaluate(() => location.pathname)).toBe('/sam.rivera/');
      expect(await dbRows<UrgeRow>(control, 'urges')).toHaveLength(urgesBefore);

      await tab.bringToFront();
      await tab.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
      expect(await dbRows<UrgeRow>(control, 'urges')).toHaveLength(urgesBefore + 1);
      await tab.close();
      await control.close();
    });
  }

  it('in the chosen late-night hours, "Continue anyway" first takes a 90-second urge-surfing timer; in the day it does not', async () => {
    const control = await openExtensionPage(session, 'options.html');
    const hour = await control.evaluate(() => new Date().getHours());
    await setLocal(control, { friction: { cooldownMinutes: 10, strictAfterGoal: false, lockedUntil: null, lateNight: { enabled: true, startHour: (hour + 1) % 24, endHour: (hour + 2) % 24 } } });
    const day = await session.newPage();
    await day.goto(PROFILE);
    await day.waitFor('[data-testid="continue-anyway"]', 15_000);
    expect(await day.evaluate(() => document.querySelector('[data-testid="start-urge-surf"]'))).toBeNull();
    await day.close();

    await setLocal(control, { friction: { cooldownMinutes: 10, strictAfterGoal: false, lockedUntil: null, lateNight: { enabled: true, startHour: hour, endHour: (hour + 1) % 24 } } });
    await control.close();
    const night = await session.newPage();
    await night.goto(HOME);
    await night.goto(PROFILE);
    await night.waitFor('[data-testid="start-urge-surf"]', 15_000);
    expect(await night.evaluate(() => document.querySelector('[data-testid="continue-anyway"]'))).toBeNull();
    await night.click('[data-testid="start-urge-surf"]');
    await night.waitFor('[data-testid="urge-surf"]');
    expect(await night.text('[data-testid="urge-surf-remaining"]')).toBe('1:30');
    expect(await night.text('[data-testid="urge-surf"]')).toContain('I want my evenings back.');
    // Once, beside the breath, and with the countdown on screen.
    expect(await night.evaluate(() => document.body.innerText.split('I want my evenings back.').length - 1)).toBe(1);
    await night.waitUntil(() => document.querySelector('[data-testid="urge-surf-remaining"]')!.getBoundingClientRect().bottom <= innerHeight);
    await night.screenshot(join(ARTIFACTS, `friction-late-night-${browserName}.png`), { fullPage: true });
    expect(await axeViolations(night)).toEqual([]);
    await advance(night, 60_000);
    await sleep(400);
    expect(await night.evaluate(() => document.querySelector('[data-testid="continue-anyway"]'))).toBeNull();
    await advance(night, 30_000);
    await night.waitFor('[data-testid="continue-anyway"]');
    expect(night.console.filter((line) => /content security policy|content-security-policy/i.test(line))).toEqual([]);
    await night.close();
  });

  it('an import that would drop the person waits for the cooldown too; closing it keeps what is here', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.upload('input[type="file"]', writeTempFile(`friction-jo-${browserName}.json`, backup({ name: 'Jo', daysAgo: 3, goalDays: 30, accounts: [] })));
    await options.waitFor('[data-testid="import-weakening"]');
    expect(await options.text('[data-testid="import-weakening"]')).toContain('Sam Rivera would no longer be hidden');
    await options.evaluate(() => {
      [...document.querySelectorAll('button')].find((button) => button.textContent === 'Continue to the wait…')!.click();
    });
    await options.waitUntil(() => location.pathname === '/cooldown.html');
    await options.waitFor('[data-testid="cooldown-what"]');
    expect(await options.text('[data-testid="cooldown-what"]')).toMatch(/^Replace everything here with the backup “.*friction-jo-\w+\.json”$/);
    await options.close();
    const control = await openExtensionPage(session, 'options.html');
    expect((await dbRows<Person>(control, 'people')).map((person) => person.name)).toEqual(['Sam Rivera']);
    await control.close();
  });

  it('the lock is explained before it is turned on, then blocks removing and pausing until the goal date', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.click('[data-testid="start-lock"]');
    await options.waitFor('[data-testid="confirm-lock"]');
    expect(await options.text('[data-testid="lock-card"]')).toContain('ends by itself');
    await options.click('[data-testid="confirm-lock"]');
    await options.waitFor('[data-testid="lock-status"]');
    expect(await readLocal(options, 'friction')).toMatchObject({ lockedUntil: localDateDaysAgo(12 - 30) });
    await options.waitFor('[data-testid="locked-note"]');
    expect(await options.evaluate(() => document.querySelector('[data-testid="start-pause"]'))).toBeNull();
    await options.screenshot(join(ARTIFACTS, `friction-options-${browserName}.png`), { fullPage: true });
    expect(await axeViolations(options)).toEqual([]);

    await options.click('form[aria-label="Sam Rivera"] button.danger');
    await options.waitFor('[data-testid="person-status"]');
    expect(await options.text('[data-testid="person-status"]')).toContain('people can’t be removed');
    expect(await options.evaluate(() => location.pathname)).toBe('/options.html');

    // Even straight to the cooldown page's address: no wait to sit out, nothing to confirm.
    const [sam] = await dbRows<Person>(options, 'people');
    await options.close();
    const cooldown = await clockPage(`cooldown.html?action=${encodeURIComponent(JSON.stringify({ kind: 'remove-person', personId: sam!.id }))}`);
    await cooldown.waitFor('[data-testid="cooldown-locked"]');
    await advance(cooldown, TEN_MINUTES);
    expect(await cooldown.evaluate(() => document.querySelector('[data-testid="cooldown-confirm"]'))).toBeNull();
    expect(await dbCounts(cooldown)).toMatchObject({ people: 1 });
    await cooldown.close();
  });
});
