import type { Browser } from 'wxt/browser';
import type { PageSurface, Site } from '../model';
import { learnedKeysFor, listPeople, logUrge, type CleanBreakDb, type UrgeReport } from '../db';
import { noteWriteProblem, storing } from '../db/write-problems';
import { adapterForHost } from '../sites';
import { SITE_RULES } from '../sites/rules';
import { censusQuery, compileCss, compileSelectors, type CensusQuery } from './css';
import { setFrameCss } from './frame-css';
import { passesIn } from './passes';
import { targetFor, targetsFor, targetsToHide, type Target } from './targets';
import { readProtectionPause } from '../friction/store';
import { NO_PAUSE, pausedUntil } from '../friction/pause';

export interface ShieldBlock {
  urgeId: number;
  personId: number;
  surface: PageSurface;
}

export interface ShieldHello {
  site: Site | null;
  targets: Target[];
  /** People the user chose to see anyway in this tab. */
  passed: number[];
  /** Set when the page itself is the person: the curtain stays and the tab goes to the shield. */
  block: ShieldBlock | null;
  /** How the content script counts what the hiding rules kept out of view. */
  census: CensusQuery[];
  /**
   * When this answer runs out by itself, with nothing stored changing (a pause or a pass ends):
   * the page asks again then. Null when it holds until the next change.
   */
  changesAt: number | null;
}

/** The pause page shows no urge for this id, and offers only "Go back". */
export const UNSTORED_URGE_ID = 0;

/** An urge that can't be stored (the disk is full) must never lift the shield: it is noted for the popup instead. */
function logShieldedUrge(db: CleanBreakDb, report: UrgeReport, now: number): Promise<number> {
  return storing(
    () => logUrge(db, report, now),
    async (error) => {
      await noteWriteProblem('urge', error, now);
      return UNSTORED_URGE_ID;
    },
  );
}

const NOTHING: ShieldHello = { site: null, targets: [], passed: [], block: null, census: [], changesAt: null };

/**
 * Answers a content script at document start: injects the hiding rules for its site as
 * user-origin CSS into its frame, before answering, so that the script may lift the curtain
 * once it has the answer. (Firefox inserts an extension's CSS only once the page is parsed and
 * idle: its scripting.insertCSS runs at document_idle, so a page there waits until then.)
 * Where nobody is hidden nothing is inserted, and the answer comes at once. `again`: an open page
 * asking after a change, whose earlier rules are replaced (see frame-css.ts).
 */
export async function shieldHello(db: CleanBreakDb, sender: Browser.runtime.MessageSender, now: number, again = false): Promise<ShieldHello> {
  const tabId = sender.tab?.id;
  const adapter = sender.url ? adapterForHost(new URL(sender.url).hostname) : undefined;
  if (tabId === undefined || !adapter || !sender.url) return NOTHING;

  // The user paused protection here (after a cooldown): nothing hidden, nothing shielded, until it ends.
  // A pause that can't be read is no pause: protection stays on.
  // Every page load of a supported site waits on this: the four independent reads go out together.
  const [pause, people, learned, passes] = await Promise.all([
    readProtectionPause().catch(() => NO_PAUSE),
    listPeople(db),
    learnedKeysFor(db, adapter.id),
    passesIn(tabId, adapter.id, now),
  ]);
  const frameId = sender.frameId ?? 0;
  const pauseEnds = pausedUntil(pause, adapter.id, now);
  if (pauseEnds !== null) {
    await setFrameCss(tabId, frameId, '', again);
    return { ...NOTHING, site: adapter.id, changesAt: pauseEnds };
  }
  const passed = passes.map((pass) => pass.personId);

  const targets = targetsFor(adapter.id, people, learned);
  const route = adapter.route(new URL(sender.url));
  const target = route && targetFor(targets, route.identifiers);
  const block =
    route && target && !passed.includes(target.personId)
      ? {
          urgeId: await logShieldedUrge(db, { personId: target.personId, site: adapter.id, surface: route.surface, outcome: 'resisted' }, now),
          personId: target.personId,
          surface: route.surface,
        }
      : null;

  // Someone the user chose to see anyway in this tab is not hidden there until the pass ends.
  const selectors = compileSelectors(SITE_RULES[adapter.id], targetsToHide(targets, passed));
  await setFrameCss(tabId, frameId, selectors.length > 0 ? compileCss(selectors) : '', again);
  return {
    site: adapter.id,
    targets,
    passed,
    block,
    census: selectors.flatMap((selector) => censusQuery(selector) ?? []),
    changesAt: passes.length > 0 ? Math.min(...passes.map((pass) => pass.until)) : null,
  };
}
