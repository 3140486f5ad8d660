/**
 * A popup left open over local midnight moves on to the new day by itself. Chromium only:
 * it needs Playwright's fake clock for the popup and a way to move the worker's clock too
 * (the worker computes the glance); puppeteer over WebDriver BiDi offers neither for Firefox.
 * The scheduling itself, DST, clock and time-zone changes are unit-tested in rollover.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type ExtensionSession } from './harness';
import { localDateDaysAgo, openExtensionPage, writeTempFile } from './support';

/** Makes the worker's clock read `offsetMs` ahead of the real one (0 puts it back). */
function shiftWorkerClock(session: ExtensionSession, offsetMs: number): Promise<void> {
  return session.evaluateInWorker!((offset) => {
    const scope = globalThis as unknown as { Date: DateConstructor; __realDate?: DateConstructor };
    const Real = (scope.__realDate ??= scope.Date);
    class Shifted extends Real {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(Real.now() + offset);
        else super(...(args as [number]));
      }
      static override now() {
        return Real.now() + offset;
      }
    }
    scope.Date = offset === 0 ? Real : (Shifted as unknown as DateConstructor);
  }, offsetMs);
}

describe('a popup open at midnight in chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launch('chromium');
    const startOfToday = new Date().setHours(0, 0, 0, 0);
    const urgeAt = new Date(Math.max(Date.now() - 60_000, startOfToday + 1_000)).toISOString();
    const options = await openExtensionPage(session, 'options.html');
    await options.upload(
      'input[type="file"]',
      writeTempFile(
        'midnight.json',
        JSON.stringify({
          app: 'clean-break',
          version: 1,
          people: [{ name: 'Sam', noContactSince: localDateDaysAgo(12), goalDays: 30, accounts: [] }],
          urges: [{ at: urgeAt, person: 'Sam', site: 'x', surface: 'profile', outcome: 'resisted' }],
        }),
      ),
    );
    await options.waitFor('[data-testid="backup-message"]');
    await options.close();
  });
  afterAll(() => session?.close());

  it('rolls over at midnight: the streak grows by one and today’s urges start again at 0', async () => {
    const midnight = new Date(new Date().setHours(24, 0, 0, 0)).getTime();
    await shiftWorkerClock(session, midnight - 5_000 - Date.now());

    const popup = await session.newPage();
    await popup.installClock!(new Date(midnight - 5_000));
    await popup.goto(session.extensionUrl('popup.html'));
    await popup.waitFor('[data-testid="streak-days"]');
    expect(await popup.text('[data-testid="streak-days"]')).toBe('12');
    expect(await popup.text('[data-testid="urges-today"]')).toBe('1');

    await shiftWorkerClock(session, midnight + 5_000 - Date.now());
    // Past midnight for the worker only: nothing changes until the popup's own clock gets there.
    await new Promise((done) => setTimeout(done, 500));
    expect(await popup.text('[data-testid="streak-days"]')).toBe('12');
    await popup.runClockFor!(10_000);
    await popup.waitUntil(() => document.querySelector('[data-testid="streak-days"]')?.textContent === '13');
    expect(await popup.text('[data-testid="urges-today"]')).toBe('0');
    expect(await popup.text('[data-testid="streak-progress"]')).toContain('Day 13 of 30');
    await popup.close();
  });
});
