import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  addUrges,
  countUrges,
  deleteAll,
  isEmpty,
  logUrge,
  openDb,
  readAll,
  recordActivityDone,
  recordContact,
  reportedAt,
  removePerson,
  slipTimes,
  urgeCounts,
  URGE_DEDUPE_MS,
  type CleanBreakDb,
} from '@/lib/db';
import { parseBackup } from '@/lib/backup/format';
import { replaceAllWith } from '@/lib/backup/restore';

let db: CleanBreakDb;
let personId: number;
const T0 = Date.parse('2026-11-20T12:00:00.000Z');

beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  personId = (await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [] }))!;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const report = { site: 'instagram', surface: 'profile', outcome: 'resisted' } as const;

describe('logUrge', () => {
  it('counts the same check within 30 s once, and a later one again', async () => {
    const first = await logUrge(db, { personId, ...report }, T0);
    expect(await logUrge(db, { personId, ...report }, T0 + 10_000)).toBe(first);
    expect(await logUrge(db, { personId, ...report }, T0 + URGE_DEDUPE_MS)).toBe(first);
    const later = await logUrge(db, { personId, ...report }, T0 + URGE_DEDUPE_MS + 1);
    expect(later).not.toBe(first);
    expect(await db.urges.count()).toBe(2);
  });

  it.each([
    ['another surface', { surface: 'story' }],
    ['another site', { site: 'facebook' }],
  ] as const)('keeps %s apart', async (_, change) => {
    await logUrge(db, { personId, ...report }, T0);
    await logUrge(db, { personId, ...report, ...change }, T0 + 1000);
    expect(await db.urges.count()).toBe(2);
  });

  it('keeps another person apart', async () => {
    const other = (await db.people.add({ name: 'Alex', noContactSince: '2026-11-01', goalDays: 30, accounts: [] }))!;
    await logUrge(db, { personId, ...report }, T0);
    await logUrge(db, { personId: other, ...report }, T0 + 1000);
    expect(await db.urges.count()).toBe(2);
  });

  it('upgrades a repeated check to "overrode" but never back', async () => {
    const id = await logUrge(db, { personId, ...report }, T0);
    await logUrge(db, { personId, ...report, outcome: 'overrode' }, T0 + 5000);
    expect((await db.urges.get(id))?.outcome).toBe('overrode');
    await logUrge(db, { personId, ...report, outcome: 'resisted' }, T0 + 6000);
    expect((await db.urges.get(id))?.outcome).toBe('overrode');
  });

  it('stores every distinct urge of a concurrent burst exactly once', async () => {
    const surfaces = ['profile', 'story', 'message', 'search', 'post'] as const;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        logUrge(db, { personId, site: 'instagram', surface: surfaces[i % 5]!, outcome: 'resisted' }, T0 + i),
      ),
    );
    expect(await db.urges.count()).toBe(5);
  });
});

describe('a retried write', () => {
  it('records a contact once for the same person, kind and time', async () => {
    const first = await recordContact(db, personId, 'i-reached-out', 'hi', T0);
    expect(await recordContact(db, personId, 'i-reached-out', 'hi', T0)).toBe(first);
    expect(await recordContact(db, personId, 'they-reached-out', '', T0)).not.toBe(first);
    expect(await recordContact(db, personId, 'i-reached-out', '', T0 + 1)).not.toBe(first);
    expect(await db.contacts.count()).toBe(3);
  });

  it('records an activity once for the same activity and time', async () => {
    const first = await recordActivityDone(db, 'walk-outside', T0);
    expect(await recordActivityDone(db, 'walk-outside', T0)).toBe(first);
    expect(await recordActivityDone(db, 'call-a-friend', T0)).not.toBe(first);
    expect(await db.activities.count()).toBe(2);
  });

  it('keeps a sender’s time when plausible, and uses now otherwise', () => {
    expect(reportedAt(T0 - 5_000, T0)).toBe(T0 - 5_000);
    expect(reportedAt(T0 - 11 * 60_000, T0)).toBe(T0);
    expect(reportedAt(T0 + 1, T0)).toBe(T0);
    for (const bad of [undefined, null, '1', Number.NaN, Infinity, -Infinity]) expect(reportedAt(bad, T0)).toBe(T0);
  });
});

describe('indexed queries', () => {
  it('counts resisted urges in a time range', async () => {
    await addUrges(db, [
      { at: T0 - 86_400_000, personId, site: 'x', surface: 'profile', outcome: 'resisted' },
      { at: T0, personId, site: 'x', surface: 'profile', outcome: 'resisted' },
      { at: T0 + 1, personId, site: 'x', surface: 'story', outcome: 'overrode' },
    ]);
    expect(await countUrges(db, 'resisted', T0 - 1, T0 + 10)).toBe(1);
    expect(await countUrges(db, 'resisted', 0, T0 + 10)).toBe(2);
    expect(await countUrges(db, 'overrode', 0, T0 + 10)).toBe(1);
  });

  it('separates today from this week in the local calendar', async () => {
    const now = new Date(2026, 10, 25, 15, 0); // Wednesday
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
    await addUrges(db, [
      { at: at(25, 1), personId, site: 'x', surface: 'profile', outcome: 'resisted' },
      { at: at(24, 23), personId, site: 'x', surface: 'profile', outcome: 'resisted' },
      { at: at(23, 0), personId, site: 'x', surface: 'profile', outcome: 'resisted' }, // Monday
      { at: at(22, 23), personId, site: 'x', surface: 'profile', outcome: 'resisted' }, // Sunday
    ]);
    expect(await urgeCounts(db, now)).toEqual({ resistedToday: 1, resistedThisWeek: 3 });
  });

  it('finds only the person’s own contact as slips', async () => {
    await recordContact(db, personId, 'they-reached-out', '', T0);
    await recordContact(db, personId, 'i-reached-out', 'hi', T0 + 1);
    await recordContact(db, personId, 'emergency', '', T0 + 2);
    await recordContact(db, personId, 'i-reached-out', '', T0 + 3);
    expect(await slipTimes(db, personId)).toEqual([T0 + 1, T0 + 3]);
  });
});

describe('removal and replacement', () => {
  it('removes a person with their urges and contacts, and nobody else’s', async () => {
    const other = (await db.people.add({ name: 'Alex', noContactSince: '2026-11-01', goalDays: 30, accounts: [] }))!;
    await logUrge(db, { personId, ...report }, T0);
    await logUrge(db, { personId: other, ...report }, T0);
    await recordContact(db, personId, 'i-reached-out', '', T0);
    await recordContact(db, other, 'i-reached-out', '', T0);
    await removePerson(db, personId);
    const all = await readAll(db);
    expect(all.people.map((p) => p.name)).toEqual(['Alex']);
    expect(all.urges.map((u) => u.personId)).toEqual([other]);
    expect(all.contacts.map((c) => c.personId)).toEqual([other]);
  });

  it('replaces everything with a validated backup and links records to the new people', async () => {
    await logUrge(db, { personId, ...report }, T0);
    const parsed = parseBackup(
      JSON.stringify({
        app: 'clean-break',
        version: 1,
        people: [
          { name: 'Jo', noContactSince: '2026-10-01', goalDays: 21, accounts: [{ site: 'x', handle: 'jo' }] },
          { name: 'Kim', noContactSince: '2026-10-05', goalDays: 30, accounts: [] },
        ],
        urges: [{ at: '2026-11-01T10:00:00Z', person: 'Kim', site: 'x', surface: 'story', outcome: 'overrode' }],
        contacts: [{ at: '2026-11-02T10:00:00Z', person: 'Jo', kind: 'i-reached-out', note: 'n' }],
        activities: [{ at: '2026-11-03T10:00:00Z', activity: 'walk-20' }],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    await replaceAllWith(db, parsed.data);
    const all = await readAll(db);
    const idOf = (name: string) => all.people.find((p) => p.name === name)?.id;
    expect(all.people.map((p) => p.name)).toEqual(['Jo', 'Kim']);
    expect(all.urges).toMatchObject([{ personId: idOf('Kim'), surface: 'story', outcome: 'overrode' }]);
    expect(all.contacts).toMatchObject([{ personId: idOf('Jo'), kind: 'i-reached-out', note: 'n' }]);
    expect(all.activities).toMatchObject([{ activityId: 'walk-20' }]);
  });

  it('leaves the data untouched when a replacement fails midway', async () => {
    await logUrge(db, { personId, ...report }, T0);
    const before = await readAll(db);
    const bad = { people: [], urges: [{ at: T0, site: 'x', surface: 'profile', outcome: 'resisted', personIndex: 3 }], contacts: [], activities: [] } as const;
    await expect(replaceAllWith(db, bad as never)).rejects.toThrow();
    expect(await readAll(db)).toEqual(before);
  });

  it('deletes all data', async () => {
    await logUrge(db, { personId, ...report }, T0);
    expect(await isEmpty(db)).toBe(false);
    await deleteAll(db);
    expect(await isEmpty(db)).toBe(true);
  });
});
