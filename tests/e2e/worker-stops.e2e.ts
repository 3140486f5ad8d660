/**
 * An MV3 worker may be stopped at any moment. Here it is stopped again and again while 100
 * checks arrive from content scripts and while the popup records a contact: every urge and the
 * contact must be stored exactly once, and every check must still end on the pause page.
 *
 * Chromium only: stopping the worker on demand needs CDP (`ServiceWorker.stopAllWorkers`);
 * Firefox's background is an event page with no such control over WebDriver BiDi.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { fixtureServer } from './sites';
import { dbRows, localDateDaysAgo, writeTempFile } from './support';
import { extensionPage, launchChromium, type BenchContext } from '../bench/chromium';
import { generatedPeople, PROFILE_URL } from '../fixtures/people';
import { adapterFor } from '@/lib/sites';
import type { Site } from '@/lib/model';

const OUTPUT = resolve(import.meta.dirname, '../..', process.env.CLEAN_BREAK_OUT ?? '.output');
const PEOPLE = generatedPeople(10, localDateDaysAgo(20));
const CHECK_SITES = Object.keys(PROFILE_URL) as Site[];

/** One profile visit per person and site: 100 distinct checks. */
const CHECKS = PEOPLE.flatMap((person, index) =>
  CHECK_SITES.map((site) => {
    const handle = person.accounts.find((account) => account.site === site)!.handle;
    return { personIndex: index, site, url: PROFILE_URL[site]!(handle) };
  }),
);

interface StoredUrge {
  personId: number;
  site: string;
  surface: string;
}

describe('when the worker stops mid-burst (chromium)', () => {
  let bench: BenchContext;
  let control: Page;
  let cdp: CDPSession;
  /** Stops the worker every `everyMs` until the returned function is called. */
  const keepStopping = (everyMs: number) => {
    let stopping = true;
    let stops = 0;
    const loop = (async () => {
      while (stopping) {
        await cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
        stops += 1;
        await new Promise((done) => setTimeout(done, everyMs));
      }
    })();
    return async () => {
      stopping = false;
      await loop;
      return stops;
    };
  };
  const rows = <T,>(store: string) => dbRows<T>(control, store);

  beforeAll(async () => {
    bench = await launchChromium(join(OUTPUT, 'chrome-mv3'), fixtureServer());
    control = await extensionPage(bench, 'options.html');
    const backup = { app: 'clean-break', version: 1, exportedAt: new Date().toISOString(), people: PEOPLE };
    await control.setInputFiles('input[type="file"]', writeTempFile('worker-stops.json', JSON.stringify(backup)));
    await control.waitForSelector('[data-testid="backup-message"]:not(.error)');
    cdp = await bench.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await bench?.close();
  });

  it('routes every check to a profile the shield knows', () => {
    expect(CHECKS).toHaveLength(100);
    for (const check of CHECKS) {
      const route = adapterFor(check.site)!.route(new URL(check.url));
      expect(route?.surface, check.url).toBe('profile');
    }
  });

  it('stores each of 100 checks exactly once and shields every one', async () => {
    const people = await rows<{ id: number; name: string }>('people');
    const idOf = (index: number) => people.find((person) => person.name === PEOPLE[index]!.name)!.id;

    let stops = 0;
    // Every 2.5 s: a hello also reads the pause and the people, which on a busy two-core machine can take
    // longer than 1.5 s, so stops that frequent could end every attempt (Chrome itself waits 30 s idle).
    const stop = keepStopping(2_500);
    const landed: string[] = [];
    const visit = async (check: (typeof CHECKS)[number]) => {
      const page = await bench.context.newPage();
      await page.goto(check.url, { waitUntil: 'commit' });
      await page.waitForURL(/\/pause\.html\?/, { timeout: 30_000 });
      landed.push(page.url());
      await page.close();
    };
    try {
      for (let start = 0; start < CHECKS.length; start += 10) await Promise.all(CHECKS.slice(start, start + 10).map(visit));
    } finally {
      stops = await stop();
    }

    expect(stops).toBeGreaterThan(3);
    expect(landed).toHaveLength(100);
    const stored = (await rows<StoredUrge>('urges')).map((urge) => `${urge.personId}|${urge.site}|${urge.surface}`).sort();
    const expected = CHECKS.map((check) => `${idOf(check.personIndex)}|${check.site}|profile`).sort();
    expect(stored).toEqual(expected);
  }, 240_000);

  it('records a contact from the popup once, though the worker stops while it is sent', async () => {
    const before = (await rows<{ kind: string }>('contacts')).length;
    const popup = await extensionPage(bench, 'popup.html');
    await popup.getByRole('button', { name: 'They contacted me' }).click();
    // Stopped every 100 ms while the message is sent and first retried; then left running, as a
    // real worker would be, so the retries can land (on a loaded machine each start is slow).
    const stop = keepStopping(100);
    const stopping = new Promise((done) => setTimeout(done, 1_500)).then(stop);
    try {
      await popup.getByRole('button', { name: 'Log it' }).click();
      await popup.getByTestId('contact-message').waitFor({ timeout: 15_000 });
    } finally {
      await stopping;
    }
    const contacts = await rows<{ kind: string }>('contacts');
    expect(contacts.length - before).toBe(1);
    expect(contacts.at(-1)?.kind).toBe('they-reached-out');
    await popup.close();
  });
});
