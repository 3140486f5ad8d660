import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BROWSERS, launch, type ExtensionSession, type LaunchOptions, type TestPage } from './harness';
import { ARTIFACTS, openExtensionPage, seedSamWithAnUrge } from './support';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PROFILE_URL = 'https://www.instagram.com/sam.rivera/';

/**
 * The extension's pages, each opened with someone set up and waited for until it has rendered.
 * New pages join by adding a line (e.g. the Progress view).
 */
const PAGES: { name: string; path: (urgeId: number) => string; ready: string }[] = [
  { name: 'popup', path: () => 'popup.html', ready: '[data-testid="streak-days"]' },
  { name: 'options', path: () => 'options.html', ready: '[data-testid="reasons-list"]' },
  { name: 'pause', path: (urgeId) => `pause.html?urge=${urgeId}&to=${encodeURIComponent(PROFILE_URL)}`, ready: '[data-testid="shield-day"]' },
  { name: 'welcome', path: () => 'welcome.html', ready: '[data-testid="welcome-glance"]' },
  { name: 'privacy', path: () => 'privacy.html', ready: 'table' },
  { name: 'progress', path: () => 'options.html#progress', ready: '[data-testid="chart-summary"]' },
  { name: 'reflection', path: () => 'options.html#reflection', ready: '[data-testid="reflection-view"]' },
];


interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page; its source is evaluated by the driver, which the page's CSP does not govern. */
async function seriousViolations(page: TestPage): Promise<Violation[]> {
  const evaluateSource = page.evaluate as unknown as (source: string) => Promise<unknown>;
  await evaluateSource.call(page, AXE_SOURCE);
  return page.evaluate(async () => {
    type Axe = { run(context: Document): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> };
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(document);
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  });
}


async function open(session: ExtensionSession, page: (typeof PAGES)[number], urgeId: number): Promise<TestPage> {
  const opened = await openExtensionPage(session, page.path(urgeId));
  await opened.waitFor(page.ready);
  return opened;
}

function withSession(browserName: (typeof BROWSERS)[number], options: LaunchOptions, body: (get: () => { session: ExtensionSession; urgeId: number }) => void) {
  let session: ExtensionSession;
  let urgeId: number;
  beforeAll(async () => {
    session = await launch(browserName, () => null, options);
    urgeId = await seedSamWithAnUrge(session);
  });
  afterAll(() => session?.close());
  body(() => ({ session, urgeId }));
}

describe.each(BROWSERS)('accessibility in %s', (browserName) => {
  describe('light, default motion', () => {
    withSession(browserName, {}, (get) => {
      it.each(PAGES)('$name: axe finds no serious or critical violations', async (entry) => {
        const page = await open(get().session, entry, get().urgeId);
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });

      it.each(PAGES)('$name: Tab reaches every control, each with a visible focus ring', async (entry) => {
        const page = await open(get().session, entry, get().urgeId);
        // Start from the top of the document, not from an autofocused control: focus an untabbable mark there.
        await page.evaluate(() => {
          const top = document.createElement('span');
          top.tabIndex = -1;
          document.body.prepend(top);
          top.focus();
        });
        const controls = await page.evaluate(() => {
          const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
          return all.filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled).length;
        });
        const reached: { key: string; ring: boolean }[] = [];
        for (let presses = 0; presses < controls + 5; presses += 1) {
          await page.press('Tab');
          const focused = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || !el.matches(':focus')) return null;
            // A radio group is one stop; a file input shows its ring on its label.
            const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 120);
            const ringOn = el instanceof HTMLInputElement && el.type === 'file' ? (el.closest('.file-button') ?? el) : el;
            const style = getComputedStyle(ringOn);
            const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return { key, ring };
          });
          if (focused && !reached.some((seen) => seen.key === focused.key)) reached.push(focused);
        }
        const groups = await page.evaluate(() => {
          const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
          const visible = all.filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled);
          return new Set(visible.map((el) => (el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 120)))).size;
        });
        expect(reached.length).toBe(groups);
        expect(reached.filter((stop) => !stop.ring)).toEqual([]);
        await page.close();
      });

      it.each(PAGES)('$name: text at 200% fits, with nothing cut off', async (entry) => {
        const page = await open(get().session, entry, get().urgeId);
        const problems = await page.evaluate(() => {
          document.documentElement.style.zoom = '2';
          const width = document.documentElement.clientWidth;
          const found: string[] = [];
          if (document.documentElement.scrollWidth > width + 1) found.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
          for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], h1, h2, p, label')) {
            if (!el.checkVisibility() || el.closest('.table-scroll')) continue;
            const box = el.getBoundingClientRect();
            const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
            if (box.right > width + 1 || box.left < -1) found.push(`${name} outside the page`);
            if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') found.push(`${name} clipped`);
          }
          return found;
        });
        expect(problems).toEqual([]);
        await page.close();
      });
    });
  });

  describe('dark, reduced motion', () => {
    withSession(browserName, { media: { colorScheme: 'dark', reducedMotion: true } }, (get) => {
      it.each(PAGES)('$name: dark follows the system, axe finds no contrast or other serious problem', async (entry) => {
        const page = await open(get().session, entry, get().urgeId);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(25, 28, 27)');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot(join(ARTIFACTS, `a11y-dark-${entry.name}-${browserName}.png`));
        await page.close();
      });

      it.each(PAGES)('$name: nothing animates or transitions', async (entry) => {
        const page = await open(get().session, entry, get().urgeId);
        const moving = await page.evaluate(() => {
          // The hold button only transitions while held: show it held.
          document.querySelector('.hold')?.classList.add('holding');
          const seconds = (value: string) => Math.max(...value.split(',').map((part) => parseFloat(part) || 0));
          return [...document.querySelectorAll('*')]
            .filter((el) => {
              const style = getComputedStyle(el);
              return seconds(style.transitionDuration) > 0 || (style.animationName !== 'none' && seconds(style.animationDuration) > 0);
            })
            .map((el) => el.className || el.tagName);
        });
        expect(moving).toEqual([]);
        await page.close();
      });
    });
  });

  describe('forced colours (high contrast)', () => {
    withSession(browserName, { media: { forcedColors: true } }, (get) => {
      /** The computed colours, as forced colours leave them, of each selector's first match. */
      const colours = (page: TestPage, property: 'backgroundColor' | 'borderBottomColor', selectors: string[]) =>
        page.evaluate(
          ([name, list]) => list.map((selector) => getComputedStyle(document.querySelector(selector)!)[name as 'backgroundColor']),
          [property, selectors] as const,
        );

      it('the browser has forced colours on', async () => {
        const popup = await open(get().session, PAGES[0]!, get().urgeId);
        expect(await popup.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
        await popup.close();
      });

      it('popup: the streak’s progress bar still shows how far along it is', async () => {
        const popup = await open(get().session, PAGES[0]!, get().urgeId);
        const [page, track, fill] = await colours(popup, 'backgroundColor', ['body', '.progress', '.progress > span']);
        expect(fill).not.toBe(page);
        expect(fill).not.toBe(track);
        expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.progress')!).borderTopStyle)).toBe('solid');
        // The milestone's pill loses its fill, and keeps its edge.
        const milestone = await popup.evaluate(() => {
          const style = getComputedStyle(document.querySelector('.milestone')!);
          return { style: style.borderTopStyle, colour: style.borderTopColor };
        });
        expect(milestone.style).toBe('solid');
        expect(milestone.colour).not.toBe(page);
        await popup.screenshot(join(ARTIFACTS, `a11y-forced-popup-${browserName}.png`));
        await popup.close();
      });

      it('progress: the chosen span, the current tab, the bars and the chart key stay visible', async () => {
        const progress = await open(get().session, PAGES.find(({ name }) => name === 'progress')!, get().urgeId);
        const [page, chosen, other, bar, streakKey] = await colours(progress, 'backgroundColor', [
          'body',
          'button[aria-pressed="true"]',
          'button[aria-pressed="false"]',
          '.row-bar',
          '.legend-streak',
        ]);
        expect(chosen).not.toBe(other);
        expect(bar).not.toBe(page);
        expect(streakKey).not.toBe(page);
        const tabs = await progress.evaluate(() =>
          ['.tabs a[aria-current="page"]', '.tabs a:not([aria-current])'].map((selector) => {
            const style = getComputedStyle(document.querySelector(selector)!);
            return { underline: style.borderBottomStyle, colour: style.borderBottomColor };
          }),
        );
        expect(tabs[0]!.underline).toBe('solid');
        expect(tabs[0]!.colour).not.toBe(page);
        expect(tabs[1]!.underline).toBe('none');
        await progress.screenshot(join(ARTIFACTS, `a11y-forced-progress-${browserName}.png`), { fullPage: true });
        await progress.close();
      });

      it('pause: holding "Continue anyway" shows its progress', async () => {
        const pause = await open(get().session, PAGES.find(({ name }) => name === 'pause')!, get().urgeId);
        await pause.waitFor('.hold');
        await pause.evaluate(() => document.querySelector('.hold')!.classList.add('holding'));
        const [page, fill] = await colours(pause, 'backgroundColor', ['body', '.hold-fill']);
        expect(fill).not.toBe(page);
        await pause.screenshot(join(ARTIFACTS, `a11y-forced-pause-${browserName}.png`));
        await pause.close();
      });
    });
  });
});
