/** The popup's quiet moments (a milestone today, the week's summary) and milestone notices. Pure. */
import { i18n } from '#i18n';
import { formatNumber } from '../i18n/format';
import { reachedMilestone } from '../streak';
import type { LocalDate } from '../model';

/** A milestone reached at most this many days ago is still announced (the browser may have been closed). */
export const ANNOUNCE_WITHIN_DAYS = 1;

/** What was announced for one person's current streak; a slip starts a new streak, so a new record. */
export interface Announced {
  streakStart: LocalDate;
  milestones: number[];
}

/** The milestone to notify about now, or null: the latest one reached, recently, not yet announced. */
export function milestoneToAnnounce(
  current: number,
  goalDays: number,
  streakStart: LocalDate,
  announced: Announced | undefined,
): number | null {
  const milestone = reachedMilestone(current, goalDays);
  if (milestone === null || current - milestone > ANNOUNCE_WITHIN_DAYS) return null;
  const already = announced?.streakStart === streakStart ? announced.milestones : [];
  return already.includes(milestone) ? null : milestone;
}

export function recordAnnounced(announced: Announced | undefined, streakStart: LocalDate, milestone: number): Announced {
  const kept = announced?.streakStart === streakStart ? announced.milestones : [];
  return { streakStart, milestones: [...new Set([...kept, milestone])].sort((a, b) => a - b) };
}

/** A milestone the popup celebrates: reached today exactly. Keyed so a dismissal is remembered. */
export function celebrationKey(personId: number, streakStart: LocalDate, milestone: number): string {
  return `${personId}@${streakStart}:${milestone}`;
}

export function milestoneToday(current: number, goalDays: number): number | null {
  const milestone = reachedMilestone(current, goalDays);
  return milestone === current ? milestone : null;
}

export interface WeeklyFigures {
  /** Urges in the week just ended, and in the week before it. */
  urges: number;
  previousUrges: number;
  activities: number;
}

export interface WeeklySummary extends WeeklyFigures {
  /** The Monday of the week summarised. */
  weekOf: LocalDate;
  encouragement: string;
}

/** One kind sentence that says something true about the week's numbers. */
export function encouragement({ urges, previousUrges, activities }: WeeklyFigures): string {
  if (urges === 0 && previousUrges === 0) {
    return activities > 0
      ? i18n.t('lib.insights.encouragement.quietWithActivities', activities, [formatNumber(activities)])
      : i18n.t('lib.insights.encouragement.quiet');
  }
  if (urges < previousUrges) {
    const fewer = previousUrges - urges;
    return i18n.t('lib.insights.encouragement.fewer', fewer, [formatNumber(fewer)]);
  }
  if (urges > previousUrges) {
    return i18n.t('lib.insights.encouragement.harder');
  }
  return activities > 0
    ? i18n.t('lib.insights.encouragement.steadyWithActivities')
    : i18n.t('lib.insights.encouragement.steady');
}
