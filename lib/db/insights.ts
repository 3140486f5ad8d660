/** Reads and writes for the Progress view, the manual urge log, reflections and the popup's moments. */
import Dexie from 'dexie';
import { startOfWeek, subWeeks } from 'date-fns';
import { ELSEWHERE, OUTCOMES, SLIP_KIND, type ActivityDone, type Intensity, type Reflection, type Urge } from '../model';
import { localDateOf, summarize } from '../streak';
import { lastDays, startOfLastDays, startOfLastWeeks, WEEK_STARTS_ON } from '../insights/series';
import type { Slip } from '../insights/streaks';
import {
  celebrationKey,
  encouragement,
  milestoneToday,
  type WeeklySummary,
} from '../insights/moments';
import type { KeptOutOfView } from './schema';
import { addUrge, countUrges, getSetting, listPeople, putSetting, slipTimes, type CleanBreakDb } from './index';

export interface ManualUrge {
  personId: number;
  intensity?: Intensity;
  note?: string;
}

/**
 * Stores an urge the user logged by hand. Never merged with another (each is deliberate); a
 * retried request carries the same time and is recognised as the same urge.
 */
export function logManualUrge(db: CleanBreakDb, urge: ManualUrge, at: number): Promise<number> {
  return db.transaction('rw', db.urges, db.urgeTally, async () => {
    const key = [urge.personId, ELSEWHERE, 'manual', at];
    const same = await db.urges.where('[personId+site+surface+at]').equals(key).first();
    if (same?.id !== undefined) return same.id;
    const stored: Urge = { at, personId: urge.personId, site: ELSEWHERE, surface: 'manual', outcome: 'resisted' };
    if (urge.intensity !== undefined) stored.intensity = urge.intensity;
    if (urge.note) stored.note = urge.note;
    return addUrge(db, stored);
  });
}

/** Days of history the Progress view reads at most. */
export const PROGRESS_DAYS = 90;
export const PROGRESS_WEEKS = 12;

export interface ProgressData {
  urges: Urge[];
  slips: Slip[];
  kept: KeptOutOfView[];
  activities: ActivityDone[];
}

/** One person's last `dayCount` days (at most 90), read by index ranges only. */
export async function loadProgress(db: CleanBreakDb, personId: number, now: Date, dayCount = PROGRESS_DAYS): Promise<ProgressData> {
  const from = startOfLastDays(now, dayCount);
  const days = lastDays(now, dayCount);
  return db.transaction('r', [db.urges, db.contacts, db.keptOutOfView, db.activities], async () => {
    const [urges, slips, kept, activities] = await Promise.all([
      // Filtered after reading: a Dexie filter would walk a cursor row by row instead of one getAll.
      db.urges.where('at').between(from, now.getTime(), true, true).toArray().then((all) => all.filter((urge) => urge.personId === personId)),
      db.contacts.where('[personId+kind+at]').between([personId, SLIP_KIND, Dexie.minKey], [personId, SLIP_KIND, Dexie.maxKey]).toArray(),
      db.keptOutOfView.where('day').between(days[0]!, days.at(-1)!, true, true).toArray(),
      db.activities.where('at').between(startOfLastWeeks(now, PROGRESS_WEEKS), now.getTime(), true, true).toArray(),
    ]);
    return { urges, slips: slips.map(({ at, note }) => ({ at, note })), kept, activities };
  });
}

export async function saveReflection(db: CleanBreakDb, reflection: Omit<Reflection, 'id'>): Promise<number> {
  return db.transaction('rw', db.reflections, async () => {
    // A retried save carries the same time: the same reflection.
    const same = await db.reflections.where('at').equals(reflection.at).filter((r) => r.personId === reflection.personId).first();
    if (same?.id !== undefined) return same.id;
    const id = await db.reflections.add(reflection);
    if (id === undefined) throw new Error('The database did not return a key for a new reflection.');
    return id;
  });
}

/** Newest first. */
export function listReflections(db: CleanBreakDb): Promise<Reflection[]> {
  return db.reflections.orderBy('at').reverse().toArray();
}

// ---------------------------------------------------------------------------------------------
// The popup's moments

export const WEEKLY_SHOWN_KEY = 'weekly-summary-week';
export const CELEBRATIONS_DISMISSED_KEY = 'celebrations-dismissed';
const DISMISSALS_KEPT = 20;

export interface Celebration {
  key: string;
  personId: number;
  name: string;
  milestone: number;
}

export interface Moments {
  weekly: WeeklySummary | null;
  celebration: Celebration | null;
}

/**
 * The summary of the week just ended, on the popup's first open of a new week only (the week is
 * marked as shown when it is handed out). Nothing before any history exists.
 */
async function weeklySummary(db: CleanBreakDb, now: Date): Promise<WeeklySummary | null> {
  const thisWeek = startOfWeek(now, { weekStartsOn: WEEK_STARTS_ON });
  const lastWeek = subWeeks(thisWeek, 1);
  const weekBefore = subWeeks(thisWeek, 2);
  if ((await getSetting<string>(db, WEEKLY_SHOWN_KEY)) === localDateOf(thisWeek)) return null;
  // Whether anything came before this week: the first record says, where a count would walk them all.
  const [urgeBefore, activityBefore] = await Promise.all([
    db.urges.where('at').below(thisWeek.getTime()).first(),
    db.activities.where('at').below(thisWeek.getTime()).first(),
  ]);
  if (!urgeBefore && !activityBefore) return null;
  const urgesIn = async (from: Date, until: Date) => {
    const counts = await Promise.all(OUTCOMES.map((outcome) => countUrges(db, outcome, from.getTime(), until.getTime() - 1)));
    return counts.reduce((sum, count) => sum + count, 0);
  };
  const [urges, previousUrges, activities] = await Promise.all([
    urgesIn(lastWeek, thisWeek),
    urgesIn(weekBefore, lastWeek),
    db.activities.where('at').between(lastWeek.getTime(), thisWeek.getTime(), true, false).count(),
  ]);
  await putSetting(db, WEEKLY_SHOWN_KEY, localDateOf(thisWeek));
  const figures = { urges, previousUrges, activities };
  return { ...figures, weekOf: localDateOf(lastWeek), encouragement: encouragement(figures) };
}

async function celebration(db: CleanBreakDb, now: Date): Promise<Celebration | null> {
  const dismissed = (await getSetting<string[]>(db, CELEBRATIONS_DISMISSED_KEY)) ?? [];
  for (const person of await listPeople(db)) {
    if (person.id === undefined) continue;
    const streak = summarize({ noContactSince: person.noContactSince, slips: await slipTimes(db, person.id), goalDays: person.goalDays, now });
    const milestone = milestoneToday(streak.current, person.goalDays);
    if (milestone === null) continue;
    const key = celebrationKey(person.id, streak.start, milestone);
    if (!dismissed.includes(key)) return { key, personId: person.id, name: person.name, milestone };
  }
  return null;
}

export async function loadMoments(db: CleanBreakDb, now: Date): Promise<Moments> {
  return { weekly: await weeklySummary(db, now), celebration: await celebration(db, now) };
}

export async function dismissCelebration(db: CleanBreakDb, key: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const dismissed = (await getSetting<string[]>(db, CELEBRATIONS_DISMISSED_KEY)) ?? [];
    if (!dismissed.includes(key)) await putSetting(db, CELEBRATIONS_DISMISSED_KEY, [...dismissed, key].slice(-DISMISSALS_KEPT));
  });
}

/** The reflection is offered once a goal is reached, and stays there to read afterwards. */
export async function reflectionAvailable(db: CleanBreakDb, now: Date): Promise<boolean> {
  if ((await db.reflections.count()) > 0) return true;
  for (const person of await listPeople(db)) {
    if (person.id === undefined) continue;
    const streak = summarize({ noContactSince: person.noContactSince, slips: await slipTimes(db, person.id), goalDays: person.goalDays, now });
    if (streak.progress.reached) return true;
  }
  return false;
}
