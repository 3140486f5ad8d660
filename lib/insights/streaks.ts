import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { LocalDate } from '../model';
import { localDateOf } from '../streak';

/** One of the user's own contacts that restarted the count, with the note left at the time. */
export interface Slip {
  at: number;
  note: string;
}

export interface StreakPeriod {
  start: LocalDate;
  /** The day of the slip that ended it; null for the streak still running. */
  end: LocalDate | null;
  days: number;
  /** Notes left at the slip(s) that ended it, in order; slips on one day end one period. */
  notes: string[];
}

export interface StreakHistory {
  /** Oldest first; the last one is the current streak. */
  periods: StreakPeriod[];
  longest: number;
  /** Calendar days from the start up to yesterday on which no slip happened. */
  totalDays: number;
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.max(0, differenceInCalendarDays(parseISO(to), parseISO(from)));
}

/**
 * Every streak of a no-contact period, read in the current local time zone (as lib/streak
 * does): a slip ends a period on its calendar day, and the next one starts that day.
 */
export function streakHistory(noContactSince: LocalDate, slips: Slip[], now: Date): StreakHistory {
  const today = localDateOf(now);
  const capped = (date: LocalDate) => (date < today ? date : today);
  const notesByDay = new Map<LocalDate, string[]>();
  for (const slip of [...slips].filter((s) => Number.isFinite(s.at)).sort((a, b) => a.at - b.at)) {
    const day = localDateOf(slip.at);
    if (day < noContactSince) continue;
    const notes = notesByDay.get(day) ?? [];
    if (slip.note.trim() !== '') notes.push(slip.note.trim());
    notesByDay.set(day, notes);
  }
  const periods: StreakPeriod[] = [];
  let start = noContactSince;
  for (const [day, notes] of [...notesByDay].sort(([a], [b]) => a.localeCompare(b))) {
    periods.push({ start, end: day, days: daysBetween(capped(start), capped(day)), notes });
    start = day;
  }
  periods.push({ start, end: null, days: daysBetween(capped(start), today), notes: [] });
  const slipDaysBeforeToday = [...notesByDay.keys()].filter((day) => day < today).length;
  return {
    periods,
    longest: Math.max(...periods.map((period) => period.days)),
    totalDays: Math.max(0, daysBetween(capped(noContactSince), today) - slipDaysBeforeToday),
  };
}
