import { formatNumber } from '@/lib/i18n/format';
import { i18n } from '#i18n';
import type { StreakSummary } from '@/lib/streak';

export function milestoneName(days: number): string {
  switch (days) {
    case 7:
      return i18n.t('streak.milestone.oneWeek');
    case 14:
      return i18n.t('streak.milestone.twoWeeks');
    case 21:
      return i18n.t('streak.milestone.threeWeeks');
    case 30:
      return i18n.t('streak.milestone.thirtyDays');
    default:
      return i18n.t('streak.milestone.days', [formatNumber(days)]);
  }
}

export function dayWord(days: number): string {
  return i18n.t('streak.dayWord', days);
}

/** "1 day", "12 days": a count of days in the reader's language. */
export function dayCount(days: number): string {
  return i18n.t('streak.days', days, [formatNumber(days)]);
}

interface Props {
  name: string;
  streak: StreakSummary;
}

/** The streak in days, large, with progress to the goal and the last milestone reached. */
export function StreakHero({ name, streak }: Props) {
  const { current, progress, milestone } = streak;
  const percent = Math.round(progress.fraction * 100);
  return (
    <section class="streak" aria-label={i18n.t('streak.label')}>
      {/* elementtiming: lets a benchmark read when the number was painted (Element Timing API). */}
      <p class="streak-number" data-testid="streak-days" elementtiming="streak">
        {current}
      </p>
      <p class="streak-caption">
        {i18n.t('streak.caption', current)} <span class="person-name">{name}</span>
      </p>
      <div
        class="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.goalDays}
        aria-valuenow={Math.min(current, progress.goalDays)}
        aria-label={i18n.t('streak.progressLabel', [current, progress.goalDays])}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p class="small muted" data-testid="streak-progress">
        {progress.reached
          ? i18n.t('streak.goalReached', [current, progress.goalDays])
          : i18n.t('streak.toGo', [current, progress.goalDays, progress.daysLeft])}
      </p>
      {milestone !== null && (
        <p class="milestone" data-testid="milestone">
          {i18n.t('streak.milestoneReached', [milestoneName(milestone)])}
        </p>
      )}
    </section>
  );
}
