import { addUrge, type CleanBreakDb, type UrgeReport } from '../db';

/**
 * Logs an attempt to weaken protection as its own urge. Unlike the shield's checks, two attempts
 * close together are not merged: each cooldown is a separate choice, with its own outcome.
 */
export function logAttempt(db: CleanBreakDb, report: UrgeReport, now: number): Promise<number> {
  return addUrge(db, { at: now, ...report });
}
