import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { ARTIFACTS, badgeText, dbCounts, dbRows, localDateDaysAgo, openExtensionPage, waitForBadge, writeTempFile } from './support';

const START_DAYS_AGO = 12;
const URGE_AT = new Date(Date.now() - 3_600_000).toISOString();

function backup(daysAgo = START_DAYS_AGO) {
  return {
    app: 'clean-break',
    version: 1,
    exportedAt: new Date().toISOString(),
    people: [
      {
        name: 'Sam',
        noContactSince: localDateDaysAgo(daysAgo),
        goalDays: 30,
        accounts: [
          { site: 'instagram', handle: 'sam.rivera' },
          { site: 'facebook', handle: '100004567890123' },
        ],
      },
    ],
    urges: [{ at: URGE_AT, person: 'Sam', site: 'instagram', surface: 'profile', outcome: 'resisted' }],
    contacts: [{ at: '2026-11-10T09:00:00.000Z', person: 'Sam', kind: 'they-reached-out', note: '' }],
    activities: [{ at: '2026-11-21T18:00:00.000Z', activity: 'walk-20' }],
    aFieldFromTheFuture: { ignored: true },
  };
}

const INSTAGRAM_PROFILE = `<!doctype html><html><head><title>Instagram</title></head>
<body><main role="main"><header><h2>sam.rivera</h2></header><p data-person>Sam Rivera's profile</p></main></body></html>`;

async function importBackup(session: ExtensionSession, content: string, name = 'backup.json'): Promise<TestPage> {
  const options = await openExtensionPage(session, 'options.html');
  await options.waitFor('input[type="file"]');
  await options.upload('input[type="file"]', writeTempFile(name, content));
  return options;
}

describe.each(BROWSERS)('foundation in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launch(browserName, (url) =>
      url.hostname === 'www.instagram.com' ? { body: INSTAGRAM_PROFILE } : null,
    );
  });
  afterAll(() => session?.close());

  it('runs in the suite’s midday time zone, so no test crosses local midnight', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    const browserOffset = await popup.evaluate(() => new Date().getTimezoneOffset());
    expect(browserOffset).toBe(new Date().getTimezoneOffset());
    expect(await popup.evaluate(() => new Date().getHours())).toBe(new Date().getHours());
    expect(Math.abs(new Date().getHours() - 12)).toBeLessThanOrEqual(1);
    if (session.evaluateInWorker) expect(await session.evaluateInWorker(() => new Date().getTimezoneOffset())).toBe(browserOffset);
    await popup.close();
  });

  it('offers set-up in the popup when nobody is configured', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="setup"]');
    expect(await popup.text('[data-testid="setup"] button')).toBe('Set up');
    await popup.close();
  });

  it('imports a backup into an empty extension; the popup and badge show the streak', async () => {
    const options = await importBackup(session, JSON.stringify(backup()));
    await options.waitFor('[data-testid="backup-message"]');
    expect(await options.text('[data-testid="backup-message"]')).toContain('Backup imported: 1 person, 1 urge');
    expect(await dbCounts(options)).toEqual({ people: 1, urges: 1, contacts: 1, activities: 1 });
    await options.close();

    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="streak-days"]');
    expect(await popup.text('[data-testid="streak-days"]')).toBe(String(START_DAYS_AGO));
    expect(await popup.text('[data-testid="streak-progress"]')).toContain(`Day ${START_DAYS_AGO} of 30`);
    expect(await popup.text('[data-testid="milestone"]')).toContain('One week');
    expect(await popup.text('[data-testid="urges-today"]')).toMatch(/^[01]$/); // the urge was an hour ago
    await waitForBadge(popup, String(START_DAYS_AGO));
    expect(await badgeText(popup)).toBe(String(START_DAYS_AGO));
    await popup.close();
  });

  it('the private-window note can be put away in the popup for good; Settings keeps it', async () => {
    // The test browsers keep the extension out of private windows, so the note is due.
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="private-windows-notice"]');
    expect(await popup.text('[data-testid="private-windows-notice"]')).toContain('Settings still shows it.');
    await popup.click('[data-testid="private-windows-close"]');
    await popup.waitUntil(() => document.querySelector('[data-testid="private-windows-notice"]') === null);
    await popup.close();

    const again = await openExtensionPage(session, 'popup.html');
    await again.waitFor('[data-testid="streak-days"]');
    // The note's two small reads are answered well before the streak's database read; the wait covers a slow machine.
    await again.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    expect(await again.evaluate(() => document.querySelector('[data-testid="private-windows-notice"]'))).toBeNull();
    await again.close();

    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('#friction-heading ~ [data-testid="private-windows-notice"]');
    expect(await options.evaluate(() => document.querySelector('[data-testid="private-windows-close"]'))).toBeNull();
    await options.close();
  });

  it('refuses a broken backup, says why, and changes nothing', async () => {
    const broken = JSON.stringify({ ...backup(), people: [{ ...backup().people[0], noContactSince: '2026-02-30' }] });
    const options = await importBackup(session, broken, 'broken.json');
    await options.waitFor('[data-testid="backup-message"]');
    const message = await options.text('[data-testid="backup-message"]');
    expect(message).toContain('2026-02-30');
    expect(message).toContain('Nothing was changed');
    expect(await dbCounts(options)).toEqual({ people: 1, urges: 1, contacts: 1, activities: 1 });

    const notJson = await importBackup(session, '{"app":"clean-break", "version": 1, "people": [', 'truncated.json');
    await notJson.waitFor('[data-testid="backup-message"]');
    expect(await notJson.text('[data-testid="backup-message"]')).toMatch(/JSON/);
    expect(await dbCounts(notJson)).toEqual({ people: 1, urges: 1, contacts: 1, activities: 1 });
    await options.close();
    await notJson.close();
  });

  it('exports a backup that round-trips', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('button');
    await options.evaluate(() => {
      const scope = window as unknown as { exported?: Promise<string>; exportedName?: string };
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        scope.exported = (blob as Blob).text();
        return create(blob);
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        scope.exportedName = this.download;
        click.call(this);
      };
    });
    await options.evaluate(() => {
      const exportButton = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export backup');
      exportButton!.click();
    });
    await options.waitUntil(() => (window as unknown as { exported?: unknown }).exported !== undefined);
    const exported = await options.evaluate(() => (window as unknown as { exported: Promise<string> }).exported);
    const name = await options.evaluate(() => (window as unknown as { exportedName: string }).exportedName);
    expect(name).toMatch(/^clean-break-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(exported);
    const original = backup();
    expect(parsed.app).toBe('clean-break');
    expect(parsed.version).toBe(1);
    expect(parsed.people).toEqual(original.people);
    expect(parsed.urges).toEqual(original.urges);
    expect(parsed.contacts).toEqual(original.contacts);
    expect(parsed.activities).toEqual(original.activities);

    // Importing the export over existing data asks first, then leaves the same data.
    await options.upload('input[type="file"]', writeTempFile('export.json', exported));
    await options.waitFor('[aria-label="Replace your data?"]');
    await options.evaluate(() => {
      const replace = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Replace');
      replace!.click();
    });
    await options.waitUntil(() => document.querySelector('[data-testid="backup-message"]')?.textContent?.startsWith('Backup imported') ?? false);
    expect(await dbCounts(options)).toEqual({ people: 1, urges: 1, contacts: 1, activities: 1 });

    // Adding a second device's backup instead joins the same person and adds only what is new.
    const other = { ...original, urges: [...original.urges, { ...original.urges[0], at: new Date(Date.now() - 3_600_000).toISOString(), surface: 'story' }] };
    await options.upload('input[type="file"]', writeTempFile('other-device.json', JSON.stringify(other)));
    await options.waitFor('[data-testid="import-merge"]');
    await options.click('[data-testid="import-merge"]');
    await options.waitUntil(() => document.querySelector('[data-testid="backup-message"]')?.textContent?.includes('merged') ?? false);
    expect(await options.text('[data-testid="backup-message"]')).toMatch(/^Backup “[\w-]*other-device\.json” merged: added 1 urge\. Nothing here was removed\.$/);
    expect(await dbCounts(options)).toEqual({ people: 1, urges: 2, contacts: 1, activities: 1 });
    await options.close();
  });

  it('says it is working while a long history is added, with the backup buttons held until it is done', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('input[type="file"]');
    const before = await dbCounts(options);
    const original = backup();
    const hour = 3_600_000;
    const long = { ...original, urges: Array.from({ length: 3_000 }, (_, i) => ({ ...original.urges[0], at: new Date(Date.now() - 2 * hour - i * 60_000).toISOString() })) };
    await options.upload('input[type="file"]', writeTempFile('long-history.json', JSON.stringify(long)));
    await options.waitFor('[data-testid="import-merge"]');
    // What the page showed while it worked, seen by an observer rather than raced by a poll.
    await options.evaluate(() => {
      const seen: { busy: string; controlsHeld: boolean }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const busy = document.querySelector('[data-testid="backup-busy"]');
        if (!busy) return;
        const controls = [...document.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button[data-testid="delete-all"], input[type="file"]')];
        const exportButton = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export backup');
        seen.push({ busy: busy.textContent ?? '', controlsHeld: [...controls, exportButton].every((control) => control?.disabled === true) });
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    await options.click('[data-testid="import-merge"]');
    await options.waitUntil(
      () => (document.querySelector('[data-testid="backup-message"]')?.textContent?.includes('merged') ?? false) && !document.querySelector('[data-testid="backup-busy"]'),
      undefined,
      60_000,
    );
    const seen = await options.evaluate(() => (window as unknown as { seen: { busy: string; controlsHeld: boolean }[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.busy).toBe('Working on it. A long history can take a few seconds; keep this page open.');
    expect(seen.every((state) => state.controlsHeld)).toBe(true);
    expect(await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export backup')?.disabled)).toBe(false);
    expect(await options.text('[data-testid="backup-message"]')).toMatch(/merged: added 3,000 urges\./);
    expect((await dbCounts(options)).urges).toBe(before.urges! + 3_000);
    await options.close();
  });

  it('stores an urge sent by the content script when their profile is opened', async () => {
    const before = await openExtensionPage(session, 'popup.html');
    const urgesBefore = (await dbCounts(before)).urges!;
    await before.close();

    const site = await session.newPage();
    await site.goto('https://www.instagram.com/sam.rivera/');
    await site.waitUntil(() => location.pathname.endsWith('/pause.html'), undefined, 15_000);
    await site.waitFor('[data-testid="shield-day"]');
    expect(await site.text('[data-testid="shield-day"]')).toBe(`Day ${START_DAYS_AGO} of 30`);
    const urges = await dbRows<{ site: string; surface: string; outcome: string }>(site, 'urges');
    expect(urges).toHaveLength(urgesBefore + 1);
    expect(urges.at(-1)).toMatchObject({ site: 'instagram', surface: 'profile', outcome: 'resisted' });
    await site.close();
  });

  it('"I reached out to them" restarts the count kindly and keeps the longest streak', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="streak-days"]');
    await popup.screenshot(join(ARTIFACTS, `popup-${browserName}.png`));
    if (popup.setColorScheme) {
      await popup.setColorScheme('dark');
      await popup.screenshot(join(ARTIFACTS, `popup-${browserName}-dark.png`));
    }
    await popup.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'I reached out to them');
      button!.click();
    });
    await popup.waitFor('[data-testid="slip-panel"]');
    expect(await popup.text('[data-testid="slip-panel"]')).toContain(`longest streak, ${START_DAYS_AGO} days`);
    await popup.fill('[data-testid="slip-panel"] textarea', 'Sent a birthday text');
    await popup.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Start my count again');
      button!.click();
    });
    await popup.waitFor('[data-testid="contact-message"]');
    expect(await popup.text('[data-testid="streak-days"]')).toBe('0');
    expect(await popup.text('[data-testid="contact-message"]')).toContain(`${START_DAYS_AGO} days`);
    await waitForBadge(popup, '0');
    expect(await badgeText(popup)).toBe('0');
    const contacts = await dbRows<{ kind: string; note: string }>(popup, 'contacts');
    expect(contacts.at(-1)).toMatchObject({ kind: 'i-reached-out', note: 'Sent a birthday text' });
    await popup.close();
  });

  it('"They contacted me" is logged and is not a slip', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="streak-days"]');
    const streakBefore = await popup.text('[data-testid="streak-days"]');
    await popup.evaluate(() => {
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'They contacted me')!.click();
    });
    await popup.waitFor('[data-testid="contact-panel"]');
    await popup.evaluate(() => {
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Log it')!.click();
    });
    await popup.waitFor('[data-testid="contact-message"]');
    expect(await popup.text('[data-testid="contact-message"]')).toContain("don’t owe them a reply");
    expect(await popup.text('[data-testid="streak-days"]')).toBe(streakBefore);
    const contacts = await dbRows<{ kind: string }>(popup, 'contacts');
    expect(contacts.at(-1)).toMatchObject({ kind: 'they-reached-out' });
    await popup.close();
  });

  it('a second Enter on a contact button records nothing: focus has moved into the panel, and goes back on Cancel', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="streak-days"]');
    const contactsBefore = (await dbRows(popup, 'contacts')).length;
    const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent ?? '');
    const pressTwice = async (button: string, panel: string) => {
      await popup.evaluate((label) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)!.focus(), button);
      await popup.press('Enter');
      await popup.waitFor(`[data-testid="${panel}"]`);
      expect(await focused()).toBe(panel);
      await popup.press('Enter');
      await popup.evaluate(() => new Promise((done) => setTimeout(done, 300)));
      expect(await popup.evaluate((testId) => document.querySelector(`[data-testid="${testId}"]`) !== null, panel)).toBe(true);
      await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click());
      await popup.waitUntil((testId) => document.querySelector(`[data-testid="${testId}"]`) === null, panel);
      expect(await focused()).toBe(button);
    };
    await pressTwice('I reached out to them', 'slip-panel');
    await pressTwice('They contacted me', 'contact-panel');
    expect((await dbRows(popup, 'contacts')).length).toBe(contactsBefore);

    await popup.evaluate(() => (document.querySelector('[data-testid="manual-urge-open"]') as HTMLElement).focus());
    await popup.press('Enter');
    await popup.waitFor('[data-testid="manual-urge"]');
    expect(await focused()).toBe('manual-urge');
    await popup.close();
  });

  it('adds a person from pasted links; bad input says what is wrong and nothing is half-saved', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('form');
    await options.evaluate(() => {
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add another person')!.click();
    });
    await options.waitFor('form[aria-label="Add a person"]');
    const form = 'form[aria-label="Add a person"]';
    const clickInForm = (label: string) =>
      options.evaluate(
        ([selector, text]) => {
          const button = [...document.querySelectorAll(`${selector} button`)].find((b) => b.textContent === text);
          (button as HTMLButtonElement).click();
        },
        [form, label],
      );

    await options.fill(`${form} input[name="profile-link"]`, 'https://www.instagram.com.evil.io/alex/');
    await clickInForm('Add link');
    await options.waitFor(`${form} [data-testid="account-message"]`);
    expect(await options.text(`${form} [data-testid="account-message"]`)).not.toBe('');
    expect(await options.evaluate((f) => document.querySelectorAll(`${f} .accounts li`).length, form)).toBe(0);

    await options.fill(`${form} input[name="profile-link"]`, 'https://x.com/alexk');
    await clickInForm('Add link');
    await options.fill(`${form} input[name="profile-link"]`, 'https://www.tiktok.com/@alex.k');
    await clickInForm('Add link');
    await options.waitUntil((f) => document.querySelectorAll(`${f} .accounts li`).length === 2, form);

    // No name yet: nothing is written.
    await clickInForm('Save person');
    await options.waitFor(`${form} .field-error`);
    expect((await dbCounts(options)).people).toBe(1);

    await options.fill(`${form} input[name="name"]`, 'Alex');
    await options.screenshot(join(ARTIFACTS, `options-${browserName}.png`), { fullPage: true });
    await clickInForm('Save person');
    await options.waitUntil(() => document.querySelectorAll('form.person-editor').length === 2 && !document.querySelector('form[aria-label="Add a person"]'));
    const people = await dbRows<{ name: string; accounts: unknown[] }>(options, 'people');
    expect(people.at(-1)).toMatchObject({
      name: 'Alex',
      accounts: [
        { site: 'x', handle: 'alexk' },
        { site: 'tiktok', handle: 'alex.k' },
      ],
    });
    if (options.setColorScheme) {
      await options.setColorScheme('dark');
      await options.screenshot(join(ARTIFACTS, `options-${browserName}-dark.png`), { fullPage: true });
    }
    await options.close();
  });

  it('keeps the user\'s reasons, as text, and lets one be removed', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('input[name="reason"]');
    const addReason = async (text: string) => {
      await options.fill('input[name="reason"]', text);
      await options.evaluate(() => {
        const form = document.querySelector('input[name="reason"]')!.closest('form')!;
        form.requestSubmit();
      });
    };
    await addReason('I want my evenings back.');
    await addReason('<img src=x onerror=alert(1)> not going back');
    await options.waitUntil(() => document.querySelectorAll('[data-testid="reasons-list"] li').length === 2);
    const shown = await options.evaluate(() =>
      [...document.querySelectorAll('[data-testid="reasons-list"] li span')].map((span) => span.textContent),
    );
    expect(shown).toEqual(['I want my evenings back.', '<img src=x onerror=alert(1)> not going back']);
    expect(await options.evaluate(() => document.querySelector('[data-testid="reasons-list"] img'))).toBeNull();
    await options.click('button[aria-label="Remove reason 1"]');
    await options.waitUntil(() => document.querySelectorAll('[data-testid="reasons-list"] li').length === 1);
    const stored = await dbRows<{ key: string; value: unknown }>(options, 'settings');
    expect(stored.find((row) => row.key === 'reasons')?.value).toEqual(['<img src=x onerror=alert(1)> not going back']);
    await options.close();
  });
});
