import type { Person } from '../model';
import { listPeople, slipTimes, urgeCounts, type CleanBreakDb, type UrgeCounts } from '../db';
import { summarize, type StreakSummary } from '../streak';

export interface PersonGlance {
  person: Person & { id: number };
  streak: StreakSummary;
}

export interface Glance {
  people: PersonGlance[];
  urges: UrgeCounts;
}

/** Everything the popup shows, read with indexed queries only (no table scans). */
export async function loadGlance(db: CleanBreakDb, now: Date): Promise<Glance> {
  const [people, urges] = await Promise.all([listPeople(db), urgeCounts(db, now)]);
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
  return { people: glances, urges };
}
