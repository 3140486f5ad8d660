/**
 * Two computers, one person: two browser profiles with the built extension, their
 * `storage.sync` joined by a relay in the test (the part the browser vendor's sync plays).
 * Device A is Chromium; device B is Chromium, then Firefox. A person set up on A is hidden on an
 * open tab of B without a reload; a removal made on A is held on B; a slip on A restarts B's
 * count; a state too big for sync leaves B working and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { dbRows, inspectMarkers, localDateDaysAgo, openExtensionPage, writeTempFile } from './support';
import { fixtureServer } from './sites';
import { decodeState, SYNC_PREFIX } from '@/lib/sync/encoding';
import type { SyncedState } from '@/lib/sync/state';
import type { Person } from '@/lib/model';

const SAM = {
  name: 'Sam Rivera',
  noContactSince: localDateDaysAgo(12),
  goalDays: 30,
  accounts: [
    { site: 'instagram', handle: 'sam.rivera' },
    { site: 'x', handle: 'samriv' },
  ],
};
const INSTAGRAM_HOME = 'https://www.instagram.com/';

interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}
type StorageApi = { storage: { sync: StorageArea } };
type MessageApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Everything Clean Break put in this profile's `storage.sync`. */
function syncItems(page: TestPage): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    return (scope.browser ?? scope.chrome).storage.sync.get(null);
  });
}

async function syncedState(page: TestPage): Promise<SyncedState | null> {
  const decoded = decodeState(await syncItems(page));
  return decoded.ok ? decoded.state : null;
}

/** What the browser's sync would do: carries one profile's items to the other, stale parts removed. */
async function relay(from: TestPage, to: TestPage): Promise<void> {
  const items = await syncItems(from);
  await to.evaluate(
    async ({ items, prefix }) => {
      const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
      const sync = (scope.browser ?? scope.chrome).storage.sync;
      const stale = Object.keys(await sync.get(null)).filter((key) => key.startsWith(prefix) && !(key in items));
      await sync.set(items);
      if (stale.length > 0) await sync.remove(stale);
    },
    { items, prefix: SYNC_PREFIX },
  );
}

/** A change made on a device outside its options form, told to its worker as the form does. */
async function editPeople(page: TestPage, edit: (people: Person[]) => Person[]): Promise<void> {
  const people = await dbRows<Person>(page, 'people');
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('clean-break');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const tx = request.result.transaction('people', 'readwrite');
          for (const row of rows) tx.objectStore('people').put(row);
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
    edit(people),
  );
  await sendToWorker(page, { name: 'ui-bg-data-changed', data: {} });
}

function sendToWorker(page: TestPage, message: unknown): Promise<unknown> {
  return page.evaluate((envelope) => {
    const scope = globalThis as unknown as { browser?: MessageApi; chrome: MessageApi };
    return (scope.browser ?? scope.chrome).runtime.sendMessage(envelope);
  }, message);
}

async function turnSyncOn(options: TestPage): Promise<void> {
  await options.waitFor('[data-testid="sync-toggle"]');
  await options.click('[data-testid="sync-toggle"]');
  await options.waitFor('[data-testid="sync-status"]');
}

const people = (page: TestPage) => dbRows<Person>(page, 'people');

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe.each(BROWSERS)('sync from a Chromium computer to a %s computer', (receiver) => {
  let deviceA: ExtensionSession;
  let deviceB: ExtensionSession;
  let optionsA: TestPage;
  let optionsB: TestPage;
  let feedB: TestPage;

  beforeAll(async () => {
    [deviceA, deviceB] = await Promise.all([launch('chromium', fixtureServer()), launch(receiver, fixtureServer())]);
    optionsA = await openExtensionPage(deviceA, 'options.html');
    const backup = JSON.stringify({ app: 'clean-break', version: 1, people: [SAM], reasons: ['I sleep better now'] });
    await optionsA.upload('input[type="file"]', writeTempFile(`sync-${receiver}.json`, backup));
    await optionsA.waitFor('[data-testid="backup-message"]');
    optionsB = await openExtensionPage(deviceB, 'options.html');
    feedB = await deviceB.newPage();
    await feedB.goto(INSTAGRAM_HOME);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([deviceA?.close(), deviceB?.close()]);
  });

  it('shares nothing until sync is turned on', async () => {
    await optionsA.waitFor('[data-testid="sync-toggle"]');
    expect(await syncItems(optionsA)).toEqual({});
    expect((await inspectMarkers(feedB)).visiblePeople.length).toBeGreaterThan(0);
  });

  it('hides the person on the other computer, in a tab already open, without a reload', async () => {
    await turnSyncOn(optionsA);
    expect(await optionsA.text('[data-testid="sync-status"]')).toBe('Up to date with your other devices.');
    expect((await syncedState(optionsA))?.people.map((person) => person.name)).toEqual([SAM.name]);
    await turnSyncOn(optionsB);

    await feedB.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await relay(optionsA, optionsB);
    await feedB.waitUntil(() => document.querySelectorAll('[data-person]').length > 0 && [...document.querySelectorAll('[data-person]')].every((el) => !el.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions)), undefined, 15_000);
    const markers = await inspectMarkers(feedB);
    expect(markers.visiblePeople).toEqual([]);
    expect(markers.hiddenDecoys).toEqual([]);
    expect(await feedB.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    const [sam] = await people(optionsB);
    expect(sam).toMatchObject({ name: SAM.name, goalDays: 30, accounts: SAM.accounts });
    await optionsB.waitFor('form.person-editor[aria-label="Sam Rivera"]');
  });

  it("holds a removal made on the other computer: still hidden here until it's made here too", async () => {
    await editPeople(optionsA, (rows) => rows.map((row) => ({ ...row, accounts: row.accounts.filter((account) => account.site !== 'x') })));
    await until('the removal to be shared', async () => (await syncedState(optionsA))?.people[0]?.accounts.length === 1);
    await relay(optionsA, optionsB);
    await optionsB.waitFor('[data-testid="sync-held"]', 15_000);
    expect(await optionsB.text('[data-testid="sync-held"] p')).toContain("Your other device removed Sam Rivera’s X (Twitter) account (samriv).");
    expect((await people(optionsB))[0]!.accounts).toEqual(SAM.accounts);

    // Keeping it brings it back on the first computer too.
    await optionsB.evaluate(() => {
      [...document.querySelectorAll<HTMLButtonElement>('[data-testid="sync-held"] button')].find((button) => button.textContent === 'Keep it, on every computer')!.click();
    });
    await optionsB.waitUntil(() => !document.querySelector('[data-testid="sync-held"]'), undefined, 15_000);
    await until('the kept account to be shared again', async () => (await syncedState(optionsB))?.people[0]?.accounts.length === 2);
    await relay(optionsB, optionsA);
    await until('the account to be back on the first computer', async () => (await people(optionsA))[0]!.accounts.length === 2);
    expect((await people(optionsA))[0]!.accounts).toEqual(SAM.accounts);
  });

  it('restarts the count on the other computer when the user reaches out on one', async () => {
    const [samOnA] = await people(optionsA);
    const at = Date.now();
    await sendToWorker(optionsA, { name: 'ui-bg-record-contact', data: { personId: samOnA!.id, kind: 'i-reached-out', note: 'private note', at } });
    await until('the slip to be shared', async () => (await syncedState(optionsA))?.people[0]?.slips.length === 1);
    expect((await syncedState(optionsA))?.people[0]?.slips).toEqual([at]);
    await relay(optionsA, optionsB);
    const popupB = await openExtensionPage(deviceB, 'popup.html');
    await popupB.waitUntil(() => document.querySelector('[data-testid="streak-days"]')?.textContent === '0', undefined, 15_000);
    const contacts = await dbRows<{ kind: string; at: number; note: string }>(popupB, 'contacts');
    // The time travels; the note written on the other computer does not.
    expect(contacts).toEqual([expect.objectContaining({ kind: 'i-reached-out', at, note: '' })]);
    await popupB.close();
  });

  it('keeps working and says so when the data is more than sync can carry', async () => {
    // About 140 KB encoded: over the 100 KB quota, whatever else the state holds.
    const CROWD = 700;
    const crowd = Array.from({ length: CROWD }, (_, i) => ({
      ...SAM,
      name: `Person ${i}`,
      accounts: [{ site: 'instagram', handle: `person.${i}` }, { site: 'x', handle: `person_${i}` }, { site: 'tiktok', handle: `person.${i}` }],
    }));
    const reasons = Array.from({ length: 50 }, (_, i) => `${i} ${'🌙 '.repeat(95)}`);
    // Sam stays in the file: a file that dropped them would wait for the cooldown (friction's own test).
    const big = JSON.stringify({ app: 'clean-break', version: 1, people: [SAM, ...crowd], reasons });
    const before = JSON.stringify(await syncItems(optionsB));
    await optionsB.upload('input[type="file"]', writeTempFile(`sync-big-${receiver}.json`, big));
    await optionsB.waitFor('[aria-label="Replace your data?"]');
    await optionsB.evaluate(() => {
      [...document.querySelectorAll('button')].find((button) => button.textContent === 'Replace')!.click();
    });
    await optionsB.waitUntil(() => document.querySelector('[data-testid="sync-status"]')?.textContent?.startsWith('Your people and reasons are more than') ?? false, undefined, 60_000);
    expect(JSON.stringify(await syncItems(optionsB))).toBe(before);
    expect(await people(optionsB)).toHaveLength(CROWD + 1);
    // The shield works from this device's own data.
    const profile = await deviceB.newPage();
    await profile.goto('https://www.instagram.com/person.7/');
    await profile.waitUntil(() => location.pathname === '/pause.html', undefined, 15_000);
    await profile.close();
  });
});
