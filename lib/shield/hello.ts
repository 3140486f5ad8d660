import { browser, type Browser } from 'wxt/browser';
import type { PageSurface, Site } from '../model';
import { learnedKeysFor, listPeople, logUrge, type CleanBreakDb, type UrgeReport } from '../db';
import { noteWriteProblem, storing } from '../db/write-problems';
import { adapterForHost } from '../sites';
import { SITE_RULES } from '../sites/rules';
import { censusQuery, compileCss, compileSelectors, LIFT_CURTAIN, type CensusQuery } from './css';
import { passedPeople } from './passes';
import { targetFor, targetsFor, type Target } from './targets';
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
  /** The worker left the curtain down: the content script lifts it (`liftCurtainOnceParsed`). */
  curtainHeld: boolean;
  /** How the content script counts what the hiding rules kept out of view. */
  census: CensusQuery[];
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

const NOTHING: ShieldHello = { site: null, targets: [], passed: [], block: null, curtainHeld: false, census: [] };

function insertCss(tabId: number, sender: Browser.runtime.MessageSender, css: string): Promise<void> {
  return browser.scripting.insertCSS({ target: { tabId, frameIds: [sender.frameId ?? 0] }, css, origin: 'USER' });
}

/**
 * Answers a content script at document start: injects the hiding rules for its site as
 * user-origin CSS into its frame, and lifts the curtain unless the page must be shielded or
 * the content script must lift it later: after its first scan where the site has procedural
 * rules, and once the HTML has all arrived where it is still `parsing`. A page still arriving
 * can be painted between two chunks of HTML, with a post of theirs parsed up to its avatar but
 * not yet to the link the rules know them by. (Firefox inserts the CSS only once the page is
 * parsed, whatever is asked: its scripting.insertCSS runs at document_idle.)
 */
export async function shieldHello(
  db: CleanBreakDb,
  sender: Browser.runtime.MessageSender,
  now: number,
  { parsing }: { parsing: boolean },
): Promise<ShieldHello> {
  const tabId = sender.tab?.id;
  const adapter = sender.url ? adapterForHost(new URL(sender.url).hostname) : undefined;
  if (tabId === undefined || !adapter || !sender.url) return NOTHING;

  // The user paused protection here (after a cooldown): nothing hidden, nothing shielded, until it ends.
  // A pause that can't be read is no pause: protection stays on.
  // Every page load of a supported site waits on this: the four independent reads go out together.
  const [pause, people, learned, passed] = await Promise.all([
    readProtectionPause().catch(() => NO_PAUSE),
    listPeople(db),
    learnedKeysFor(db, adapter.id),
    passedPeople(tabId, adapter.id, now),
  ]);
  if (pausedUntil(pause, adapter.id, now) !== null) {
    await insertCss(tabId, sender, LIFT_CURTAIN);
    return { ...NOTHING, site: adapter.id };
  }

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
  const shown = targets.filter((candidate) => !passed.includes(candidate.personId));
  const selectors = compileSelectors(SITE_RULES[adapter.id], shown);
  const scans = (adapter.procedural?.length ?? 0) + (adapter.learn?.length ?? 0) > 0;
  const curtainHeld = !block && shown.length > 0 && (scans || parsing);
  const lift = !block && !curtainHeld;
  const css = [compileCss(selectors), lift ? LIFT_CURTAIN : ''].join('\n');
  await insertCss(tabId, sender, css);
  return { site: adapter.id, targets, passed, block, curtainHeld, census: selectors.map(censusQuery) };
}
