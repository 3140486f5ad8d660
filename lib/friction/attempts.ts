import type { CleanBreakDb } from '../db';
import type { UrgeReport } from '../db';

/**
 * Logs an attempt to weaken protection as its own urge. Unlike the shield's checks, two attempts
 * close together are not merged: each cooldown is a separate choice, with its own outcome.
 */
export async function logAttempt(db: CleanBreakDb, report: UrgeReport, now: number): Promise<number> {
  const id = await db.urges.add({ at: now, ...report });
  if (id === undefined) throw new Error('The database did not return a key for a new record.');
  return id;
}
