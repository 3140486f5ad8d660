/**
 * What the user types (names, reasons, display-name handles) is shown as text everywhere:
 * markup in it stays literal, creates no element and runs nothing. Clean Break shows no
 * notifications yet, so the popup, the options page and the pause page are every place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { localDateDaysAgo, openExtensionPage, writeTempFile } from './support';
import { fixtureServer } from './sites';
import { SITE_FIXTURES } from '../fixtures';
import { PERSON } from '../fixtures/person';

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Sam';
const RTL_NAME = 'سام 🌙';
const DISPLAY_NAME_HANDLE = '<i onmouseover="window.__pwned=5">Sam</i> 💛';
const REASONS = [
  '<img src=x onerror="window.__pwned=3">I deserve calm mornings',
  '<script>window.__pwned=4</script>💔 <b>not</b> going back',
  'أستحق الهدوء 🌿',
];

function backup(): string {
  return JSON.stringify({
    app: 'clean-break',
    version: 1,
    people: [
      { name: HOSTILE_NAME, noContactSince: localDateDaysAgo(12), goalDays: 30, accounts: PERSON.accounts },
      {
        name: RTL_NAME,
        noContactSince: localDateDaysAgo(3),
        goalDays: 21,
        accounts: [{ site: 'snapchat', handle: DISPLAY_NAME_HANDLE }],
      },
    ],
    reasons: REASONS,
  });
}

interface Cleanliness {
  pwned: unknown;
  images: number;
  inlineScripts: number;
  /** Elements whose tag came from the user's text: i, b, img, script without a src. */
  userElements: string[];
}

/** After a moment for any injected handler to fire: nothing ran, no element came from the text. */
async function cleanliness(page: TestPage): Promise<Cleanliness> {
  await new Promise((done) => setTimeout(done, 400));
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    images: document.querySelectorAll('img').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((script) => !script.src).length,
    userElements: [...document.querySelectorAll('i, b, [onerror], [onmouseover]')].map((element) => element.outerHTML),
  }));
}

const CLEAN: Cleanliness = { pwned: undefined, images: 0, inlineScripts: 0, userElements: [] };

const texts = (page: TestPage, selector: string) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].map((element) => element.textContent), selector);

describe.each(BROWSERS)('names and reasons render as text in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launch(browserName, fixtureServer());
    const options = await openExtensionPage(session, 'options.html');
    await options.upload('input[type="file"]', writeTempFile(`names-${browserName}.json`, backup()));
    await options.waitFor('[data-testid="backup-message"]');
    expect(await options.text('[data-testid="backup-message"]')).toContain('Backup imported: 2 people');
    await options.close();
  });
  afterAll(() => session?.close());

  it('in the popup: the streak, the other people, and the person picker', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="streak-days"]');
    expect(await texts(popup, '.person-name')).toEqual([HOSTILE_NAME]);
    expect(await texts(popup, '.others li')).toEqual([`${RTL_NAME}: 3 days`]);
    await popup.evaluate(() => {
      [...document.querySelectorAll('button')].find((button) => button.textContent === 'I reached out to them')!.click();
    });
    await popup.waitFor('[data-testid="slip-panel"] select');
    expect(await texts(popup, '[data-testid="slip-panel"] option')).toEqual([HOSTILE_NAME, RTL_NAME]);
    expect(await cleanliness(popup)).toEqual(CLEAN);
    await popup.close();
  });

  it('in the options page: each person, their accounts, the removal question and the reasons', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('[data-testid="reasons-list"]');
    expect(await options.evaluate(() => [...document.querySelectorAll('form.person-editor')].map((form) => form.getAttribute('aria-label')))).toEqual([
      HOSTILE_NAME,
      RTL_NAME,
    ]);
    expect(await options.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[name="name"]')].map((input) => input.value))).toEqual([
      HOSTILE_NAME,
      RTL_NAME,
    ]);
    expect(await texts(options, '.accounts .handle')).toContain(DISPLAY_NAME_HANDLE);
    expect(await texts(options, '[data-testid="reasons-list"] li span')).toEqual(REASONS);

    expect(await cleanliness(options)).toEqual(CLEAN);

    // Removing them first goes to the cooldown page, which names exactly what it will do.
    await options.evaluate(() => {
      [...document.querySelectorAll('button')].find((button) => button.textContent === 'Remove this person…')!.click();
    });
    await options.waitUntil(() => location.pathname === '/cooldown.html');
    await options.waitFor('[data-testid="cooldown-what"]');
    expect(await options.text('[data-testid="cooldown-what"]')).toBe(`Remove ${HOSTILE_NAME} and everything logged about them`);
    expect(await cleanliness(options)).toEqual(CLEAN);
    await options.close();
  });

  it('on the pause page that replaces their profile', async () => {
    const profile = SITE_FIXTURES.find((site) => site.site === 'instagram')!.pages.find((page) => page.shield === 'profile')!;
    const page = await session.newPage();
    await page.goto(profile.url);
    await page.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
    await page.waitFor('[data-testid="reasons"]');
    expect(await page.text('[data-testid="shield-day"]')).toBe('Day 12 of 30');
    expect(await texts(page, '[data-testid="reasons"] li')).toEqual(REASONS);
    expect(await cleanliness(page)).toEqual(CLEAN);
    await page.close();
  });
});
