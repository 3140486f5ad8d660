import { addDays, format, parseISO } from 'date-fns';
import type { Account, LocalDate, Person } from '../model';
import { localDateOf, streakStart } from '../streak';

/**
 * The pure rules of friction: how long a cooldown lasts, when the lock holds, when late-night
 * mode applies, and which edits weaken protection. No storage, no clock of its own.
 */

export const DEFAULT_COOLDOWN_MINUTES = 10;
export const MAX_COOLDOWN_MINUTES = 240;
/** After the goal date the cooldown tapers to this, unless the user keeps strict mode. */
export const TAPERED_COOLDOWN_MINUTES = 1;

export interface LateNight {
  enabled: boolean;
  /** Hours of the local day, 0..23: the window runs from `startHour` up to (not including) `endHour`. */
  startHour: number;
  endHour: number;
}

export const DEFAULT_LATE_NIGHT: LateNight = { enabled: true, startHour: 22, endHour: 6 };
/** How long the urge-surfing timer runs before "Continue anyway" in late-night hours. */
export const URGE_SURF_SECONDS = 90;

export interface FrictionSettings {
  cooldownMinutes: number;
  /** Keep the full cooldown after the goal date instead of tapering to a minute. */
  strictAfterGoal: boolean;
  /** The lock holds until this local date (exclusive), or is off. */
  lockedUntil: LocalDate | null;
  lateNight: LateNight;
}

export const DEFAULT_FRICTION: FrictionSettings = {
  cooldownMinutes: DEFAULT_COOLDOWN_MINUTES,
  strictAfterGoal: false,
  lockedUntil: null,
  lateNight: DEFAULT_LATE_NIGHT,
};

type PersonStreak = Pick<Person, 'noContactSince' | 'goalDays'> & { slips: number[] };

/** The local date on which the person's goal is reached: the streak's start plus the goal in days. */
export function goalDate(person: PersonStreak, now: Date): LocalDate {
  const start = streakStart({ noContactSince: person.noContactSince, slips: person.slips, now });
  return format(addDays(parseISO(start), person.goalDays), 'yyyy-MM-dd');
}

/** The latest goal date among the people, or null with nobody to protect. */
export function latestGoalDate(people: PersonStreak[], now: Date): LocalDate | null {
  const dates = people.map((person) => goalDate(person, now)).sort();
  return dates.at(-1) ?? null;
}

/** A goal is running while today is before someone's goal date. */
export function goalRunning(people: PersonStreak[], now: Date): boolean {
  const latest = latestGoalDate(people, now);
  return latest !== null && localDateOf(now) < latest;
}

export function lockActive(lockedUntil: LocalDate | null, now: Date): boolean {
  return lockedUntil !== null && localDateOf(now) < lockedUntil;
}

/** Minutes a weakening change waits: the chosen length while a goal runs or in strict mode, else a minute. */
export function cooldownMinutes(settings: Pick<FrictionSettings, 'cooldownMinutes' | 'strictAfterGoal'>, running: boolean): number {
  const chosen = Math.min(MAX_COOLDOWN_MINUTES, Math.max(DEFAULT_COOLDOWN_MINUTES, Math.round(settings.cooldownMinutes)));
  return running || settings.strictAfterGoal ? chosen : TAPERED_COOLDOWN_MINUTES;
}

/** The cooldown can be lengthened any time, and shortened (to no less than the default) only once no goal runs. */
export function cooldownChangeAllowed(current: number, next: number, running: boolean): boolean {
  if (!Number.isInteger(next) || next < DEFAULT_COOLDOWN_MINUTES || next > MAX_COOLDOWN_MINUTES) return false;
  return !running || next >= current;
}

/** Whether local time falls in the late-night window; a window like 22–6 wraps over midnight. */
export function inLateNight(lateNight: LateNight, now: Date): boolean {
  if (!lateNight.enabled || lateNight.startHour === lateNight.endHour) return false;
  const hour = now.getHours();
  return lateNight.startHour < lateNight.endHour
    ? hour >= lateNight.startHour && hour < lateNight.endHour
    : hour >= lateNight.startHour || hour < lateNight.endHour;
}

export function isHour(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 23;
}

export interface Weakening {
  removedAccounts: Account[];
  /** Set when the goal gets shorter. */
  goalDays?: { from: number; to: number };
  /** Set when the no-contact date moves earlier, which brings the goal date closer. */
  noContactSince?: { from: LocalDate; to: LocalDate };
}

const sameAccount = (a: Account, b: Account) => a.site === b.site && a.handle.toLowerCase() === b.handle.toLowerCase();

/**
 * What an edit takes away from a person's protection. Adding accounts, a longer goal, a later
 * start date or a new name strengthen or keep it, and are not listed.
 */
export function weakeningOf(before: Omit<Person, 'id'>, after: Omit<Person, 'id'>): Weakening {
  const weakening: Weakening = {
    removedAccounts: before.accounts.filter((account) => !after.accounts.some((kept) => sameAccount(kept, account))),
  };
  if (after.goalDays < before.goalDays) weakening.goalDays = { from: before.goalDays, to: after.goalDays };
  if (after.noContactSince < before.noContactSince) {
    weakening.noContactSince = { from: before.noContactSince, to: after.noContactSince };
  }
  return weakening;
}

export function weakens(weakening: Weakening): boolean {
  return weakening.removedAccounts.length > 0 || weakening.goalDays !== undefined || weakening.noContactSince !== undefined;
}

/** The edit with only its strengthening parts: what may be saved at once. */
export function withoutWeakening(before: Omit<Person, 'id'>, after: Omit<Person, 'id'>): Omit<Person, 'id'> {
  const weakening = weakeningOf(before, after);
  const added = after.accounts.filter((account) => !before.accounts.some((kept) => sameAccount(kept, account)));
  return {
    ...after,
    accounts: [...before.accounts, ...added],
    goalDays: weakening.goalDays ? before.goalDays : after.goalDays,
    noContactSince: weakening.noContactSince ? before.noContactSince : after.noContactSince,
  };
}
