import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, originOf, type ExtensionSession, type RecordedRequest, type TestPage } from './harness';
import { dbRows, openExtensionPage } from './support';
import { fixtureServer } from './sites';
import { SITE_FIXTURES } from '../fixtures';
import { PERSON } from '../fixtures/person';

function fixturePage(site: string, name: string): string {
  const page = SITE_FIXTURES.find((fixtures) => fixtures.site === site)?.pages.find((candidate) => candidate.name === name);
  if (!page) throw new Error(`No ${site} fixture named "${name}"`);
  return page.url;
}
// Fixture pages that load nothing but themselves, so any other request from their tabs is the extension's.
const INSTAGRAM_HOME = fixturePage('instagram', 'home feed');
const FACEBOOK_HOME = fixturePage('facebook', 'home feed');
const INSTAGRAM_PROFILE = fixturePage('instagram', 'profile');

const PROFILE_LINKS = [
  'https://www.instagram.com/sam.rivera/',
  'https://www.facebook.com/sam.rivera.77',
  'https://www.facebook.com/profile.php?id=100004567890123',
];

/** Long enough for every scripted insertion in the fixtures to have happened. */
const SETTLE_MS = 900;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const clickButton = (page: TestPage, label: string) =>
  page.evaluate((text) => {
    const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === text);
    if (!button) throw new Error(`No button "${text}"`);
    button.click();
  }, label);

/** Stylesheets an extension page links that did not apply (as its CSP would make them). */
const unappliedStyles = (page: TestPage) =>
  page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    return links.length === 0 ? ['(no stylesheet linked)'] : links.filter((link) => link.sheet === null).map((link) => link.href);
  });

/** What the site's own origin has kept in the browser, as the site's scripts could read it. */
const siteStorage = (page: TestPage) =>
  page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookies: document.cookie,
    databases: (await indexedDB.databases()).map((database) => database.name),
  }));

describe.each(BROWSERS)('privacy in %s', (browserName) => {
  let session: ExtensionSession;
  let extensionOrigin: string;
  /** Pages the test itself opens on the sites: the only requests that may leave the browser. */
  const opened = new Set<string>();

  const visit = async (url: string) => {
    opened.add(new URL(url).href);
    const page = await session.newPage();
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    session = await launch(browserName, fixtureServer(), { recordRequests: true });
    extensionOrigin = originOf(session.extensionUrl('/'));
  });
  afterAll(() => session?.close());

  it('offers set-up in the popup', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="setup"]');
    expect(await unappliedStyles(popup)).toEqual([]);
    await popup.close();
  });

  it('saves the person, their accounts and a reason from Settings', async () => {
    const options = await openExtensionPage(session, 'options.html');
    const form = 'form[aria-label="Add a person"]';
    await options.waitFor(form);
    expect(await unappliedStyles(options)).toEqual([]);
    await options.fill(`${form} input[name="name"]`, PERSON.name);
    for (const link of PROFILE_LINKS) {
      await options.fill(`${form} input[name="profile-link"]`, link);
      await clickButton(options, 'Add link');
    }
    await options.waitUntil(([f, count]) => document.querySelectorAll(`${f} .accounts li`).length === count, [form, PROFILE_LINKS.length] as const);
    await clickButton(options, 'Save person');
    await options.waitUntil((f) => !document.querySelector(f), form);

    await options.fill('input[name="reason"]', 'I want my evenings back.');
    await options.evaluate(() => document.querySelector('input[name="reason"]')!.closest('form')!.requestSubmit());
    await options.waitUntil(() => document.querySelectorAll('[data-testid="reasons-list"] li').length === 1);
    const people = await dbRows<{ name: string; accounts: unknown[] }>(options, 'people');
    expect(people).toMatchObject([{ name: PERSON.name, accounts: expect.arrayContaining([{ site: 'instagram', handle: 'sam.rivera' }]) }]);
    await options.close();
  });

  it('hides them on two sites and stores nothing in those sites', async () => {
    for (const url of [INSTAGRAM_HOME, FACEBOOK_HOME]) {
      const page = await visit(url);
      await sleep(SETTLE_MS);
      const shown = await page.evaluate(() => ({
        person: document.querySelectorAll('[data-person]').length,
        visible: [...document.querySelectorAll('[data-person]')].filter((el) => el.checkVisibility()).length,
      }));
      expect(shown.person).toBeGreaterThan(0);
      expect(shown.visible).toBe(0);
      expect(await siteStorage(page)).toEqual({ localStorage: 0, sessionStorage: 0, cookies: '', databases: [] });
      await page.close();
    }
  });

  it('pauses on their profile, then the popup counts the resisted urge', async () => {
    const site = await visit(INSTAGRAM_PROFILE);
    await site.waitUntil(() => location.pathname.endsWith('/pause.html'), undefined, 15_000);
    await site.waitFor('[data-testid="shield-day"]');
    expect(await unappliedStyles(site)).toEqual([]);
    await site.close();

    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="urges-today"]');
    expect(await popup.text('[data-testid="urges-today"]')).toBe('1');
    await popup.close();
  });

  it('exports a backup as a file made in the page', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('[data-testid="reasons-list"]');
    await options.evaluate(() => {
      const scope = window as unknown as { exported?: Promise<string> };
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        scope.exported = (blob as Blob).text();
        return create(blob);
      };
    });
    await clickButton(options, 'Export backup');
    await options.waitUntil(() => (window as unknown as { exported?: unknown }).exported !== undefined);
    const exported = JSON.parse(await options.evaluate(() => (window as unknown as { exported: Promise<string> }).exported));
    expect(exported.people).toMatchObject([{ name: PERSON.name }]);
    expect(exported.urges).toHaveLength(1);
    await options.close();
  });

  describe('every request recorded while doing all of that', () => {
    /** Requests for anything but the extension's own files and data:/blob: addresses. */
    let leaving: RecordedRequest[];
    beforeAll(async () => {
      await sleep(500); // lets the last events arrive
      const stays = (url: string) => url.startsWith(`${extensionOrigin}/`) || /^(data|blob):/.test(url);
      leaving = (await session.requests()).filter((request) => !stays(request.url));
    });

    it('was recorded: the pages the test opened are there', () => {
      const navigations = new Set(leaving.filter((request) => request.navigation).map((request) => request.url));
      expect([...opened].filter((url) => !navigations.has(url))).toEqual([]);
    });

    it('from the extension’s worker and pages: none left the browser', () => {
      expect(leaving.filter((request) => request.from === extensionOrigin && !request.navigation)).toEqual([]);
    });

    it('from anything else, its content scripts included: none but the pages the test opened (and their tab icons)', () => {
      const tabIcon = (url: URL) => url.pathname === '/favicon.ico' && [...opened].some((page) => originOf(page) === url.origin);
      const unexpected = leaving.filter(
        (request) => !(request.navigation && opened.has(request.url)) && !tabIcon(new URL(request.url)),
      );
      expect(unexpected).toEqual([]);
    });
  });

  it('refuses, by its CSP, a connection, an inline script and eval on its own pages', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('main');
    const probe = 'https://example.com/clean-break-csp-probe';
    const outcome = await popup.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const connection = await fetch(url).then(
        () => 'sent',
        () => 'refused',
      );
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineScriptRan = true';
      document.head.append(inline);
      // From a task of the page's own: a call straight from the driver may be let through.
      const evaluated = await new Promise<string>((done) =>
        setTimeout(() => {
          try {
            (0, eval)('1');
            done('ran');
          } catch {
            done('refused');
          }
        }),
      );
      await new Promise((done) => setTimeout(done, 200));
      const inlineRan = (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
      return { connection, inlineRan, evaluated, violations: [...new Set(violations)].sort() };
    }, probe);
    await popup.close();
    expect(outcome).toEqual({
      connection: 'refused',
      inlineRan: false,
      evaluated: 'refused',
      violations: ['connect-src', 'script-src', 'script-src-elem'],
    });
    // Refused before it was made: it never reached the network.
    expect((await session.requests()).filter((request) => request.url === probe)).toEqual([]);
  });

  // A store extension's id is public, so a site could load the pause page at its fixed Chrome
  // address to learn that this person has Clean Break. Firefox's address is random per install.
  if (browserName === 'chromium') {
    it('lets no supported site find the extension by loading its pause page, which still shields', async () => {
      const site = await visit(INSTAGRAM_HOME);
      const fetched = await site.evaluate(
        (url) =>
          fetch(url).then(
            () => true,
            () => false,
          ),
        session.extensionUrl('pause.html'),
      );
      expect(fetched).toBe(false);
      await site.goto(INSTAGRAM_PROFILE);
      await site.waitFor('[data-testid="shield-day"]', 15_000);
      await site.close();
    });
  }
});
