import Dexie from 'dexie';
import { startOfDay, startOfWeek } from 'date-fns';
import type { ActivityDone, Contact, ContactKind, Outcome, Person, Reflection, Site, Surface, Urge, UrgeSite } from '../model';
import { MAX_REASONS, SLIP_KIND } from '../model';
import { localDateOf } from '../streak';
import { openDb, type CleanBreakDb } from './schema';
import { HOUR_MS, tallyUrges } from './tally';

export { openDb, type CleanBreakDb } from './schema';

let shared: CleanBreakDb | undefined;

/** Dexie types auto-increment keys as optional; an add always yields one. */
function addedId(id: number | undefined): number {
  if (id === undefined) throw new Error('The database did not return a key for a new record.');
  return id;
}
/** The extension's database. A connection, not state: safe to reopen whenever a context wakes. */
export function getDb(): CleanBreakDb {
  shared ??= openDb();
  return shared;
}

/** The same person+site+surface checked again within this window is the same urge. */
export const URGE_DEDUPE_MS = 30_000;

export interface UrgeReport {
  personId: number;
  site: UrgeSite;
  surface: Surface;
  outcome: Outcome;
}

/** How far back a sender's own timestamp is believed: a retried report may arrive a little late. */
const REPORTED_AT_SLACK_MS = 10 * 60_000;

/** When a reported event happened: the sender's time if plausible, else now. */
export function reportedAt(at: unknown, now: number): number {
  return typeof at === 'number' && Number.isFinite(at) && at <= now && at >= now - REPORTED_AT_SLACK_MS ? Math.round(at) : now;
}

/** Stores an urge and counts it in the tally. Every new urge is stored through here or `addUrges`. */
export function addUrge(db: CleanBreakDb, urge: Urge): Promise<number> {
  return db.transaction('rw', db.urges, db.urgeTally, async () => {
    const id = addedId(await db.urges.add(urge));
    await tallyUrges(db.urgeTally, [urge], 1);
    return id;
  });
}

/** Stores many urges at once, e.g. from a backup, with their tally. */
export async function addUrges(db: CleanBreakDb, urges: Urge[]): Promise<void> {
  await db.transaction('rw', db.urges, db.urgeTally, async () => {
    await db.urges.bulkAdd(urges);
    await tallyUrges(db.urgeTally, urges, 1);
  });
}

/** Changes an urge's outcome, and moves it in the tally. */
export async function setUrgeOutcome(db: CleanBreakDb, urgeId: number, outcome: Outcome): Promise<void> {
  await db.transaction('rw', db.urges, db.urgeTally, async () => {
    const urge = await db.urges.get(urgeId);
    if (!urge || urge.outcome === outcome) return;
    await db.urges.update(urgeId, { outcome });
    await tallyUrges(db.urgeTally, [urge], -1);
    await tallyUrges(db.urgeTally, [{ at: urge.at, outcome }], 1);
  });
}

/**
 * Stores an urge unless the same check was logged within the window; a repeat that went on
 * anyway upgrades the stored outcome to `overrode`. Returns the id of the stored urge.
 */
export async function logUrge(db: CleanBreakDb, report: UrgeReport, now: number): Promise<number> {
  return db.transaction('rw', db.urges, db.urgeTally, async () => {
    const { personId, site, surface } = report;
    const recent = await db.urges
      .where('[personId+site+surface+at]')
      .between([personId, site, surface, now - URGE_DEDUPE_MS], [personId, site, surface, now], true, true)
      .last();
    if (recent?.id !== undefined) {
      if (report.outcome === 'overrode') await setUrgeOutcome(db, recent.id, 'overrode');
      return recent.id;
    }
    return addUrge(db, { at: now, personId, site, surface, outcome: report.outcome });
  });
}

/**
 * Urges with an outcome from `from` to `to`, both included: the whole hours inside from the
 * tally, the part-hours at either end counted from the index.
 */
export function countUrges(db: CleanBreakDb, outcome: Outcome, from: number, to: number): Promise<number> {
  return db.transaction('r', db.urges, db.urgeTally, async () => {
    const counted = (low: number, high: number, highIncluded: boolean) =>
      db.urges.where('[outcome+at]').between([outcome, low], [outcome, high], true, highIncluded).count();
    const firstHour = Math.ceil(from / HOUR_MS);
    const lastHour = Math.floor(to / HOUR_MS) - 1;
    if (firstHour > lastHour) return counted(from, to, true);
    const [before, hours, after] = await Promise.all([
      counted(from, firstHour * HOUR_MS, false),
      db.urgeTally.where('[outcome+hour]').between([outcome, firstHour], [outcome, lastHour], true, true).toArray(),
      counted((lastHour + 1) * HOUR_MS, to, true),
    ]);
    return hours.reduce((sum, row) => sum + row.count, before + after);
  });
}

/** Times of the person's own contact, the only thing that restarts the count. */
export async function slipTimes(db: CleanBreakDb, personId: number): Promise<number[]> {
  const slips = await db.contacts
    .where('[personId+kind+at]')
    .between([personId, SLIP_KIND, Dexie.minKey], [personId, SLIP_KIND, Dexie.maxKey])
    .toArray();
  return slips.map((contact) => contact.at);
}

export function listPeople(db: CleanBreakDb): Promise<Person[]> {
  return db.people.orderBy('id').toArray();
}

/**
 * Records a contact once: a retried request carries the same time, so the same person, kind and
 * time is the same contact.
 */
export function recordContact(
  db: CleanBreakDb,
  personId: number,
  kind: ContactKind,
  note: string,
  now: number,
): Promise<number> {
  return db.transaction('rw', db.contacts, async () => {
    const same = await db.contacts.where('[personId+kind+at]').equals([personId, kind, now]).first();
    return same?.id ?? addedId(await db.contacts.add({ at: now, personId, kind, note }));
  });
}

/** Records an activity once, by the same rule as contacts. */
export function recordActivityDone(db: CleanBreakDb, activityId: string, now: number): Promise<number> {
  return db.transaction('rw', db.activities, async () => {
    const same = await db.activities.where('at').equals(now).filter((done) => done.activityId === activityId).first();
    return same?.id ?? addedId(await db.activities.add({ at: now, activityId }));
  });
}

/** Ids of activities done in the last week, so suggestions can vary. */
export async function recentActivityIds(db: CleanBreakDb, now: number): Promise<string[]> {
  const done = await db.activities.where('at').between(now - 7 * 86_400_000, now, true, true).toArray();
  return done.map((activity) => activity.activityId);
}

export interface UrgeCounts {
  resistedToday: number;
  resistedThisWeek: number;
}

export async function urgeCounts(db: CleanBreakDb, now: Date): Promise<UrgeCounts> {
  const end = now.getTime();
  const [resistedToday, resistedThisWeek] = await Promise.all([
    countUrges(db, 'resisted', startOfDay(now).getTime(), end),
    countUrges(db, 'resisted', startOfWeek(now, { weekStartsOn: 1 }).getTime(), end),
  ]);
  return { resistedToday, resistedThisWeek };
}

/** Removes a person with everything recorded about them, in one transaction. */
export async function removePerson(db: CleanBreakDb, personId: number): Promise<void> {
  await db.transaction('rw', [db.people, db.urges, db.urgeTally, db.contacts, db.learnedKeys, db.reflections], async () => {
    await db.learnedKeys.where('personId').equals(personId).delete();
    await db.reflections.where('personId').equals(personId).delete();
    const theirUrges = db.urges.where('[personId+site+surface+at]').between([personId, Dexie.minKey], [personId, Dexie.maxKey]);
    await tallyUrges(db.urgeTally, await theirUrges.toArray(), -1);
    await theirUrges.delete();
    await db.contacts.where('[personId+kind+at]').between([personId, Dexie.minKey], [personId, Dexie.maxKey]).delete();
    await db.people.delete(personId);
  });
}

export interface AllData {
  people: Person[];
  urges: Urge[];
  contacts: Contact[];
  activities: ActivityDone[];
  reasons: string[];
  reflections: Reflection[];
}

export async function readAll(db: CleanBreakDb): Promise<AllData> {
  return db.transaction('r', [db.people, db.urges, db.contacts, db.activities, db.settings, db.reflections], async () => ({
    people: await db.people.toArray(),
    urges: await db.urges.toArray(),
    contacts: await db.contacts.toArray(),
    activities: await db.activities.toArray(),
    reasons: await getReasons(db),
    reflections: await db.reflections.toArray(),
  }));
}

export async function isEmpty(db: CleanBreakDb): Promise<boolean> {
  const counts = await Promise.all([
    db.people.count(),
    db.urges.count(),
    db.contacts.count(),
    db.activities.count(),
    db.reflections.count(),
  ]);
  return counts.every((count) => count === 0);
}

export function allTables(db: CleanBreakDb) {
  return [db.people, db.urges, db.urgeTally, db.contacts, db.activities, db.settings, db.keptOutOfView, db.learnedKeys, db.reflections];
}

/** Empties every table; call inside a transaction over `allTables(db)`. */
export async function clearAll(db: CleanBreakDb): Promise<void> {
  await Promise.all(allTables(db).map((table) => table.clear()));
}

export async function deleteAll(db: CleanBreakDb): Promise<void> {
  await db.transaction('rw', allTables(db), () => clearAll(db));
}

export async function getSetting<T>(db: CleanBreakDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function putSetting(db: CleanBreakDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** The user's own reasons for keeping space, shown on the shield. */
export const REASONS_KEY = 'reasons';
export async function getReasons(db: CleanBreakDb): Promise<string[]> {
  const reasons = await getSetting<unknown>(db, REASONS_KEY);
  return Array.isArray(reasons) ? reasons.filter((reason): reason is string => typeof reason === 'string') : [];
}

export async function saveReasons(db: CleanBreakDb, reasons: string[]): Promise<void> {
  await putSetting(db, REASONS_KEY, reasons.slice(0, MAX_REASONS));
}

/** Adds passively hidden elements to today's count for a site. */
export async function addKeptOutOfView(db: CleanBreakDb, site: Site, count: number, now: Date): Promise<void> {
  const day = localDateOf(now);
  await db.transaction('rw', db.keptOutOfView, async () => {
    const row = await db.keptOutOfView.get([day, site]);
    await db.keptOutOfView.put({ day, site, count: (row?.count ?? 0) + count });
  });
}

export async function keptOutOfViewOn(db: CleanBreakDb, now: Date): Promise<number> {
  const rows = await db.keptOutOfView.where('day').equals(localDateOf(now)).toArray();
  return rows.reduce((sum, row) => sum + row.count, 0);
}

export async function learnKey(db: CleanBreakDb, site: Site, key: string, personId: number): Promise<void> {
  await db.learnedKeys.put({ site, key, personId });
}

export function learnedKeysFor(db: CleanBreakDb, site: Site) {
  return db.learnedKeys.where('site').equals(site).toArray();
}
