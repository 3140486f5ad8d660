import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BROWSERS, launch, type ExtensionSession, type TestPage } from './harness';
import { localDateDaysAgo, openExtensionPage, waitForBadge, writeTempFile } from './support';

const OUTPUT = resolve(import.meta.dirname, '../..', process.env.CLEAN_BREAK_OUT ?? '.output');
const TARGETS = { chromium: 'chrome-mv3', firefox: 'firefox-mv3' } as const;
const START_DAYS_AGO = 12;

/** Everything the UI can import: people with accounts, urges, contacts, activities, reasons, reflections. */
function backup(): string {
  return JSON.stringify({
    app: 'clean-break',
    version: 1,
    exportedAt: new Date().toISOString(),
    people: [
      {
        name: 'Sam Rivera',
        noContactSince: localDateDaysAgo(START_DAYS_AGO),
        goalDays: 30,
        accounts: [
          { site: 'instagram', handle: 'sam.rivera' },
          { site: 'whatsapp', handle: '+447700900123' },
        ],
      },
      { name: 'Alex', noContactSince: localDateDaysAgo(40), goalDays: 90, accounts: [{ site: 'x', handle: 'alexk' }] },
    ],
    urges: [
      { at: new Date(Date.now() - 3_600_000).toISOString(), person: 'Sam Rivera', site: 'instagram', surface: 'profile', outcome: 'resisted' },
      { at: '2026-11-12T21:30:00.000Z', person: 'Alex', site: 'x', surface: 'post', outcome: 'overrode' },
    ],
    contacts: [{ at: '2026-11-10T09:00:00.000Z', person: 'Sam Rivera', kind: 'they-reached-out', note: 'a long message; left it' }],
    activities: [{ at: '2026-11-21T18:00:00.000Z', activity: 'walk-20' }],
    reasons: ['I want my evenings back.', 'Peace over checking.'],
    reflections: [{ at: '2026-11-20T21:00:00.000Z', person: 'Alex', answers: { 'what-changed': 'I sleep through the night.' }, leaning: 'moving-on' }],
  });
}

/** What the content scripts store, written as they would: learned keys and kept-out-of-view counts. */
function addPageData(page: TestPage): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('clean-break');
        request.onerror = () => fail(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['learnedKeys', 'keptOutOfView'], 'readwrite');
          tx.objectStore('learnedKeys').put({ site: 'instagram', key: 'thread:340282366841710300949128', personId: 1 });
          tx.objectStore('learnedKeys').put({ site: 'x', key: 'chat:1234567890123456789-99', personId: 2 });
          tx.objectStore('keptOutOfView').put({ day: '2026-11-22', site: 'instagram', count: 14 });
          tx.objectStore('keptOutOfView').put({ day: '2026-11-23', site: 'whatsapp', count: 3 });
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(new Error(String(tx.error)));
        };
      }),
  );
}

interface Snapshot {
  version: number;
  stores: Record<string, { keyPath: unknown; autoIncrement: boolean; indexes: unknown[]; rows: unknown[] }>;
}

/** The whole database, schema and rows, read straight from IndexedDB without upgrading it. */
function snapshot(page: TestPage): Promise<Snapshot> {
  return page.evaluate(
    () =>
      new Promise<Snapshot>((done, fail) => {
        const request = indexedDB.open('clean-break');
        request.onerror = () => fail(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const stores: Snapshot['stores'] = {};
          for (const name of names) {
            const store = tx.objectStore(name);
            const indexes = [...store.indexNames].map((index) => {
              const { keyPath, unique, multiEntry } = store.index(index);
              return { index, keyPath, unique, multiEntry };
            });
            const all = store.getAll();
            all.onsuccess = () => (stores[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows: all.result });
          }
          tx.oncomplete = () => {
            db.close();
            done({ version: db.version, stores });
          };
        };
      }),
  );
}

/**
 * Replaces the database with the one the previous schema version kept: the same stores, indexes
 * and rows, without the tables that version did not have yet. Dexie's own connections close when
 * the database is deleted, and may open it again (and upgrade it) as soon as this one closes.
 * Resolves with the version and stores it created.
 */
function restoreAsVersion(
  page: TestPage,
  snapshot: Snapshot,
  version: number,
  without: string[],
): Promise<{ version: number; stores: string[] }> {
  return page.evaluate(
    ({ snapshot, version, without }) =>
      new Promise<{ version: number; stores: string[] }>((done, fail) => {
        // Both requests at once: the open waits in line behind the delete, ahead of any reopen
        // by Dexie in another context (Firefox's background page reopens as soon as it can).
        const deleting = indexedDB.deleteDatabase('clean-break');
        deleting.onerror = () => fail(new Error(String(deleting.error)));
        // Dexie stores schema version n as IndexedDB version 10n.
        const request = indexedDB.open('clean-break', version * 10);
        request.onerror = () => fail(new Error(String(request.error)));
        request.onupgradeneeded = () => {
          const db = request.result;
          for (const [name, store] of Object.entries(snapshot.stores)) {
            if (without.includes(name)) continue;
            const created = db.createObjectStore(name, { keyPath: store.keyPath as string | string[], autoIncrement: store.autoIncrement });
            for (const { index, keyPath, unique, multiEntry } of store.indexes as { index: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[]) {
              created.createIndex(index, keyPath, { unique, multiEntry });
            }
            for (const row of store.rows) created.add(row);
          }
        };
        request.onsuccess = () => {
          const db = request.result;
          db.close();
          done({ version: db.version, stores: [...db.objectStoreNames] });
        };
      }),
    { snapshot, version, without },
  );
}

type ExtensionApi = {
  runtime: { getManifest(): { version: string }; reload(): void };
  action: { setBadgeText(details: { text: string }): Promise<void> };
};

function manifestVersion(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    return (scope.browser ?? scope.chrome).runtime.getManifest().version;
  });
}

function clearBadge(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    return (scope.browser ?? scope.chrome).action.setBadgeText({ text: '' });
  });
}

/** Reloads the extension from its folder, as an update does; the page goes away with the old version. */
function reloadExtension(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    // Later, so this evaluation returns first.
    setTimeout(() => (scope.browser ?? scope.chrome).runtime.reload(), 100);
  });
}

/** Opens an extension page once the reloaded extension serves one again. */
async function openWhenBack(session: ExtensionSession, expectedVersion: string): Promise<TestPage> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = await session.newPage();
    try {
      await page.goto(session.extensionUrl('options.html'));
      if ((await manifestVersion(page)) === expectedVersion) return page;
    } catch {
      // Still restarting.
    }
    await page.close().catch(() => undefined);
    if (Date.now() > deadline) throw new Error(`The extension did not come back as version ${expectedVersion}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

describe.each(BROWSERS)('extension update in %s', (browserName) => {
  let session: ExtensionSession;
  let copy: string;

  beforeAll(async () => {
    // A copy the test can update in place, as the store would replace the installed files.
    copy = mkdtempSync(join(tmpdir(), 'clean-break-update-'));
    cpSync(join(OUTPUT, TARGETS[browserName]), join(copy, TARGETS[browserName]), { recursive: true });
    session = await launch(browserName, () => null, { extensionDir: copy });
  });
  afterAll(async () => {
    await session?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  /** Updates the installed copy to the next patch version, as the store would; a page of the new one. */
  async function update(page: TestPage): Promise<TestPage> {
    const manifestPath = join(copy, TARGETS[browserName], 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const newVersion = manifest.version.replace(/\d+$/, (patch) => String(Number(patch) + 1));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: newVersion }));
    expect(await manifestVersion(page)).toBe(manifest.version);
    await reloadExtension(page);
    return openWhenBack(session, newVersion);
  }

  it('keeps every record and the schema, and runs onInstalled, which repaints the badge', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.upload('input[type="file"]', writeTempFile('update-backup.json', backup()));
    await options.waitFor('[data-testid="backup-message"]');
    expect(await options.text('[data-testid="backup-message"]')).toContain('Backup imported: 2 people, 2 urges');
    await addPageData(options);
    await waitForBadge(options, String(START_DAYS_AGO));
    const before = await snapshot(options);
    expect(Object.fromEntries(Object.entries(before.stores).map(([name, store]) => [name, store.rows.length]))).toEqual({
      activities: 1,
      contacts: 1,
      keptOutOfView: 2,
      learnedKeys: 2,
      people: 2,
      reflections: 1,
      settings: 1,
      urgeTally: 2,
      urges: 2,
    });

    // Only onInstalled can repaint the badge after the update: no page sends a change, and onStartup
    // does not fire for an update.
    await clearBadge(options);
    const updated = await update(options);
    await waitForBadge(updated, String(START_DAYS_AGO), 15_000);
    expect(await snapshot(updated)).toEqual(before);
    await updated.close();
  });

  it('upgrades a database of the previous schema, filling the urge tally from the urges', async () => {
    const urgesToday = async () => {
      const popup = await openExtensionPage(session, 'popup.html');
      await popup.waitFor('[data-testid="urges-today"]');
      const shown = await popup.text('[data-testid="urges-today"]');
      await popup.close();
      return shown;
    };
    // The popup stores its first suggestion: opened once before, it writes nothing after.
    const countedBefore = await urgesToday();
    const options = await openExtensionPage(session, 'options.html');
    const current = await snapshot(options);
    expect(current.version).toBe(50);
    expect(current.stores.urgeTally?.rows.length).toBeGreaterThan(0);
    // Version 4 had no tally: the urges were only ever counted from their index.
    const previous = await restoreAsVersion(options, current, 4, ['urgeTally']);
    expect(previous).toEqual({ version: 40, stores: Object.keys(current.stores).filter((name) => name !== 'urgeTally').sort() });

    const updated = await update(options);
    // The popup's glance opens the database, which upgrades it; the tally is the one kept all along.
    expect(await urgesToday()).toBe(countedBefore);
    expect(await snapshot(updated)).toEqual(current);
    await updated.close();
  });
});
