import { addDays, differenceInCalendarDays, format, isExists, parseISO, startOfDay } from 'date-fns';
import type { LocalDate } from '../model';

/**
 * Streak arithmetic. Everything is read in the runtime's current local time zone:
 * `noContactSince` is a wall-calendar date, slips are instants whose calendar date
 * is taken in whatever zone the user is in when the count is read.
 */

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

export function localDateOf(t: number | Date): LocalDate {
  return format(t, 'yyyy-MM-dd');
}

export function isValidLocalDate(s: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(s);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= MIN_YEAR && year <= MAX_YEAR && isExists(year, month - 1, day);
}

/** Whole calendar days from `from` to `to`; negative when `to` is earlier. */
function daysBetween(from: LocalDate, to: LocalDate): number {
  // parseISO reads a bare date as local midnight (or the day's first instant if midnight is skipped).
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Clamped at zero; NaN (an unreadable date) also counts as zero rather than reaching the badge. */
function nonNegative(days: number): number {
  return days > 0 ? days : 0;
}

export interface StreakInput {
  noContactSince: LocalDate;
  /** Epoch ms of the user's own 'i-reached-out' contacts, in any order. */
  slips: number[];
  now: Date;
}

/** Local dates of the slips in this period (on or after `noContactSince`), ascending. */
function slipDatesInPeriod({ noContactSince, slips }: StreakInput): LocalDate[] {
  return slips
    .filter((at) => Number.isFinite(at))
    .map((at) => localDateOf(at))
    .filter((date) => date >= noContactSince)
    .sort();
}

export function streakStart(input: StreakInput): LocalDate {
  return slipDatesInPeriod(input).at(-1) ?? input.noContactSince;
}

export function currentStreak(input: StreakInput): number {
  return nonNegative(daysBetween(streakStart(input), localDateOf(input.now)));
}

/**
 * The longest run of the period. Segment ends are capped at today so a slip stamped
 * in the future (clock set wrong) cannot credit days that have not happened yet.
 */
export function longestStreak(input: StreakInput): number {
  const today = localDateOf(input.now);
  const capped = (date: LocalDate): LocalDate => (date < today ? date : today);
  const bounds = [input.noContactSince, ...slipDatesInPeriod(input), today].map(capped);
  let longest = 0;
  for (let i = 1; i < bounds.length; i++) {
    longest = Math.max(longest, nonNegative(daysBetween(bounds[i - 1]!, bounds[i]!)));
  }
  return longest;
}

export interface Progress {
  days: number;
  goalDays: number;
  /** 0..1, clamped. */
  fraction: number;
  /** Never negative. */
  daysLeft: number;
  reached: boolean;
}

export function progress(days: number, goalDays: number): Progress {
  const reached = days >= goalDays;
  const fraction = goalDays > 0 ? Math.min(1, Math.max(0, days / goalDays)) : Number(reached);
  return { days, goalDays, fraction, daysLeft: Math.max(0, goalDays - days), reached };
}

export const MILESTONES: readonly number[] = [7, 14, 21, 30];

/** The fixed milestones plus the goal itself; milestones past the goal stay, to keep going after it. */
export function milestonesFor(goalDays: number): number[] {
  const goal = Number.isInteger(goalDays) && goalDays > 0 ? [goalDays] : [];
  return [...new Set([...MILESTONES, ...goal])].sort((a, b) => a - b);
}

export function reachedMilestone(days: number, goalDays: number): number | null {
  return milestonesFor(goalDays).findLast((m) => m <= days) ?? null;
}

export function nextMilestone(days: number, goalDays: number): number | null {
  return milestonesFor(goalDays).find((m) => m > days) ?? null;
}

/**
 * The first instant of the next local calendar day. Calendar arithmetic, not `+ 24h`,
 * so 23- and 25-hour days and zones that skip midnight come out right.
 */
export function nextLocalMidnight(now: Date): Date {
  return startOfDay(addDays(now, 1));
}

export interface StreakSummary {
  current: number;
  longest: number;
  start: LocalDate;
  progress: Progress;
  milestone: number | null;
  nextMilestone: number | null;
}

export function summarize(input: StreakInput & { goalDays: number }): StreakSummary {
  const current = currentStreak(input);
  return {
    current,
    longest: longestStreak(input),
    start: streakStart(input),
    progress: progress(current, input.goalDays),
    milestone: reachedMilestone(current, input.goalDays),
    nextMilestone: nextMilestone(current, input.goalDays),
  };
}
