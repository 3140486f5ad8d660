/**
 * The Progress view with 60 days of urges: from the options page's navigation to the charts
 * painted with their data (the view marks `progress-rendered` in the frame after it renders).
 */
import { SITES } from '@/lib/model';
import { extensionPage, type BenchContext } from './chromium';

export const PROGRESS_BENCH = { days: 60, urgesPerDay: 100 };

/** One person, 60 days of urges (page, settings and manual kinds), a slip, activities. */
export async function seedProgressHistory(bench: BenchContext): Promise<number> {
  const page = await extensionPage(bench, 'options.html');
  const total = await page.evaluate(
    ([days, perDay, sites]) =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('clean-break');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['people', 'urges', 'contacts', 'activities'], 'readwrite');
          const now = Date.now();
          const since = new Date(now - days * 86_400_000);
          const pad = (n: number) => String(n).padStart(2, '0');
          tx.objectStore('people').put({
            id: 1,
            name: 'Sam',
            noContactSince: `${since.getFullYear()}-${pad(since.getMonth() + 1)}-${pad(since.getDate())}`,
            goalDays: 90,
            accounts: [],
          });
          tx.objectStore('contacts').add({ at: now - 25 * 86_400_000, personId: 1, kind: 'i-reached-out', note: 'A slip.' });
          let count = 0;
          for (let day = 0; day < days; day += 1) {
            for (let i = 0; i < perDay; i += 1) {
              const kind = i % 20;
              tx.objectStore('urges').add({
                at: now - day * 86_400_000 - i * 60_000,
                personId: 1,
                site: kind < 18 ? sites[i % sites.length] : 'elsewhere',
                surface: kind < 18 ? 'profile' : kind === 18 ? 'manual' : 'settings',
                outcome: 'resisted',
              });
              count += 1;
            }
            tx.objectStore('activities').add({ at: now - day * 86_400_000, activityId: 'walk-20' });
          }
          tx.oncomplete = () => {
            db.close();
            done(count);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    [PROGRESS_BENCH.days, PROGRESS_BENCH.urgesPerDay, [...SITES]] as const,
  );
  await page.close();
  return total;
}

export interface ProgressTiming {
  /** Navigation start to the charts painted with their data. */
  fromNavigation: number;
  /** The view's own part: reading the data (indexed ranges), computing and rendering the charts. */
  view: number;
  /** Of which reading the data. */
  read: number;
}

export async function progressRender(bench: BenchContext): Promise<ProgressTiming> {
  const page = await extensionPage(bench, 'options.html#progress');
  const timing = await page.evaluate(
    () =>
      new Promise<ProgressTiming>((done) => {
        new PerformanceObserver((list, observer) => {
          const rendered = list.getEntriesByName('progress-rendered')[0];
          if (!rendered) return;
          observer.disconnect();
          const start = performance.getEntriesByName('progress-start')[0]!;
          const read = performance.getEntriesByName('progress-data')[0]!;
          done({ fromNavigation: rendered.startTime, view: rendered.startTime - start.startTime, read: read.startTime - start.startTime });
        }).observe({ type: 'mark', buffered: true });
      }),
  );
  const bars = await page.locator('[data-testid="chart-daily"] [data-testid="bar"]').count();
  await page.close();
  if (bars !== 30) throw new Error(`The Progress view drew ${bars} daily bars, not 30.`);
  return timing;
}
