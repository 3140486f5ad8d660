/**
 * A write that fails (the device is out of space) is answered with a calm message that says
 * so, and nothing already stored changes. The options and pause pages write to IndexedDB
 * themselves, so the test makes their writes fail in the page; the popup writes through the
 * worker, whose writes can be made to fail only in Chromium (Firefox's background page is
 * not reachable from the test driver).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { dbCounts, dbRows, localDateDaysAgo, openExtensionPage, writeTempFile } from './support';
import { fixtureServer } from './sites';
import { SITE_FIXTURES } from '../fixtures';
import { PERSON } from '../fixtures/person';
import { shiftPerformanceNow, turnOffLateNight } from './friction-support';

const OUT_OF_SPACE = (start: string) =>
  `${start}: your device is out of space for Clean Break. Nothing already stored was changed. ` +
  'Free some space on this device, then try again.';

const NOW_ISO = new Date(Date.now() - 3_600_000).toISOString();

function backup(): string {
  return JSON.stringify({
    app: 'clean-break',
    version: 1,
    people: [{ name: PERSON.name, noContactSince: localDateDaysAgo(12), goalDays: 30, accounts: PERSON.accounts }],
    urges: [{ at: NOW_ISO, person: PERSON.name, site: 'x', surface: 'post', outcome: 'resisted' }],
    contacts: [{ at: NOW_ISO, person: PERSON.name, kind: 'they-reached-out', note: 'asked about keys' }],
    reasons: ['I want my evenings back.'],
  });
}

type StoreWrite = 'add' | 'put' | 'delete' | 'clear';

/** Makes IndexedDB writes in the page fail the way a full disk does. */
function fillTheDisk(page: TestPage, methods: StoreWrite[] = ['add', 'put', 'delete', 'clear']): Promise<void> {
  return page.evaluate((failing) => {
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    for (const method of failing) Object.defineProperty(IDBObjectStore.prototype, method, { value: refuse, configurable: true });
  }, methods);
}

/** Everything stored, read straight from IndexedDB. */
async function stored(page: TestPage) {
  return {
    people: await dbRows(page, 'people'),
    settings: await dbRows(page, 'settings'),
    urges: await dbRows(page, 'urges'),
    contacts: await dbRows(page, 'contacts'),
    activities: await dbRows(page, 'activities'),
  };
}

function clickButton(page: TestPage, label: string, within = 'body'): Promise<void> {
  return page.evaluate(
    ([scope, text]) => {
      const button = [...document.querySelectorAll(`${scope} button`)].find((b) => b.textContent?.trim() === text);
      if (!button) throw new Error(`No button "${text}" in ${scope}`);
      (button as HTMLButtonElement).click();
    },
    [within, label] as const,
  );
}

const profile = SITE_FIXTURES.find((site) => site.site === 'instagram')!.pages.find((page) => page.shield === 'profile')!;
const story = SITE_FIXTURES.find((site) => site.site === 'instagram')!.pages.find((page) => page.shield === 'story')!;

describe.each(BROWSERS)('failed writes in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launch(browserName, fixtureServer());
    const options = await openExtensionPage(session, 'options.html');
    await options.upload('input[type="file"]', writeTempFile(`writes-${browserName}.json`, backup()));
    await options.waitFor('[data-testid="backup-message"]');
    expect(await options.text('[data-testid="backup-message"]')).toContain('Backup imported: 1 person');
    await turnOffLateNight(options);
    await options.close();
  });
  afterAll(() => session?.close());

  /**
   * Starts a change that lowers protection from the options page, sits out its cooldown, fills
   * the disk, confirms, and checks the message and that nothing changed since the cooldown page
   * logged the attempt.
   */
  async function failingAfterCooldown(start: (options: TestPage) => Promise<void>, message: string) {
    const page = await openExtensionPage(session, 'options.html');
    await page.waitFor('[data-testid="reasons-list"]');
    await start(page);
    await page.waitUntil(() => location.pathname === '/cooldown.html');
    await page.waitFor('[data-testid="cooldown-remaining"]');
    const before = await stored(page);
    await shiftPerformanceNow(page, 10 * 60_000);
    await page.waitFor('[data-testid="cooldown-confirm"]');
    await page.fill('input[name="commitment"]', 'I am making this choice with care.');
    await fillTheDisk(page);
    await page.click('[data-testid="cooldown-go"]');
    await page.waitFor('[data-testid="cooldown-problem"]');
    expect(await page.text('[data-testid="cooldown-problem"]')).toBe(message);
    expect(await stored(page)).toEqual(before);
    return page;
  }

  /** Opens the options page, fills the disk, does `act`, and checks the message and that nothing changed. */
  async function failingInOptions(
    act: (options: TestPage) => Promise<void>,
    messageAt: string,
    message: string,
    failing?: StoreWrite[],
  ) {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('[data-testid="reasons-list"]');
    const before = await stored(options);
    await fillTheDisk(options, failing);
    await act(options);
    await options.waitFor(messageAt);
    expect(await options.text(messageAt)).toBe(message);
    expect(await stored(options)).toEqual(before);
    return options;
  }

  it('saving a new person says the device is full and stores nothing; the form keeps what was typed', async () => {
    const options = await failingInOptions(
      async (page) => {
        await clickButton(page, 'Add another person');
        await page.waitFor('form[aria-label="Add a person"]');
        await page.fill('form[aria-label="Add a person"] input[name="name"]', 'Alex');
        await clickButton(page, 'Save person', 'form[aria-label="Add a person"]');
      },
      'form[aria-label="Add a person"] [data-testid="person-error"]',
      OUT_OF_SPACE("That couldn’t be saved"),
    );
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('form[aria-label="Add a person"] input[name="name"]')!.value)).toBe('Alex');
    await options.close();
  });

  it('changing a person (an added account, a new goal) says so and changes nothing', async () => {
    const form = `form[aria-label="${PERSON.name}"]`;
    const options = await failingInOptions(
      async (page) => {
        await page.fill(`${form} input[name="profile-link"]`, 'https://www.tiktok.com/@alex.k');
        await clickButton(page, 'Add link', form);
        await page.evaluate((f) => document.querySelector<HTMLInputElement>(`${f} input[type="radio"]`)!.click(), form);
        await clickButton(page, 'Save changes', form);
      },
      `${form} [data-testid="person-error"]`,
      OUT_OF_SPACE("That couldn’t be saved"),
    );
    await options.close();
  });

  it('removing a person (after its cooldown) says so and removes nothing', async () => {
    const page = await failingAfterCooldown(
      (options) => clickButton(options, 'Remove this person…', `form[aria-label="${PERSON.name}"]`),
      OUT_OF_SPACE("That couldn’t be removed"),
    );
    await page.close();
  });

  it('adding or removing a reason says so, keeps the list and what was typed', async () => {
    const options = await failingInOptions(
      async (page) => {
        await page.fill('input[name="reason"]', 'I sleep better now.');
        await page.evaluate(() => document.querySelector('input[name="reason"]')!.closest('form')!.requestSubmit());
      },
      '[data-testid="reasons-message"]',
      OUT_OF_SPACE("That couldn’t be saved"),
    );
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name="reason"]')!.value)).toBe('I sleep better now.');
    await options.click('button[aria-label="Remove reason 1"]');
    await options.waitUntil(() => document.querySelector('[data-testid="reasons-message"]')?.textContent?.startsWith("That couldn’t be removed") ?? false);
    expect(await options.evaluate(() => document.querySelectorAll('[data-testid="reasons-list"] li').length)).toBe(1);
    await options.close();
  });

  it('importing a backup that fails halfway (after emptying the tables) says so and leaves the data as it was', async () => {
    const replacement = JSON.stringify({
      app: 'clean-break',
      version: 1,
      // Keeps the person as they are (dropping them would take the cooldown) and adds another.
      people: [
        { name: PERSON.name, noContactSince: localDateDaysAgo(12), goalDays: 30, accounts: PERSON.accounts },
        { name: 'Jo', noContactSince: '2026-01-01', goalDays: 21, accounts: [] },
      ],
    });
    const options = await failingInOptions(
      async (page) => {
        await page.upload('input[type="file"]', writeTempFile(`replacement-${browserName}.json`, replacement));
        await page.waitFor('[aria-label="Replace your data?"]');
        await clickButton(page, 'Replace');
      },
      '[data-testid="backup-message"]',
      OUT_OF_SPACE("The backup couldn’t be imported"),
      ['add', 'put'],
    );
    await options.close();
  });

  it('deleting everything (after its cooldown) says so and deletes nothing', async () => {
    const page = await failingAfterCooldown((options) => clickButton(options, 'Delete all data…'), OUT_OF_SPACE("Your data couldn’t be deleted"));
    await page.close();
  });

  it('"Continue anyway" that cannot be recorded says so and stays on the pause page', async () => {
    const page = await session.newPage();
    await page.goto(profile.url);
    await page.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
    await page.waitFor('[data-testid="continue-anyway"]');
    const urgeId = Number(await page.evaluate(() => new URLSearchParams(location.search).get('urge')));
    const before = await stored(page);
    await fillTheDisk(page);
    await page.evaluate(() => {
      document.querySelector('[data-testid="continue-anyway"]')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    await page.waitFor('[data-testid="pause-error"]', 10_000);
    expect(await page.text('[data-testid="pause-error"]')).toBe(OUT_OF_SPACE("That couldn’t be recorded"));
    expect(await page.evaluate(() => location.pathname)).toBe('/pause.html');
    const after = await stored(page);
    expect(after).toEqual(before);
    expect((after.urges as { id: number; outcome: string }[]).find((urge) => urge.id === urgeId)?.outcome).toBe('resisted');
    await page.close();
  });

  it('a broken backup is refused with what is wrong, and nothing is written', async () => {
    const files: [name: string, content: string, says: string][] = [
      ['truncated', backup().slice(0, 60), "This file isn’t a backup: it isn’t valid JSON, so it may be damaged or cut short."],
      [
        'newer version',
        JSON.stringify({ ...JSON.parse(backup()), version: 2 }),
        'This backup was made by a newer version of Clean Break (version 2). Update the extension, then try again.',
      ],
      [
        'header behind __proto__',
        '{"__proto__":{"app":"clean-break","version":1,"people":[],"polluted":true}}',
        "This file isn’t a Clean Break backup: it doesn’t say which app made it.",
      ],
      [
        'year 99999',
        JSON.stringify({ ...JSON.parse(backup()), urges: [{ at: '+099999-01-01T00:00:00Z', person: PERSON.name, site: 'x', surface: 'post', outcome: 'resisted' }] }),
        'Urge 1 has a time that is outside the years 1970 to 2200 ("+099999-01-01T00:00:00Z").',
      ],
      ['20 MB', `{"app":"clean-break","version":1,"people":[],"x":"${'x'.repeat(20 * 1024 * 1024)}"}`, 'The file is just over 20 MB; backups can be at most 20 MB.'],
    ];
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('input[type="file"]');
    const before = await stored(options);
    for (const [name, content, says] of files) {
      const expected = `${says} Nothing was changed.`;
      const file = writeTempFile(`broken-${name.replace(/\W/g, '-')}-${browserName}.json`, content);
      await options.upload('input[type="file"]', file);
      // Each message differs from the one before, so the new one has arrived when it reads as expected.
      await options
        .waitUntil((text) => document.querySelector('[data-testid="backup-message"]')?.textContent === text, expected)
        .catch(() => undefined);
      expect(await options.text('[data-testid="backup-message"]'), name).toBe(expected);
      expect(await stored(options), name).toEqual(before);
      expect(await options.evaluate(() => (({}) as { polluted?: unknown }).polluted), name).toBeUndefined();
      rmSync(file);
    }
    await options.close();
  });

  if (browserName === 'chromium') {
    it('when the worker cannot store an urge: the page stays shielded, the popup opens and says so, until a write succeeds', async () => {
      const worker = session.evaluateInWorker!;
      await worker(() => {
        const scope = globalThis as unknown as { __realWrites?: unknown[] };
        scope.__realWrites = [IDBObjectStore.prototype.add, IDBObjectStore.prototype.put];
        const refuse = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        IDBObjectStore.prototype.add = refuse;
        IDBObjectStore.prototype.put = refuse;
      });

      const site = await session.newPage();
      await site.goto(story.url);
      await site.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
      await site.waitFor('[data-testid="go-back"]');
      expect(await site.text('h1')).toBe('Take a breath. This page is paused.');
      const before = await stored(site);
      await site.close();

      const popup = await openExtensionPage(session, 'popup.html');
      await popup.waitFor('[data-testid="streak-days"]');
      expect(await popup.text('[data-testid="streak-days"]')).toBe('12');
      await popup.waitFor('[data-testid="write-problem-notice"]');
      expect(await popup.text('[data-testid="write-problem-notice"]')).toMatch(
        /^Clean Break couldn’t save an urge you resisted at .+: your device is out of space for Clean Break\. Free some space on this device\. Everything saved before is safe, and hiding keeps working\. This note goes away once saving works again\.$/,
      );

      await clickButton(popup, 'They contacted me');
      await clickButton(popup, 'Log it');
      await popup.waitFor('[data-testid="contact-panel"] [role="alert"]');
      expect(await popup.text('[data-testid="contact-panel"] [role="alert"]')).toBe(OUT_OF_SPACE("That couldn’t be recorded"));
      await clickButton(popup, 'Done', '[data-testid="activity"]');
      await popup.waitFor('[data-testid="activity-error"]');
      expect(await popup.text('[data-testid="activity-error"]')).toBe(OUT_OF_SPACE("That couldn’t be recorded"));
      expect(await stored(popup)).toEqual(before);

      await worker(() => {
        const scope = globalThis as unknown as { __realWrites: [typeof IDBObjectStore.prototype.add, typeof IDBObjectStore.prototype.put] };
        [IDBObjectStore.prototype.add, IDBObjectStore.prototype.put] = scope.__realWrites;
      });
      await clickButton(popup, 'Log it');
      await popup.waitFor('[data-testid="contact-message"]');
      await popup.waitUntil(() => document.querySelector('[data-testid="write-problem-notice"]') === null);
      expect((await dbCounts(popup)).contacts).toBe(before.contacts.length + 1);
      await popup.close();
    });
  }
});
