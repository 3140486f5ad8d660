/**
 * One or two plain sentences per chart, derived from its data, for screen readers and for
 * anyone who would rather read than look. Pure, so the wording is unit-tested.
 */
import { format, parseISO } from 'date-fns';
import type { Category, DayCount, WeekCount } from './series';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** "9", "1.4", "0.3": whole numbers from 3 up, one decimal below. */
function rate(perDay: number): string {
  if (perDay >= 3) return String(Math.round(perDay));
  const rounded = Math.round(perDay * 10) / 10;
  return String(rounded);
}

function shortDate(day: string): string {
  return format(parseISO(day), 'MMM d');
}

function average(counts: number[]): number {
  return counts.length === 0 ? 0 : counts.reduce((sum, n) => sum + n, 0) / counts.length;
}

/** A clear change: the two rates differ once rounded as they are shown. */
function trend(first: number, last: number, firstLabel: string, lastLabel: string, noun: string): string {
  const [from, to] = [rate(first), rate(last)];
  if (from === to) return `${noun} held at about ${from} a day from ${firstLabel} to ${lastLabel}.`;
  const verb = last < first ? 'fell' : 'rose';
  return `${noun} ${verb} from ${from} a day in ${firstLabel} to ${to} a day in ${lastLabel}.`;
}

/**
 * "Urges fell from 9 a day in week 1 to 2 a day in week 4." Weeks are 7-day blocks from the
 * window's first day; when the window is not whole weeks, the last 7 days are named as such.
 */
export function dailyUrgeSummary(days: DayCount[], slipDays: number): string {
  const counts = days.map((day) => day.count);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const window = `the last ${days.length} days`;
  const slips = slipDays === 0 ? '' : ` ${plural(slipDays, 'day')} with a slip ${slipDays === 1 ? 'is' : 'are'} marked.`;
  if (total === 0) return `No urges logged in ${window}.${slips}`;
  const busiest = days.reduce((best, day) => (day.count > best.count ? day : best));
  const totals = `${plural(total, 'urge')} in ${window}, the most on ${shortDate(busiest.day)} (${busiest.count}).`;
  if (days.length < 14) return `${totals}${slips}`;
  const lastLabel = days.length % 7 === 0 ? `week ${days.length / 7}` : 'the last 7 days';
  const first = trend(average(counts.slice(0, 7)), average(counts.slice(-7)), 'week 1', lastLabel, 'Urges');
  return `${first} ${totals}${slips}`;
}

function hourName(hour: number): string {
  const h = ((hour % 24) + 24) % 24;
  if (h === 0) return 'midnight';
  if (h === 12) return 'noon';
  return `${h % 12} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

/** The three-hour stretch (wrapping past midnight) with the most urges, and its share. */
export function hourSummary(hours: number[]): string {
  const total = hours.reduce((sum, n) => sum + n, 0);
  if (total === 0) return 'No urges logged yet, so there is no pattern by hour.';
  let bestStart = 0;
  let best = -1;
  for (let start = 0; start < 24; start += 1) {
    const inWindow = hours[start]! + hours[(start + 1) % 24]! + hours[(start + 2) % 24]!;
    if (inWindow > best) [best, bestStart] = [inWindow, start];
  }
  const share = Math.round((best / total) * 100);
  return (
    `The most urges came between ${hourName(bestStart)} and ${hourName(bestStart + 3)}: ` +
    `${best} of ${total} (${share}%).`
  );
}

/** "Instagram had the most: 12 of 30. Then X (Twitter), 8." */
export function categorySummary<K extends string>(categories: Category<K>[], what: string): string {
  const total = categories.reduce((sum, category) => sum + category.count, 0);
  if (total === 0) return `No urges logged yet, so nothing by ${what}.`;
  const [top, next] = categories;
  const lead = `${top!.label} had the most: ${top!.count} of ${total}.`;
  return next ? `${lead} Then ${next.label}, ${next.count}.` : lead;
}

export function keptSummary(days: DayCount[]): string {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const window = `the last ${days.length} days`;
  if (total === 0) return `Nothing of theirs needed hiding in ${window}.`;
  return (
    `${plural(total, 'post or message', 'posts and messages')} of theirs kept out of view in ${window}, ` +
    `about ${rate(total / days.length)} a day.`
  );
}

export function activitySummary(weeks: WeekCount[]): string {
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  if (total === 0) return 'No activities done yet. The popup suggests one whenever you need something else to do.';
  const thisWeek = weeks.at(-1)?.count ?? 0;
  const lastWeek = weeks.at(-2)?.count ?? 0;
  return `${plural(thisWeek, 'activity', 'activities')} this week and ${lastWeek} last week; ${total} in the last ${weeks.length} weeks.`;
}
