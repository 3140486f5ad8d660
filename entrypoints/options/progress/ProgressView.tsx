import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseISO } from 'date-fns';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { getDb } from '@/lib/db';
import { loadProgress, PROGRESS_WEEKS, type ProgressData } from '@/lib/db/insights';
import type { Person } from '@/lib/model';
import { localDateOf } from '@/lib/streak';
import { streakHistory } from '@/lib/insights/streaks';
import { keptPerDay, lastDays, perWeek, urgesBySite, urgesBySurface, urgesPerDay, urgesPerHour } from '@/lib/insights/series';
import { activitySummary, categorySummary, dailyUrgeSummary, hourSummary, keptSummary } from '@/lib/insights/summaries';
import { BarChart, ChartFigure, RowChart, type Bar } from './charts';
import { StreakHistoryCard } from './StreakHistoryCard';

type Person$ = Person & { id: number };

const SPANS = [30, 90] as const;
type Span = (typeof SPANS)[number];

const urges = (count: number) => i18n.t('options.progress.urges', count, [formatNumber(count)]);
const kept = (count: number) => i18n.t('options.progress.kept', count, [formatNumber(count)]);
const activities = (count: number) => i18n.t('options.progress.activities', count, [formatNumber(count)]);
const dayTick = (day: string) => formatDate(parseISO(day), i18n.t('options.progress.tickDate'));

/** Progress: the charts, each with its summary, and the streak history. Loaded only when opened. */
export default function ProgressView({ people }: { people: Person$[] }) {
  const [personId, setPersonId] = useState(people[0]?.id);
  const [span, setSpan] = useState<Span>(30);
  // Only the days shown are read, again when the span changes: half the rows for the usual 30 days.
  const [data, setData] = useState<ProgressData & { span: Span }>();
  const [now] = useState(() => new Date());
  const person = people.find((candidate) => candidate.id === personId) ?? people[0];

  useEffect(() => {
    if (!person) return;
    performance.mark('progress-start');
    void loadProgress(getDb(), person.id, now, span).then((loaded) => {
      performance.mark('progress-data');
      setData({ ...loaded, span });
    });
  }, [person?.id, span]);

  useEffect(() => {
    // Read by the benchmark: the view is on screen with its data.
    if (data) requestAnimationFrame(() => performance.mark('progress-rendered'));
  }, [data]);

  const view = useMemo(() => {
    if (!data || !person) return undefined;
    const days = lastDays(now, data.span);
    const inWindow = data.urges;
    const history = streakHistory(person.noContactSince, data.slips, now);
    const slipDays = new Set(history.periods.flatMap((period) => (period.end ? [period.end] : [])));
    const streakStart = history.periods.at(-1)!.start;
    const tickEvery = data.span === 30 ? 7 : 14;
    const dayBars = (counts: { day: string; count: number }[], counted: (count: number) => string, marks: boolean): Bar[] =>
      counts.map(({ day, count }, i) => ({
        key: day,
        value: count,
        title: i18n.t(marks && slipDays.has(day) ? 'options.progress.dayTitleSlip' : 'options.progress.dayTitle', [
          formatDate(parseISO(day), i18n.t('options.progress.titleDate')),
          counted(count),
        ]),
        tick: (counts.length - 1 - i) % tickEvery === 0 ? dayTick(day) : undefined,
        slip: marks && slipDays.has(day),
        streak: marks && day >= streakStart,
      }));
    const perDay = urgesPerDay(inWindow, days);
    const keptDays = keptPerDay(data.kept, days);
    const hours = urgesPerHour(inWindow);
    const [bySite, bySurface] = [urgesBySite(inWindow), urgesBySurface(inWindow)];
    const weeks = perWeek(data.activities.map((done) => done.at), now, PROGRESS_WEEKS);
    return {
      span: data.span,
      history,
      daily: { bars: dayBars(perDay, urges, true), summary: dailyUrgeSummary(perDay, days.filter((day) => slipDays.has(day)).length) },
      kept: { bars: dayBars(keptDays, kept, false), summary: keptSummary(keptDays) },
      hours: {
        bars: hours.map((count, hour) => ({
          key: String(hour),
          value: count,
          title: i18n.t('options.progress.hourTitle', [String(hour), urges(count)]),
          tick: hour % 3 === 0 ? formatDate(new Date(2000, 0, 1, hour), i18n.t('options.progress.hourTick')).toLowerCase() : undefined,
        })),
        summary: hourSummary(hours),
      },
      bySite: { rows: bySite.map((c) => ({ key: c.key, label: c.label, value: c.count })), summary: categorySummary(bySite, 'site') },
      bySurface: { rows: bySurface.map((c) => ({ key: c.key, label: c.label, value: c.count })), summary: categorySummary(bySurface, 'kind') },
      activities: {
        bars: weeks.map(({ weekOf, count }, i) => ({
          key: weekOf,
          value: count,
          title: i18n.t('options.progress.weekTitle', [dayTick(weekOf), activities(count)]),
          tick: i % 2 === (weeks.length - 1) % 2 ? dayTick(weekOf) : undefined,
        })),
        summary: activitySummary(weeks),
      },
    };
  }, [data, person?.id]);

  if (!person) {
    return <p class="muted">{i18n.t('options.progress.empty')}</p>;
  }
  if (!view) return <div aria-busy="true" class="progress-loading" />;

  return (
    <div class="stack progress-view" data-testid="progress-view">
      <div class="row progress-controls">
        {people.length > 1 && (
          <label>
            {i18n.t('options.progress.whose')}
            <select value={person.id} onChange={(event) => setPersonId(Number(event.currentTarget.value))}>
              {people.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="row push-right" role="group" aria-label={i18n.t('options.progress.span')}>
          {SPANS.map((days) => (
            <button
              key={days}
              type="button"
              class={days === span ? 'primary' : ''}
              aria-pressed={days === span}
              onClick={() => setSpan(days)}
              data-testid={`window-${days}`}
            >
              {i18n.t('options.progress.spanDays', [formatNumber(days)])}
            </button>
          ))}
        </div>
      </div>

      <StreakHistoryCard history={view.history} today={localDateOf(now)} />

      <ChartFigure
        id="daily"
        title={i18n.t('options.progress.dailyTitle', [formatNumber(view.span)])}
        summary={view.daily.summary}
        legend={
          <>
            <span class="legend-swatch legend-streak" aria-hidden="true" /> {i18n.t('options.progress.legendStreak')}{' '}
            {view.daily.bars.some((bar) => bar.slip) && (
              <>
                <span class="legend-swatch legend-slip" aria-hidden="true" /> {i18n.t('options.progress.legendSlip')}
              </>
            )}
          </>
        }
      >
        <BarChart id="daily" bars={view.daily.bars} />
      </ChartFigure>
      <ChartFigure id="hours" title={i18n.t('options.progress.hoursTitle')} summary={view.hours.summary}>
        <BarChart id="hours" bars={view.hours.bars} />
      </ChartFigure>
      <div class="chart-pair">
        <ChartFigure id="sites" title={i18n.t('options.progress.sitesTitle')} summary={view.bySite.summary}>
          <RowChart rows={view.bySite.rows} />
        </ChartFigure>
        <ChartFigure id="surfaces" title={i18n.t('options.progress.surfacesTitle')} summary={view.bySurface.summary}>
          <RowChart rows={view.bySurface.rows} />
        </ChartFigure>
      </div>
      <ChartFigure id="kept" title={i18n.t('options.progress.keptTitle', [formatNumber(view.span)])} summary={view.kept.summary}>
        <BarChart id="kept" bars={view.kept.bars} />
      </ChartFigure>
      <ChartFigure id="activities" title={i18n.t('options.progress.activitiesTitle', [formatNumber(PROGRESS_WEEKS)])} summary={view.activities.summary}>
        <BarChart id="activities" bars={view.activities.bars} />
      </ChartFigure>
    </div>
  );
}
