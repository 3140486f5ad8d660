import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BROWSERS, launch, WELCOME_PATH, type ExtensionSession, type TestPage } from './harness';
import { ARTIFACTS, dbRows, inspectMarkers } from './support';
import { fixtureServer } from './sites';
import { SITE_FIXTURES } from '../fixtures';

const instagram = SITE_FIXTURES.find((fixtures) => fixtures.site === 'instagram')!;
const HOME = instagram.pages.find((page) => page.name === 'home feed')!;
const PROFILE = instagram.pages.find((page) => page.name === 'profile')!;

/** Long enough for every scripted insertion in the fixtures to have happened. */
const SETTLE_MS = 900;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.each(BROWSERS)('onboarding in %s', (browserName) => {
  let session: ExtensionSession;
  let welcome: TestPage;

  beforeAll(async () => {
    session = await launch(browserName, fixtureServer(), { keepWelcome: true });
  });
  afterAll(() => session?.close());

  it('opens the welcome page by itself on install, explaining the sites and where data lives', async () => {
    welcome = await session.extensionTab(WELCOME_PATH);
    await welcome.waitFor('form[aria-label="Add a person"]');
    const headings = await welcome.evaluate(() => [...document.querySelectorAll('h1, h2')].map((heading) => heading.textContent));
    expect(headings).toEqual([
      'Welcome to Clean Break',
      "1 Who you’re taking space from",
      '2 Why it asks for each site',
      '3 Where your data lives',
    ]);
    expect(await welcome.evaluate(() => document.querySelector('a[href="/privacy.html"]') !== null)).toBe(true);
  });

  it('sets up a person from profile links and ends on the glance', async () => {
    const form = 'form[aria-label="Add a person"]';
    await welcome.fill(`${form} input[name="name"]`, 'Sam Rivera');
    await welcome.fill(`${form} input[name="profile-link"]`, PROFILE.url);
    await welcome.click(`${form} .account-adder button`);
    await welcome.waitFor(`${form} .accounts li`);
    await welcome.click(`${form} button[type="submit"]`);
    await welcome.waitFor('[data-testid="welcome-glance"]');
    expect(await welcome.text('[data-testid="welcome-glance"] .person-name')).toBe('Sam Rivera');
    expect(await welcome.text('[data-testid="streak-days"]')).toBe('0');
    expect(await welcome.evaluate(() => document.activeElement?.id)).toBe('done-heading');
    await welcome.screenshot(join(ARTIFACTS, `welcome-done-${browserName}.png`), { fullPage: true });
    expect(await dbRows(welcome, 'people')).toMatchObject([
      { name: 'Sam Rivera', accounts: [{ site: 'instagram', handle: 'sam.rivera' }] },
    ]);
  });

  it('then the shield works: the person is hidden in the feed and their profile pauses', async () => {
    const home = await session.newPage();
    await home.goto(HOME.url);
    await sleep(SETTLE_MS);
    const markers = await inspectMarkers(home);
    expect(markers.person).toBe(HOME.person);
    expect(markers.visiblePeople).toEqual([]);
    expect(markers.hiddenDecoys).toEqual([]);
    await home.close();

    const profile = await session.newPage();
    await profile.goto(PROFILE.url);
    await profile.waitUntil(() => location.pathname.endsWith('/pause.html'), undefined, 15_000);
    await profile.waitFor('[data-testid="shield-day"]');
    await profile.close();
  });
});
