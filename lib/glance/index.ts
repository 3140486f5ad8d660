import type { Person } from '../model';
import { keptOutOfViewOn, listPeople, slipTimes, urgeCounts, type CleanBreakDb, type UrgeCounts } from '../db';
import { summarize, type StreakSummary } from '../streak';

export interface PersonGlance {
  person: Person & { id: number };
  streak: StreakSummary;
}

export interface Glance {
  people: PersonGlance[];
  urges: UrgeCounts;
  /** Their posts, rows and cards hidden today without a check. */
  keptOutOfViewToday: number;
}

/** Everything the popup shows, read with indexed queries only (no table scans). */
export async function loadGlance(db: CleanBreakDb, now: Date): Promise<Glance> {
  const [people, urges, keptOutOfViewToday] = await Promise.all([
    listPeople(db),
    urgeCounts(db, now),
    keptOutOfViewOn(db, now),
  ]);
  const withIds = people.filter((person): person is Person & { id: number } => person.id !== undefined);
  const glances = await Promise.all(
    withIds.map(async (person) => ({
      person,
      streak: summarize({
        noContactSince: person.noContactSince,
        slips: await slipTimes(db, person.id),
        goalDays: person.goalDays,
        now,
      }),
    })),
  );
  return { people: glances, urges, keptOutOfViewToday };
}
