import { format, parseISO } from 'date-fns';
import type { StreakHistory } from '@/lib/insights/streaks';

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

const shortDate = (day: string) => format(parseISO(day), 'MMM d, yyyy');

/** Every streak with its start, its end and the note left at the slip; the longest; the total. */
export function StreakHistoryCard({ history, today }: { history: StreakHistory; today: string }) {
  return (
    <section class="card stack" aria-labelledby="streaks-heading" data-testid="streak-history">
      <h3 id="streaks-heading">Your streaks</h3>
      <div class="row streak-figures">
        <p>
          <strong data-testid="longest-streak">{days(history.longest)}</strong>
          <span class="small muted"> longest streak</span>
        </p>
        <p>
          <strong data-testid="total-days">{days(history.totalDays)}</strong>
          <span class="small muted"> of no contact in all</span>
        </p>
      </div>
      <ol class="streak-list" reversed>
        {[...history.periods].reverse().map((period) => (
          <li key={period.start + (period.end ?? 'now')} data-testid="streak-period">
            <span class="streak-days">{days(period.days)}</span>{' '}
            <span class="small muted">
              {shortDate(period.start)} to {period.end ? shortDate(period.end) : `today (${shortDate(today)})`}
              {period.end === null && ', still going'}
            </span>
            {period.notes.map((note, i) => (
              <blockquote key={i} class="streak-note small">
                {note}
              </blockquote>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
