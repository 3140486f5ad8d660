import { i18n } from '#i18n';
import { parseISO } from 'date-fns';
import type { StreakHistory } from '@/lib/insights/streaks';
import { formatDate, formatNumber } from '@/lib/i18n/format';

const days = (count: number) => i18n.t('streak.days', count, [formatNumber(count)]);
const shortDate = (day: string) => formatDate(parseISO(day), i18n.t('options.progress.shortDate'));

/** Every streak with its start, its end and the note left at the slip; the longest; the total. */
export function StreakHistoryCard({ history, today }: { history: StreakHistory; today: string }) {
  return (
    <section class="card stack" aria-labelledby="streaks-heading" data-testid="streak-history">
      <h3 id="streaks-heading">{i18n.t('options.progress.streaksHeading')}</h3>
      <div class="row streak-figures">
        <p>
          <strong data-testid="longest-streak">{days(history.longest)}</strong>
          <span class="small muted"> {i18n.t('options.progress.longest')}</span>
        </p>
        <p>
          <strong data-testid="total-days">{days(history.totalDays)}</strong>
          <span class="small muted"> {i18n.t('options.progress.total')}</span>
        </p>
      </div>
      <ol class="streak-list" reversed>
        {[...history.periods].reverse().map((period) => (
          <li key={period.start + (period.end ?? 'now')} data-testid="streak-period">
            <span class="streak-days">{days(period.days)}</span>{' '}
            <span class="small muted">
              {period.end
                ? i18n.t('options.progress.period', [shortDate(period.start), shortDate(period.end)])
                : i18n.t('options.progress.periodOngoing', [shortDate(period.start), shortDate(today)])}
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
