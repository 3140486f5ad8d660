import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import { checkHealth, type PageHealth } from '@/lib/shield/health';
import type { SiteAdapter } from '@/lib/sites/types';
import type { CensusQuery } from '@/lib/shield/css';
import type { Guard } from './guard';

const SAMPLE_MS = 2_000;
const REPORT_MS = 10_000;
const HEALTH_AFTER_MS = [3_000, 12_000];

/** Past this many pending walks (a long-hidden tab), the census walks the whole page again instead. */
const MAX_WALKS = 500;
/** Main-thread time one sample may take: about 0.2% of the page's time, however large the page. */
const SAMPLE_BUDGET_MS = 4;

/** A walk over one subtree, resumable between samples. */
interface Walk {
  walker: TreeWalker;
  next: Element | null;
}

function walkFrom(root: Element): Walk {
  return { walker: document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT), next: root };
}

/**
 * Counts what the stylesheet kept out of view and checks the adapter still fits the page.
 * Hiding itself is pure CSS. Counting matches the same rules in script, which costs as much as
 * the browser's own matching, so it is a low-priority walk on a fixed budget: each element is
 * tested once (the page as first seen, then what the DOM observer reports as added), a few
 * milliseconds every couple of seconds while the tab is visible. Returns where the observer
 * hands its added roots.
 */
export function startCensus(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  census: CensusQuery[],
  guard: Guard,
  health: PageHealth,
): (roots: Element[]) => void {
  // One unparseable selector would make the whole query throw; keep only the ones this browser reads.
  const queries = census.filter((entry) => CSS.supports(`selector(${entry.key})`));
  const query = queries.map((entry) => entry.key).join(',');
  const counted = new WeakSet<Element>();
  let walks: Walk[] = [walkFrom(document.documentElement)];
  let pending = 0;

  /** The element a rule hid, from a match of its key. */
  const hiddenBy = (match: Element): Element | null => {
    const entry = queries.length === 1 ? queries[0] : queries.find((candidate) => match.matches(candidate.key));
    if (!entry?.container) return match;
    return entry.parent ? match.parentElement : match.closest(entry.container);
  };
  const walkForAWhile = () => {
    const until = performance.now() + SAMPLE_BUDGET_MS;
    for (let tested = 1; walks.length > 0; tested += 1) {
      const walk = walks[0]!;
      const element = walk.next;
      if (!element) {
        walks.shift();
        continue;
      }
      walk.next = walk.walker.nextNode() as Element | null;
      const hidden = element.matches(query) ? hiddenBy(element) : null;
      if (hidden && !counted.has(hidden)) {
        counted.add(hidden);
        pending += 1;
      }
      if (tested % 64 === 0 && performance.now() >= until) return;
    }
  };
  const sample = () => {
    if (query && walks.length > 0 && document.visibilityState === 'visible') guard.run(walkForAWhile, undefined);
  };
  const report = () => {
    if (pending === 0) return;
    const count = pending;
    pending = 0;
    sendMessage('cs-bg-kept-out-of-view', { count }).catch(() => (pending += count));
  };

  ctx.setInterval(sample, SAMPLE_MS);
  ctx.setInterval(report, REPORT_MS);
  ctx.addEventListener(window, 'pagehide', () => {
    sample();
    report();
  });

  for (const delay of HEALTH_AFTER_MS) {
    ctx.setTimeout(() => health.checked(guard.run(() => checkHealth(document, adapter.health ?? []), null)), delay);
  }

  return (roots) => {
    if (!query) return;
    const connected = roots.filter((root) => root.isConnected);
    walks = walks.length + connected.length > MAX_WALKS ? [walkFrom(document.documentElement)] : walks.concat(connected.map(walkFrom));
  };
}
