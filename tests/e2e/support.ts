import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { ExtensionSession, TestPage } from './harness';

export const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
mkdirSync(ARTIFACTS, { recursive: true });

/** `YYYY-MM-DD` for `daysAgo` days before today, in the local calendar (the browser's too). */
export function localDateDaysAgo(daysAgo: number): string {
  const date = new Date();
  date.setHours(12, 0, 0, 0);
  date.setDate(date.getDate() - daysAgo);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

let tempDir: string | undefined;

/** Writes a file for a test to upload, in a directory of this test file's own. */
export function writeTempFile(name: string, content: string): string {
  tempDir ??= mkdtempSync(join(tmpdir(), 'clean-break-e2e-'));
  const path = join(tempDir, name);
  writeFileSync(path, content);
  return path;
}

/** Removes what `writeTempFile` wrote; run after each test file (tests/e2e/temp-files.ts). */
export function removeTempFiles(): void {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

export async function openExtensionPage(session: ExtensionSession, path: string): Promise<TestPage> {
  const page = await session.newPage();
  await page.goto(session.extensionUrl(path));
  return page;
}

/** Anything that runs a function in an extension page: a harness page, or Playwright's own. */
export type Evaluator = Pick<TestPage, 'evaluate'>;

/** Row counts read straight from IndexedDB, independent of the extension's own code. */
export function dbCounts(page: Evaluator): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('clean-break');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const names = ['people', 'urges', 'contacts', 'activities'];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const countRequest = tx.objectStore(name).count();
            countRequest.onsuccess = () => (counts[name] = countRequest.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

/** All rows of a store, read straight from IndexedDB. */
export function dbRows<T>(page: Evaluator, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('clean-break');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
        };
      }),
    store,
  );
}

export function badgeText(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    type ActionApi = { action: { getBadgeText(details: object): Promise<string> } };
    const scope = globalThis as unknown as { browser?: ActionApi; chrome: ActionApi };
    return (scope.browser ?? scope.chrome).action.getBadgeText({});
  });
}

/** Waits until the toolbar badge reads `expected` (it is repainted after each change). */
export async function waitForBadge(page: TestPage, expected: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await badgeText(page)) !== expected) {
    if (Date.now() > deadline) throw new Error(`The badge still reads "${await badgeText(page)}", not "${expected}"`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** What a fixture page shows of its marked elements, and what the flash probe (tests/fixtures/instrument.js) counted. */
export interface MarkerState {
  person: number;
  decoys: number;
  visiblePeople: string[];
  hiddenDecoys: string[];
  frames: number;
  flashFrames: number;
  flashed: string[];
}

export function inspectMarkers(page: Evaluator): Promise<MarkerState> {
  return page.evaluate(() => {
    const visible = (el: Element) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions) &&
      el.getClientRects().length > 0;
    const probe = (window as unknown as { __cleanBreakProbe: { frames: number; flashFrames: number; flashed: string[] } }).__cleanBreakProbe;
    const people = [...document.querySelectorAll('[data-person]')];
    const decoys = [...document.querySelectorAll('[data-decoy]')];
    return {
      person: people.length,
      decoys: decoys.length,
      visiblePeople: people.filter(visible).map((el) => el.getAttribute('data-person') ?? ''),
      hiddenDecoys: decoys.filter((el) => !visible(el)).map((el) => el.getAttribute('data-decoy') ?? ''),
      frames: probe.frames,
      flashFrames: probe.flashFrames,
      flashed: probe.flashed,
    };
  });
}

/** Sam, nine days in, with one urge resisted a minute ago and one reason: enough for every extension page to show something. */
const SAM_WITH_AN_URGE = {
  app: 'clean-break',
  version: 1,
  people: [{ name: 'Sam', noContactSince: localDateDaysAgo(9), goalDays: 30, accounts: [{ site: 'instagram', handle: 'sam.rivera' }] }],
  urges: [{ at: new Date(Date.now() - 60_000).toISOString(), person: 'Sam', site: 'instagram', surface: 'profile', outcome: 'resisted' }],
  reasons: ['I want my evenings back.'],
};

/** Imports SAM_WITH_AN_URGE through Settings, as a person restoring a backup would; returns the urge's id (for the pause page). */
export async function seedSamWithAnUrge(session: ExtensionSession): Promise<number> {
  const options = await openExtensionPage(session, 'options.html');
  await options.waitFor('input[type="file"]');
  await options.upload('input[type="file"]', writeTempFile(`sam-with-an-urge-${session.browserName}.json`, JSON.stringify(SAM_WITH_AN_URGE)));
  await options.waitFor('[data-testid="backup-message"]');
  const [urge] = await dbRows<{ id: number }>(options, 'urges');
  await options.close();
  return urge!.id;
}
