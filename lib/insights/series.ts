import { i18n } from '#i18n';
import { addDays, addWeeks, startOfDay, startOfWeek } from 'date-fns';
import { ELSEWHERE, SURFACES, URGE_SITES, type LocalDate, type Surface, type Urge, type UrgeSite } from '../model';
import { SITE_NAMES } from '../sites/names';
import { localDateOf } from '../streak';

/** Monday, as the popup's weekly counts (lib/db urgeCounts) start the week. */
export const WEEK_STARTS_ON = 1;

export interface DayCount {
  day: LocalDate;
  count: number;
}

/** The last `count` local calendar days, oldest first, today last. */
export function lastDays(now: Date, count: number): LocalDate[] {
  const today = startOfDay(now);
  return Array.from({ length: count }, (_, i) => localDateOf(addDays(today, i - count + 1)));
}

/** The first instant of the oldest of the last `count` days. */
export function startOfLastDays(now: Date, count: number): number {
  return addDays(startOfDay(now), 1 - count).getTime();
}

/**
 * `YYYY-MM-DD` of an instant in local time, as lib/streak's localDateOf gives it, without
 * date-fns' general formatter: this runs once per urge, thousands of times per chart.
 */
export function localDay(at: number): LocalDate {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function tally<K>(keys: K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Urges per local day over `days`, zero for days without any. */
export function urgesPerDay(urges: Pick<Urge, 'at'>[], days: LocalDate[]): DayCount[] {
  const counts = tally(urges.map((urge) => localDay(urge.at)));
  return days.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/** Urges by local hour of day, 0 (midnight) to 23. */
export function urgesPerHour(urges: Pick<Urge, 'at'>[]): number[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const urge of urges) hours[new Date(urge.at).getHours()]! += 1;
  return hours;
}

export interface Category<K extends string> {
  key: K;
  label: string;
  count: number;
}

export const SURFACE_LABELS: Record<Surface, string> = {
  profile: i18n.t('lib.insights.surface.profile'),
  story: i18n.t('lib.insights.surface.story'),
  message: i18n.t('lib.insights.surface.message'),
  search: i18n.t('lib.insights.surface.search'),
  post: i18n.t('lib.insights.surface.post'),
  settings: i18n.t('lib.insights.surface.settings'),
  manual: i18n.t('lib.insights.surface.manual'),
};

export function siteLabel(site: UrgeSite): string {
  return site === ELSEWHERE ? i18n.t('lib.insights.notOnASite') : SITE_NAMES[site];
}

/** Counts per category, most first (ties in the vocabulary's order); empty categories left out. */
function byCategory<K extends string>(keys: K[], order: readonly K[], label: (key: K) => string): Category<K>[] {
  const counts = tally(keys);
  return order
    .filter((key) => counts.has(key))
    .map((key) => ({ key, label: label(key), count: counts.get(key)! }))
    .sort((a, b) => b.count - a.count);
}

export function urgesBySite(urges: Pick<Urge, 'site'>[]): Category<UrgeSite>[] {
  return byCategory(
    urges.map((urge) => urge.site),
    URGE_SITES,
    siteLabel,
  );
}

export function urgesBySurface(urges: Pick<Urge, 'surface'>[]): Category<Surface>[] {
  return byCategory(
    urges.map((urge) => urge.surface),
    SURFACES,
    (surface) => SURFACE_LABELS[surface],
  );
}

/** Sums per-day, per-site rows into one count per day over `days`. */
export function keptPerDay(rows: { day: LocalDate; count: number }[], days: LocalDate[]): DayCount[] {
  const sums = new Map<LocalDate, number>();
  for (const row of rows) sums.set(row.day, (sums.get(row.day) ?? 0) + row.count);
  return days.map((day) => ({ day, count: sums.get(day) ?? 0 }));
}

export interface WeekCount {
  /** The Monday the week starts on. */
  weekOf: LocalDate;
  count: number;
}

/** The first instant of the oldest of the last `count` weeks (this week included). */
export function startOfLastWeeks(now: Date, count: number): number {
  return addWeeks(startOfWeek(now, { weekStartsOn: WEEK_STARTS_ON }), 1 - count).getTime();
}

/** Events per week over the last `count` weeks, oldest first, this week last. */
export function perWeek(times: number[], now: Date, count: number): WeekCount[] {
  const thisWeek = startOfWeek(now, { weekStartsOn: WEEK_STARTS_ON });
  const weeks = Array.from({ length: count }, (_, i) => localDateOf(addWeeks(thisWeek, i - count + 1)));
  const counts = tally(times.map((at) => localDateOf(startOfWeek(at, { weekStartsOn: WEEK_STARTS_ON }))));
  return weeks.map((weekOf) => ({ weekOf, count: counts.get(weekOf) ?? 0 }));
}

