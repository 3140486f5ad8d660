import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './harness';

const require = createRequire(import.meta.url);

/**
 * Late-night mode is on by default (22:00 to 06:00, the browser's local time), and in those
 * hours "Continue anyway" first takes the urge-surfing timer. Tests about the hold itself turn
 * it off so they pass whatever time the suite runs. Call it from an extension page.
 */
export function turnOffLateNight(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    type Api = { storage: { local: { set(items: object): Promise<void> } } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return (scope.browser ?? scope.chrome).storage.local.set({
      friction: { cooldownMinutes: 10, strictAfterGoal: false, lockedUntil: null, lateNight: { enabled: false, startHour: 22, endHour: 6 } },
    });
  });
}

/**
 * Moves the clock of a page (the cooldown page, the pause page) on by `ms`. Chromium:
 * Playwright's fake clock, which must have been installed before the page loaded. Firefox over
 * BiDi has none, so the page's performance.now, which is all those timers read, is moved by hand.
 */
export async function advancePageClock(page: TestPage, ms: number): Promise<void> {
  if (page.runClockFor) return page.runClockFor(ms);
  await shiftPerformanceNow(page, ms);
}

/** Moves on only the page's performance.now, in either browser, for a page loaded without a fake clock. */
export async function shiftPerformanceNow(page: TestPage, ms: number): Promise<void> {
  await page.evaluate((by) => {
    const scope = window as unknown as { __realNow?: () => number; __offset?: number };
    const real = (scope.__realNow ??= performance.now.bind(performance));
    scope.__offset = (scope.__offset ?? 0) + by;
    performance.now = () => real() + scope.__offset!;
  }, ms);
  // The page's own timers tick in real time: give them a moment to see the new time.
  await new Promise((done) => setTimeout(done, 400));
}

/** Accessibility problems axe-core finds on the page as it is now (WCAG 2 A and AA rules). */
export async function axeViolations(page: TestPage): Promise<string[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // An expression evaluated by the driver, not the page's eval: the extension's CSP allows it.
  await page.evaluate(source as never);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}
