import type { StreakSummary } from '@/lib/streak';

const MILESTONE_NAMES: Record<number, string> = {
  7: 'One week',
  14: 'Two weeks',
  21: 'Three weeks',
  30: 'Thirty days',
};

export function milestoneName(days: number): string {
  return MILESTONE_NAMES[days] ?? `${days} days`;
}

export function dayWord(days: number): string {
  return days === 1 ? 'day' : 'days';
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
    <section class="streak" aria-label="No-contact streak">
      {/* elementtiming: lets a benchmark read when the number was painted (Element Timing API). */}
      <p class="streak-number" data-testid="streak-days" elementtiming="streak">
        {current}
      </p>
      <p class="streak-caption">
        {dayWord(current)} of no contact with <span class="person-name">{name}</span>
      </p>
      <div
        class="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.goalDays}
        aria-valuenow={Math.min(current, progress.goalDays)}
        aria-label={`Day ${current} of ${progress.goalDays}`}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p class="small muted" data-testid="streak-progress">
        {progress.reached
          ? `Day ${current} · you reached your goal of ${progress.goalDays} days`
          : `Day ${current} of ${progress.goalDays} · ${progress.daysLeft} to go`}
      </p>
      {milestone !== null && (
        <p class="milestone" data-testid="milestone">
          {milestoneName(milestone)} reached
        </p>
      )}
    </section>
  );
}
