import type { Person } from '../model';
import { listPeople, slipTimes, type CleanBreakDb } from '../db';
import { readFriction, readFriendCode } from './store';
import { cooldownMinutes, goalRunning, latestGoalDate, lockActive, type FrictionSettings } from './rules';
import type { StoredFriendCode } from './friend-code';

/** Everything that decides how a weakening change is gated right now, read fresh from storage. */
export interface Gate {
  settings: FrictionSettings;
  people: Person[];
  /** A goal is still running: before the latest goal date. */
  running: boolean;
  /** The latest goal date, or null with nobody to protect. */
  goalDate: string | null;
  locked: boolean;
  cooldownMinutes: number;
  /** Required before the goal date when the user set one. */
  friendCode: StoredFriendCode | null;
}

export async function readGate(db: CleanBreakDb, now: Date): Promise<Gate> {
  const [settings, people, storedCode] = await Promise.all([readFriction(), listPeople(db), readFriendCode()]);
  const streaks = await Promise.all(
    people.map(async (person) => ({ ...person, slips: person.id === undefined ? [] : await slipTimes(db, person.id) })),
  );
  const running = goalRunning(streaks, now);
  return {
    settings,
    people,
    running,
    goalDate: latestGoalDate(streaks, now),
    locked: lockActive(settings.lockedUntil, now),
    cooldownMinutes: cooldownMinutes(settings, running),
    friendCode: running ? storedCode : null,
  };
}
