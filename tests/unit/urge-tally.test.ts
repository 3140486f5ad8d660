import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { countUrges, logUrge, openDb, removePerson, setUrgeOutcome, type CleanBreakDb } from '@/lib/db';
import { logManualUrge } from '@/lib/db/insights';
import { HOUR_MS, tallyOf, type UrgeTallyRow } from '@/lib/db/tally';
import { logAttempt } from '@/lib/friction/attempts';
import { mergeInto, replaceAllWith } from '@/lib/backup/restore';
import { parseBackup } from '@/lib/backup/format';
import { OUTCOMES, type Outcome, type Urge } from '@/lib/model';

let db: CleanBreakDb;
beforeEach(() => {
  db = openDb(`tally-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const T0 = Date.parse('2026-11-20T00:00:00.000Z');

/** A small seeded generator, so a failing sequence can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const byKey = (rows: UrgeTallyRow[]) => [...rows].sort((a, b) => a.outcome.localeCompare(b.outcome) || a.hour - b.hour);

/** What the tally must be: counted afresh from every stored urge. */
async function expectTallyOfStoredUrges() {
  expect(byKey(await db.urgeTally.toArray())).toEqual(byKey(tallyOf(await db.urges.toArray())));
}

function backup(people: string[], urges: { at: number; person: string; outcome: Outcome }[]) {
  const parsed = parseBackup(
    JSON.stringify({
      app: 'clean-break',
      version: 1,
      people: people.map((name) => ({ name, noContactSince: '2026-11-01', goalDays: 30, accounts: [] })),
      urges: urges.map(({ at, person, outcome }) => ({ at: new Date(at).toISOString(), person, site: 'x', surface: 'profile', outcome })),
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.data;
}

describe('tallyOf', () => {
  it('counts urges per outcome and whole UTC hour, an hour starting on its first millisecond', () => {
    const urges: Pick<Urge, 'at' | 'outcome'>[] = [
      { at: T0, outcome: 'resisted' },
      { at: T0 + HOUR_MS - 1, outcome: 'resisted' },
      { at: T0 + HOUR_MS, outcome: 'resisted' },
      { at: T0 + 10, outcome: 'overrode' },
      { at: T0 - 1, outcome: 'resisted' },
    ];
    const hour = T0 / HOUR_MS;
    expect(byKey(tallyOf(urges))).toEqual([
      { outcome: 'overrode', hour, count: 1 },
      { outcome: 'resisted', hour: hour - 1, count: 1 },
      { outcome: 'resisted', hour, count: 2 },
      { outcome: 'resisted', hour: hour + 1, count: 1 },
    ]);
  });
});

describe('the urge tally', () => {
  it('stays the count of the stored urges through every way urges are written, and counts every range exactly', async () => {
    const next = random(20261125);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const anyTime = () => T0 + Math.floor(next() * 10 * 24 * HOUR_MS);

    await replaceAllWith(
      db,
      backup(
        ['Sam', 'Alex'],
        Array.from({ length: 40 }, () => ({ at: anyTime(), person: pick(['Sam', 'Alex']), outcome: pick(OUTCOMES) })),
      ),
    );
    await expectTallyOfStoredUrges();

    for (let step = 0; step < 300; step += 1) {
      const people = (await db.people.toArray()).map((person) => person.id!);
      const personId = pick(people);
      const choice = next();
      if (choice < 0.45) {
        // A shield check, often a repeat within the window that may turn it into `overrode`.
        const urges = await db.urges.toArray();
        const at = next() < 0.3 && urges.length > 0 ? pick(urges).at + 1_000 : anyTime();
        await logUrge(db, { personId, site: 'instagram', surface: pick(['profile', 'story'] as const), outcome: pick(OUTCOMES) }, at);
      } else if (choice < 0.6) {
        await logAttempt(db, { personId, site: 'elsewhere', surface: 'settings', outcome: pick(OUTCOMES) }, anyTime());
      } else if (choice < 0.7) {
        await logManualUrge(db, { personId }, anyTime());
      } else if (choice < 0.9) {
        const urges = await db.urges.toArray();
        if (urges.length > 0) await setUrgeOutcome(db, pick(urges).id!, pick(OUTCOMES));
      } else if (choice < 0.95) {
        await mergeInto(db, backup(['Sam', 'Kim'], [{ at: anyTime(), person: pick(['Sam', 'Kim']), outcome: pick(OUTCOMES) }]));
      } else if (people.length > 2) {
        await removePerson(db, people.at(-1)!);
      }
      await expectTallyOfStoredUrges();
    }

    const urges = await db.urges.toArray();
    expect(urges.length).toBeGreaterThan(100);
    // Ranges on whole hours, on the quarter hours of other time zones' midnights, and anywhere.
    const edge = () => pick([() => T0 + Math.floor(next() * 240) * HOUR_MS, () => T0 + Math.floor(next() * 960) * (HOUR_MS / 4), anyTime])();
    for (let range = 0; range < 300; range += 1) {
      const [from, to] = [edge(), edge()];
      const outcome = pick(OUTCOMES);
      const expected = urges.filter((urge) => urge.outcome === outcome && urge.at >= from && urge.at <= to).length;
      expect(await countUrges(db, outcome, from, to)).toBe(expected);
    }
  });

  it('counts the ends of a range exactly, to the millisecond', async () => {
    const personId = (await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [] }))!;
    const start = T0 + 5.5 * HOUR_MS; // midnight where the offset is +5:30
    // Attempts, which are never merged with one close by.
    for (const at of [start - 1, start, start + HOUR_MS, start + 30 * HOUR_MS, start + 30 * HOUR_MS + 1]) {
      await logAttempt(db, { personId, site: 'elsewhere', surface: 'settings', outcome: 'resisted' }, at);
    }
    expect(await countUrges(db, 'resisted', start, start + 30 * HOUR_MS)).toBe(3);
    expect(await countUrges(db, 'resisted', start - 1, start + 30 * HOUR_MS + 1)).toBe(5);
    expect(await countUrges(db, 'resisted', start + 1, start + 30 * HOUR_MS - 1)).toBe(1);
    expect(await countUrges(db, 'resisted', start + 1, start)).toBe(0);
  });
});
