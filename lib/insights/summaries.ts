/**
 * One or two plain sentences per chart, derived from its data, for screen readers and for
 * anyone who would rather read than look. Pure, so the wording is unit-tested.
 */
import { i18n } from '#i18n';
import { parseISO } from 'date-fns';
import { formatDate, formatNumber } from '../i18n/format';
import type { Category, DayCount, WeekCount } from './series';

/** "9", "1.4", "0.3": whole numbers from 3 up, one decimal below. */
function rate(perDay: number): string {
  if (perDay >= 3) return formatNumber(Math.round(perDay));
  return formatNumber(Math.round(perDay * 10) / 10);
}

function shortDate(day: string): string {
  return formatDate(parseISO(day), i18n.t('lib.insights.summary.shortDate'));
}

function lastDays(days: number): string {
  return i18n.t('lib.insights.summary.lastDays', [formatNumber(days)]);
}

function average(counts: number[]): number {
  return counts.length === 0 ? 0 : counts.reduce((sum, n) => sum + n, 0) / counts.length;
}

/** A clear change in urges: the two rates differ once rounded as they are shown. */
function trend(first: number, last: number, firstLabel: string, lastLabel: string): string {
  const [from, to] = [rate(first), rate(last)];
  if (from === to) return i18n.t('lib.insights.summary.urgesHeld', [from, firstLabel, lastLabel]);
  return last < first
    ? i18n.t('lib.insights.summary.urgesFell', [from, firstLabel, to, lastLabel])
    : i18n.t('lib.insights.summary.urgesRose', [from, firstLabel, to, lastLabel]);
}

/**
 * "Urges fell from 9 a day in week 1 to 2 a day in week 4." Weeks are 7-day blocks from the
 * window's first day; when the window is not whole weeks, the last 7 days are named as such.
 */
export function dailyUrgeSummary(days: DayCount[], slipDays: number): string {
  const counts = days.map((day) => day.count);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const window = lastDays(days.length);
  const slips = slipDays === 0 ? '' : ` ${i18n.t('lib.insights.summary.slipDays', slipDays, [formatNumber(slipDays)])}`;
  if (total === 0) return `${i18n.t('lib.insights.summary.noUrgesIn', [window])}${slips}`;
  const busiest = days.reduce((best, day) => (day.count > best.count ? day : best));
  const totals = i18n.t('lib.insights.summary.urgeTotals', total, [
    formatNumber(total),
    window,
    shortDate(busiest.day),
    formatNumber(busiest.count),
  ]);
  if (days.length < 14) return `${totals}${slips}`;
  const lastLabel =
    days.length % 7 === 0
      ? i18n.t('lib.insights.summary.week', [formatNumber(days.length / 7)])
      : lastDays(7);
  const first = trend(
    average(counts.slice(0, 7)),
    average(counts.slice(-7)),
    i18n.t('lib.insights.summary.week', [formatNumber(1)]),
    lastLabel,
  );
  return `${first} ${totals}${slips}`;
}

function hourName(hour: number): string {
  const h = ((hour % 24) + 24) % 24;
  if (h === 0) return i18n.t('lib.insights.hour.midnight');
  if (h === 12) return i18n.t('lib.insights.hour.noon');
  return h < 12 ? i18n.t('lib.insights.hour.morning', [String(h)]) : i18n.t('lib.insights.hour.afternoon', [String(h % 12)]);
}

/** The three-hour stretch (wrapping past midnight) with the most urges, and its share. */
export function hourSummary(hours: number[]): string {
  const total = hours.reduce((sum, n) => sum + n, 0);
  if (total === 0) return i18n.t('lib.insights.summary.noHourPattern');
  let bestStart = 0;
  let best = -1;
  for (let start = 0; start < 24; start += 1) {
    const inWindow = hours[start]! + hours[(start + 1) % 24]! + hours[(start + 2) % 24]!;
    if (inWindow > best) [best, bestStart] = [inWindow, start];
  }
  const share = Math.round((best / total) * 100);
  return i18n.t('lib.insights.summary.busiestHours', [
    hourName(bestStart),
    hourName(bestStart + 3),
    formatNumber(best),
    formatNumber(total),
    formatNumber(share),
  ]);
}

/** "Instagram had the most: 12 of 30. Then X (Twitter), 8." */
export function categorySummary<K extends string>(categories: Category<K>[], what: 'site' | 'kind'): string {
  const total = categories.reduce((sum, category) => sum + category.count, 0);
  if (total === 0) {
    return what === 'site' ? i18n.t('lib.insights.summary.noneBySite') : i18n.t('lib.insights.summary.noneByKind');
  }
  const [top, next] = categories;
  const lead = i18n.t('lib.insights.summary.most', [top!.label, formatNumber(top!.count), formatNumber(total)]);
  return next ? `${lead} ${i18n.t('lib.insights.summary.then', [next.label, formatNumber(next.count)])}` : lead;
}

export function keptSummary(days: DayCount[]): string {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const window = lastDays(days.length);
  if (total === 0) return i18n.t('lib.insights.summary.nothingKept', [window]);
  return i18n.t('lib.insights.summary.kept', total, [formatNumber(total), window, rate(total / days.length)]);
}

export function activitySummary(weeks: WeekCount[]): string {
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  if (total === 0) return i18n.t('lib.insights.summary.noActivities');
  const thisWeek = weeks.at(-1)?.count ?? 0;
  const lastWeek = weeks.at(-2)?.count ?? 0;
  return i18n.t('lib.insights.summary.activities', thisWeek, [
    formatNumber(thisWeek),
    formatNumber(lastWeek),
    formatNumber(total),
    formatNumber(weeks.length),
  ]);
}
