import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import { checkHealth, type PageHealth } from '@/lib/shield/health';
import type { SiteAdapter } from '@/lib/sites/types';
import type { CensusQuery } from '@/lib/shield/css';
import type { Guard } from './guard';

const SAMPLE_MS = 2_000;
const REPORT_MS = 10_000;
const HEALTH_AFTER_MS = [3_000, 12_000];

/** Past this many subtrees added and not yet counted (a long-hidden tab), the census counts the whole page again instead. */
const MAX_ADDED = 500;
/** A subtree larger than this is counted in parts (its root, then each child), so one query stays well within a sample. */
const LARGEST_QUERY = 500;
/** Main-thread time one sample may take: about 0.2% of the page's time, however large the page. */
const SAMPLE_BUDGET_MS = 4;

/**
 * Whether a rule's match is out of view that would otherwise be on screen: it is not rendered and
 * its container is. One thing of theirs hidden inside another (a name inside their post) is one
 * thing kept out of view, and one inside a closed menu was not going to be seen. (A `display:
 * contents` wrapper has no box of its own, so the container is the first one above it that may.)
 */
function keptOutOfView(hidden: Element): boolean {
  if (hidden.checkVisibility()) return false;
  let container = hidden.parentElement;
  while (container && getComputedStyle(container).display === 'contents') container = container.parentElement;
  return !container || container.checkVisibility();
}

export interface Census {
  /** Subtrees the DOM observer saw added. */
  added(roots: Element[]): void;
  /** An element hidden from script (a chat row that names them only in text), counted at the next sample. */
  hidden(element: Element): void;
  /** Counts with the rules of a newer answer (a learned key, someone added): the page again, nothing twice. */
  countWith(census: CensusQuery[]): void;
}

/**
 * Counts what the stylesheet and the procedural rules kept out of view, each thing once however
 * many rules hid it and whatever is inside it, and checks the adapter still fits the page.
 * Hiding itself is pure CSS. Counting matches the same rules again, so it is a low-priority pass
 * on a fixed budget: each subtree is queried once (the page as first seen, in parts of a few
 * hundred elements, then what the DOM observer reports as added), a few milliseconds every couple
 * of seconds while the tab is visible. One native query per subtree costs a fraction of testing
 * its elements one by one from script, and it asks only for the keys' last compounds (their link
 * shapes, mostly): a selector list is tried whole on every element, so the keys with their
 * combinators are tested only on the few elements that pass.
 */
export function startCensus(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  census: CensusQuery[],
  guard: Guard,
  health: PageHealth,
): Census {
  /** The rules' keys, grouped by the last compound they share (most of a site's rules end in its link shapes). */
  let groups: { candidate: string; queries: CensusQuery[] }[] = [];
  /** Every candidate: a subtree is queried for these, then each match is tested against the keys. */
  let query = '';
  const counted = new WeakSet<Element>();
  /** The page as first seen, in subtrees still to count. */
  let unsplit: Element[] = [];
  /** Subtrees added since: counted first, as a feed may recycle them. */
  let added: Element[] = [];
  /** Elements hidden from script since the last sample. */
  const hiddenByScript: Element[] = [];
  let pending = 0;

  const countPageAgain = () => {
    added = [];
    unsplit = [document.documentElement];
  };
  const countWith = (rules: CensusQuery[]) => {
    // One unparseable selector would make the whole query throw; keep only the ones this browser reads.
    const byCandidate = new Map<string, CensusQuery[]>();
    for (const entry of rules.filter((rule) => CSS.supports(`selector(${rule.key})`))) {
      const group = byCandidate.get(entry.candidate);
      if (group) group.push(entry);
      else byCandidate.set(entry.candidate, [entry]);
    }
    groups = [...byCandidate].map(([candidate, queries]) => ({ candidate, queries }));
    query = [...byCandidate.keys()].join(',');
    countPageAgain();
  };
  countWith(census);

  const count = (hidden: Element | null) => {
    if (hidden && !counted.has(hidden) && keptOutOfView(hidden)) {
      counted.add(hidden);
      pending += 1;
    }
  };
  /**
   * Counts what the rules hid, from one element that matches a candidate. Every rule whose key it
   * matches is read (their link may be hidden itself and hide the row around it), but only the
   * outermost element hidden is kept out of view.
   */
  const note = (match: Element) => {
    for (const group of groups) {
      if (groups.length > 1 && !match.matches(group.candidate)) continue;
      for (const entry of group.queries) {
        if (entry.key !== group.candidate && !match.matches(entry.key)) continue;
        count(!entry.container ? match : entry.parent ? match.parentElement : match.closest(entry.container));
      }
    }
  };
  const countIn = (root: Element) => {
    if (!root.isConnected) return;
    if (root.matches(query)) note(root);
    if (root.getElementsByTagName('*').length > LARGEST_QUERY) unsplit.push(...root.children);
    else for (const match of root.querySelectorAll(query)) note(match);
  };
  const countForAWhile = () => {
    const until = performance.now() + SAMPLE_BUDGET_MS;
    for (const element of hiddenByScript.splice(0)) if (element.isConnected) count(element);
    while (query && performance.now() < until) {
      const root = added.pop() ?? unsplit.pop();
      if (!root) return;
      countIn(root);
    }
  };
  const sample = () => {
    const waiting = added.length > 0 || unsplit.length > 0;
    if (((query && waiting) || hiddenByScript.length > 0) && document.visibilityState === 'visible') guard.run(countForAWhile, undefined);
  };
  const report = () => {
    if (pending === 0) return;
    const reported = pending;
    pending = 0;
    sendMessage('cs-bg-kept-out-of-view', { count: reported }).catch(() => (pending += reported));
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

  return {
    added(roots) {
      if (!query) return;
      if (added.length + roots.length <= MAX_ADDED) added.push(...roots);
      else countPageAgain();
    },
    hidden(element) {
      if (hiddenByScript.length < MAX_ADDED) hiddenByScript.push(element);
    },
    countWith,
  };
}
