import { afterEach, describe, expect, it } from 'vitest';
import {
  currentStreak,
  isValidLocalDate,
  localDateOf,
  longestStreak,
  milestonesFor,
  nextLocalMidnight,
  nextMilestone,
  progress,
  reachedMilestone,
  streakStart,
  summarize,
} from '../../lib/streak';

// Instants are written as ISO strings with an explicit offset, so each row says
// exactly which moment it means whatever zone the test runs in.

const ORIGINAL_TZ = process.env.TZ;

afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

function inZone(zone: string): void {
  process.env.TZ = zone;
}

const at = (iso: string): Date => new Date(iso);
const ms = (iso: string): number => Date.parse(iso);

/** Independent of date-fns: the wall-calendar date of an instant in a named zone, via ICU. */
function oracleLocalDate(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Independent of date-fns and of any zone: pure calendar arithmetic on two YYYY-MM-DD dates. */
function oracleDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

describe('the runtime honours process.env.TZ', () => {
  // Guards every zone-dependent table below against passing vacuously in UTC.
  it.each([
    ['UTC', '2026-01-15T12:00:00Z', 0],
    ['America/New_York', '2026-01-15T12:00:00Z', 300],
    ['America/New_York', '2026-07-15T12:00:00Z', 240],
    ['Asia/Kolkata', '2026-01-15T12:00:00Z', -330],
    ['Australia/Lord_Howe', '2026-01-15T12:00:00Z', -660],
    ['Australia/Lord_Howe', '2026-07-15T12:00:00Z', -630],
  ])('%s at %s has offset %i min', (zone, iso, offset) => {
    inZone(zone);
    expect(at(iso).getTimezoneOffset()).toBe(offset);
  });
});

describe('isValidLocalDate', () => {
  it.each([
    ['2026-11-01', true],
    ['1970-01-01', true],
    ['2200-12-31', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['1969-12-31', false],
    ['2201-01-01', false],
    ['2026-1-05', false],
    ['2026-01-5', false],
    ['26-01-05', false],
    ['2026/01/05', false],
    ['20260105', false],
    [' 2026-01-05', false],
    ['2026-01-05 ', false],
    ['2026-01-05T00:00', false],
    ['2026-01-05\n', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isValidLocalDate(input)).toBe(expected);
  });
});

describe('localDateOf', () => {
  it.each([
    ['America/New_York', '2026-11-11T04:30:00Z', '2026-11-10'],
    ['Asia/Tokyo', '2026-11-11T04:30:00Z', '2026-11-11'],
    ['Asia/Kolkata', '2026-03-07T18:29:59Z', '2026-03-07'],
    ['Asia/Kolkata', '2026-03-07T18:30:00Z', '2026-03-08'],
    ['Australia/Lord_Howe', '2026-04-04T13:29:59Z', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-04-04T12:59:59Z', '2026-04-04'],
    ['Pacific/Kiritimati', '2026-12-31T10:00:00Z', '2027-01-01'],
    ['Pacific/Pago_Pago', '2027-01-01T10:00:00Z', '2026-12-31'],
    ['UTC', '2028-02-29T23:59:59.999Z', '2028-02-29'],
  ])('in %s, %s is %s', (zone, iso, expected) => {
    inZone(zone);
    expect(localDateOf(at(iso))).toBe(expected);
    expect(localDateOf(ms(iso))).toBe(expected);
    expect(localDateOf(at(iso))).toBe(oracleLocalDate(at(iso), zone));
  });
});

interface CountRow {
  name: string;
  since: string;
  slips: string[];
  now: string;
  start: string;
  current: number;
}

describe('streakStart and currentStreak (America/New_York)', () => {
  const rows: CountRow[] = [
    { name: 'started today', since: '2026-11-23', slips: [], now: '2026-11-23T12:00:00-05:00', start: '2026-11-23', current: 0 },
    { name: 'started today, read just before midnight', since: '2026-11-23', slips: [], now: '2026-11-23T23:59:59-05:00', start: '2026-11-23', current: 0 },
    { name: 'started yesterday, read just after midnight', since: '2026-11-22', slips: [], now: '2026-11-23T00:00:01-05:00', start: '2026-11-22', current: 1 },
    { name: 'ordinary count', since: '2026-11-01', slips: [], now: '2026-11-23T09:15:00-05:00', start: '2026-11-01', current: 22 },
    { name: 'across a month end', since: '2026-10-20', slips: [], now: '2026-11-05T08:00:00-05:00', start: '2026-10-20', current: 16 },
    { name: 'slip on the start day', since: '2026-11-01', slips: ['2026-11-01T22:00:00-05:00'], now: '2026-11-23T12:00:00-05:00', start: '2026-11-01', current: 22 },
    { name: 'slip before the start is ignored', since: '2026-11-01', slips: ['2026-10-25T12:00:00-04:00'], now: '2026-11-23T12:00:00-05:00', start: '2026-11-01', current: 22 },
    { name: 'slip late the evening before the start is ignored', since: '2026-11-01', slips: ['2026-10-31T23:59:00-04:00'], now: '2026-11-23T12:00:00-05:00', start: '2026-11-01', current: 22 },
    { name: 'one slip restarts the count', since: '2026-11-01', slips: ['2026-11-10T20:00:00-05:00'], now: '2026-11-23T12:00:00-05:00', start: '2026-11-10', current: 13 },
    {
      name: 'multiple slips, unordered: the latest counts',
      since: '2026-11-01',
      slips: ['2026-11-15T08:00:00-05:00', '2026-11-03T08:00:00-05:00', '2026-11-09T08:00:00-05:00'],
      now: '2026-11-23T12:00:00-05:00',
      start: '2026-11-15',
      current: 8,
    },
    {
      name: 'two slips on the same day',
      since: '2026-11-01',
      slips: ['2026-11-12T00:05:00-05:00', '2026-11-12T23:55:00-05:00'],
      now: '2026-11-23T12:00:00-05:00',
      start: '2026-11-12',
      current: 11,
    },
    { name: 'slip earlier today', since: '2026-11-01', slips: ['2026-11-23T00:10:00-05:00'], now: '2026-11-23T23:50:00-05:00', start: '2026-11-23', current: 0 },
    { name: 'slip yesterday at 23:59, read at 00:01', since: '2026-11-01', slips: ['2026-11-22T23:59:00-05:00'], now: '2026-11-23T00:01:00-05:00', start: '2026-11-22', current: 1 },
    { name: 'year boundary, one day', since: '2026-12-31', slips: [], now: '2027-01-01T00:30:00-05:00', start: '2026-12-31', current: 1 },
    { name: 'year boundary, longer', since: '2026-12-20', slips: [], now: '2027-01-05T18:00:00-05:00', start: '2026-12-20', current: 16 },
    { name: 'slip on New Year’s Eve', since: '2026-12-01', slips: ['2026-12-31T23:30:00-05:00'], now: '2027-01-02T10:00:00-05:00', start: '2026-12-31', current: 2 },
    { name: 'leap day inside the count', since: '2028-02-28', slips: [], now: '2028-03-01T12:00:00-05:00', start: '2028-02-28', current: 2 },
    { name: 'starting on the leap day', since: '2028-02-29', slips: [], now: '2028-03-01T12:00:00-05:00', start: '2028-02-29', current: 1 },
    { name: 'leap day to the next 28 February', since: '2028-02-29', slips: [], now: '2029-02-28T12:00:00-05:00', start: '2028-02-29', current: 365 },
    { name: 'a whole leap year', since: '2028-01-01', slips: [], now: '2029-01-01T12:00:00-05:00', start: '2028-01-01', current: 366 },
    { name: 'a whole common year', since: '2027-01-01', slips: [], now: '2028-01-01T12:00:00-05:00', start: '2027-01-01', current: 365 },
    { name: 'no leap day in 2027', since: '2027-02-28', slips: [], now: '2027-03-01T12:00:00-05:00', start: '2027-02-28', current: 1 },
    { name: 'slip late on the leap day', since: '2028-02-01', slips: ['2028-02-29T23:59:00-05:00'], now: '2028-03-01T00:01:00-05:00', start: '2028-02-29', current: 1 },
  ];

  it.each(rows)('$name → start $start, $current days', ({ since, slips, now, start, current }) => {
    inZone('America/New_York');
    const input = { noContactSince: since, slips: slips.map(ms), now: at(now) };
    expect(streakStart(input)).toBe(start);
    expect(currentStreak(input)).toBe(current);
    expect(currentStreak(input)).toBe(oracleDays(start, oracleLocalDate(at(now), 'America/New_York')));
  });

  it('ignores slips that are not finite numbers', () => {
    inZone('America/New_York');
    const input = { noContactSince: '2026-11-01', slips: [Number.NaN, Number.POSITIVE_INFINITY], now: at('2026-11-23T12:00:00-05:00') };
    expect(streakStart(input)).toBe('2026-11-01');
    expect(currentStreak(input)).toBe(22);
  });
});

interface LongestRow {
  name: string;
  since: string;
  slips: string[];
  now: string;
  longest: number;
  current: number;
}

describe('longestStreak (Europe/Berlin)', () => {
  const rows: LongestRow[] = [
    { name: 'no slips: the current run', since: '2026-10-01', slips: [], now: '2026-11-05T12:00:00+01:00', longest: 35, current: 35 },
    {
      name: 'middle segment is longest',
      since: '2026-10-01',
      slips: ['2026-10-11T09:00:00+02:00', '2026-10-31T21:00:00+01:00'],
      now: '2026-11-05T12:00:00+01:00',
      longest: 20,
      current: 5,
    },
    {
      name: 'same, slips given out of order',
      since: '2026-10-01',
      slips: ['2026-10-31T21:00:00+01:00', '2026-10-11T09:00:00+02:00'],
      now: '2026-11-05T12:00:00+01:00',
      longest: 20,
      current: 5,
    },
    {
      name: 'first segment is longest',
      since: '2026-09-01',
      slips: ['2026-10-15T10:00:00+02:00', '2026-10-20T10:00:00+02:00', '2026-10-22T10:00:00+02:00'],
      now: '2026-10-25T10:00:00+01:00',
      longest: 44,
      current: 3,
    },
    {
      name: 'last segment is longest',
      since: '2026-10-01',
      slips: ['2026-10-03T10:00:00+02:00', '2026-10-04T10:00:00+02:00'],
      now: '2026-11-23T10:00:00+01:00',
      longest: 50,
      current: 50,
    },
    {
      name: 'slips before the start are ignored',
      since: '2026-10-01',
      slips: ['2026-08-01T10:00:00+02:00', '2026-09-30T23:59:00+02:00', '2026-10-11T10:00:00+02:00'],
      now: '2026-10-20T10:00:00+02:00',
      longest: 10,
      current: 9,
    },
    {
      name: 'several slips on one day',
      since: '2026-10-01',
      slips: ['2026-10-11T00:01:00+02:00', '2026-10-11T12:00:00+02:00', '2026-10-11T23:59:00+02:00'],
      now: '2026-10-15T10:00:00+02:00',
      longest: 10,
      current: 4,
    },
    {
      name: 'slips on consecutive days',
      since: '2026-10-10',
      slips: ['2026-10-11T10:00:00+02:00', '2026-10-12T10:00:00+02:00', '2026-10-13T10:00:00+02:00'],
      now: '2026-10-13T20:00:00+02:00',
      longest: 1,
      current: 0,
    },
    {
      name: 'across a year boundary',
      since: '2026-12-01',
      slips: ['2026-12-24T20:00:00+01:00', '2027-01-10T20:00:00+01:00'],
      now: '2027-01-12T20:00:00+01:00',
      longest: 23,
      current: 2,
    },
    {
      name: 'across the leap day',
      since: '2028-02-20',
      slips: ['2028-02-25T20:00:00+01:00', '2028-03-02T20:00:00+01:00'],
      now: '2028-03-03T20:00:00+01:00',
      longest: 6,
      current: 1,
    },
  ];

  it.each(rows)('$name → longest $longest, current $current', ({ since, slips, now, longest, current }) => {
    inZone('Europe/Berlin');
    const input = { noContactSince: since, slips: slips.map(ms), now: at(now) };
    expect(longestStreak(input)).toBe(longest);
    expect(currentStreak(input)).toBe(current);
    expect(longestStreak(input)).toBeGreaterThanOrEqual(currentStreak(input));
  });
});

interface DstRow {
  zone: string;
  since: string;
  now: string;
  days: number;
}

/** Around each change, 00:30 / 01:30 / 23:30 local on either side; counts worked out by hand. */
const DST_ROWS: DstRow[] = [
  // New York, spring forward 2026-03-08 02:00 EST → 03:00 EDT (23-hour day).
  { zone: 'America/New_York', since: '2026-03-01', now: '2026-03-07T23:30:00-05:00', days: 6 },
  { zone: 'America/New_York', since: '2026-03-01', now: '2026-03-08T00:30:00-05:00', days: 7 },
  { zone: 'America/New_York', since: '2026-03-01', now: '2026-03-08T01:30:00-05:00', days: 7 },
  { zone: 'America/New_York', since: '2026-03-01', now: '2026-03-08T03:30:00-04:00', days: 7 },
  { zone: 'America/New_York', since: '2026-03-01', now: '2026-03-08T23:30:00-04:00', days: 7 },
  { zone: 'America/New_York', since: '2026-03-01', now: '2026-03-09T00:30:00-04:00', days: 8 },
  { zone: 'America/New_York', since: '2026-03-01', now: '2026-03-09T01:30:00-04:00', days: 8 },
  // New York, fall back 2026-11-01 02:00 EDT → 01:00 EST (25-hour day; 01:30 happens twice).
  { zone: 'America/New_York', since: '2026-10-25', now: '2026-10-31T23:30:00-04:00', days: 6 },
  { zone: 'America/New_York', since: '2026-10-25', now: '2026-11-01T00:30:00-04:00', days: 7 },
  { zone: 'America/New_York', since: '2026-10-25', now: '2026-11-01T01:30:00-04:00', days: 7 },
  { zone: 'America/New_York', since: '2026-10-25', now: '2026-11-01T01:30:00-05:00', days: 7 },
  { zone: 'America/New_York', since: '2026-10-25', now: '2026-11-01T23:30:00-05:00', days: 7 },
  { zone: 'America/New_York', since: '2026-10-25', now: '2026-11-02T00:30:00-05:00', days: 8 },
  // London, spring forward 2026-03-29 01:00 GMT → 02:00 BST (01:30 does not exist).
  { zone: 'Europe/London', since: '2026-03-22', now: '2026-03-28T23:30:00+00:00', days: 6 },
  { zone: 'Europe/London', since: '2026-03-22', now: '2026-03-29T00:30:00+00:00', days: 7 },
  { zone: 'Europe/London', since: '2026-03-22', now: '2026-03-29T02:30:00+01:00', days: 7 },
  { zone: 'Europe/London', since: '2026-03-22', now: '2026-03-29T23:30:00+01:00', days: 7 },
  { zone: 'Europe/London', since: '2026-03-22', now: '2026-03-30T00:30:00+01:00', days: 8 },
  // London, fall back 2026-10-25 02:00 BST → 01:00 GMT.
  { zone: 'Europe/London', since: '2026-10-18', now: '2026-10-24T23:30:00+01:00', days: 6 },
  { zone: 'Europe/London', since: '2026-10-18', now: '2026-10-25T00:30:00+01:00', days: 7 },
  { zone: 'Europe/London', since: '2026-10-18', now: '2026-10-25T01:30:00+01:00', days: 7 },
  { zone: 'Europe/London', since: '2026-10-18', now: '2026-10-25T01:30:00+00:00', days: 7 },
  { zone: 'Europe/London', since: '2026-10-18', now: '2026-10-25T23:30:00+00:00', days: 7 },
  { zone: 'Europe/London', since: '2026-10-18', now: '2026-10-26T00:30:00+00:00', days: 8 },
  // Sydney, DST ends 2026-04-05 03:00 AEDT → 02:00 AEST.
  { zone: 'Australia/Sydney', since: '2026-03-29', now: '2026-04-04T23:30:00+11:00', days: 6 },
  { zone: 'Australia/Sydney', since: '2026-03-29', now: '2026-04-05T00:30:00+11:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-03-29', now: '2026-04-05T01:30:00+11:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-03-29', now: '2026-04-05T02:30:00+11:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-03-29', now: '2026-04-05T02:30:00+10:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-03-29', now: '2026-04-05T23:30:00+10:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-03-29', now: '2026-04-06T00:30:00+10:00', days: 8 },
  // Sydney, DST starts 2026-10-04 02:00 AEST → 03:00 AEDT.
  { zone: 'Australia/Sydney', since: '2026-09-27', now: '2026-10-03T23:30:00+10:00', days: 6 },
  { zone: 'Australia/Sydney', since: '2026-09-27', now: '2026-10-04T00:30:00+10:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-09-27', now: '2026-10-04T01:30:00+10:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-09-27', now: '2026-10-04T03:30:00+11:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-09-27', now: '2026-10-04T23:30:00+11:00', days: 7 },
  { zone: 'Australia/Sydney', since: '2026-09-27', now: '2026-10-05T00:30:00+11:00', days: 8 },
  // Lord Howe, half-hour DST: ends 2026-04-05 02:00 (+11:00) → 01:30 (+10:30).
  { zone: 'Australia/Lord_Howe', since: '2026-03-29', now: '2026-04-04T23:30:00+11:00', days: 6 },
  { zone: 'Australia/Lord_Howe', since: '2026-03-29', now: '2026-04-05T00:30:00+11:00', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-03-29', now: '2026-04-05T01:45:00+11:00', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-03-29', now: '2026-04-05T01:45:00+10:30', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-03-29', now: '2026-04-05T23:30:00+10:30', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-03-29', now: '2026-04-06T00:30:00+10:30', days: 8 },
  // Lord Howe, starts 2026-10-04 02:00 (+10:30) → 02:30 (+11:00).
  { zone: 'Australia/Lord_Howe', since: '2026-09-27', now: '2026-10-03T23:30:00+10:30', days: 6 },
  { zone: 'Australia/Lord_Howe', since: '2026-09-27', now: '2026-10-04T00:30:00+10:30', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-09-27', now: '2026-10-04T01:30:00+10:30', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-09-27', now: '2026-10-04T02:45:00+11:00', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-09-27', now: '2026-10-04T23:30:00+11:00', days: 7 },
  { zone: 'Australia/Lord_Howe', since: '2026-09-27', now: '2026-10-05T00:30:00+11:00', days: 8 },
  // Kolkata, +05:30 all year: the day turns at 18:30 UTC.
  { zone: 'Asia/Kolkata', since: '2026-03-01', now: '2026-03-07T23:30:00+05:30', days: 6 },
  { zone: 'Asia/Kolkata', since: '2026-03-01', now: '2026-03-07T23:59:59+05:30', days: 6 },
  { zone: 'Asia/Kolkata', since: '2026-03-01', now: '2026-03-08T00:00:00+05:30', days: 7 },
  { zone: 'Asia/Kolkata', since: '2026-03-01', now: '2026-03-08T00:30:00+05:30', days: 7 },
  { zone: 'Asia/Kolkata', since: '2026-03-01', now: '2026-03-08T01:30:00+05:30', days: 7 },
  { zone: 'Asia/Kolkata', since: '2026-03-01', now: '2026-03-08T23:30:00+05:30', days: 7 },
  { zone: 'Asia/Kolkata', since: '2026-03-01', now: '2026-03-09T00:30:00+05:30', days: 8 },
  // Santiago skips midnight: 2026-09-06 00:00 → 01:00.
  { zone: 'America/Santiago', since: '2026-08-30', now: '2026-09-05T23:30:00-04:00', days: 6 },
  { zone: 'America/Santiago', since: '2026-08-30', now: '2026-09-06T01:00:00-03:00', days: 7 },
  { zone: 'America/Santiago', since: '2026-08-30', now: '2026-09-06T23:30:00-03:00', days: 7 },
  { zone: 'America/Santiago', since: '2026-08-30', now: '2026-09-07T00:30:00-03:00', days: 8 },
];

describe('DST and half-hour zones: no day skipped or repeated', () => {
  it.each(DST_ROWS)('$zone, since $since, at $now → $days', ({ zone, since, now, days }) => {
    inZone(zone);
    const input = { noContactSince: since, slips: [], now: at(now) };
    expect(currentStreak(input)).toBe(days);
    expect(longestStreak(input)).toBe(days);
  });

  // Slips near a change: elapsed hours and calendar days disagree, and the calendar wins.
  it.each([
    ['America/New_York', '2026-03-07T23:30:00-05:00', '2026-03-08T00:30:00-05:00', 1, '1 hour, across midnight'],
    ['America/New_York', '2026-03-08T00:30:00-05:00', '2026-03-08T23:30:00-04:00', 0, '22 hours, same 23-hour day'],
    ['America/New_York', '2026-11-01T00:30:00-04:00', '2026-11-01T23:30:00-05:00', 0, '24 hours, same 25-hour day'],
    ['America/New_York', '2026-10-31T23:30:00-04:00', '2026-11-01T23:30:00-05:00', 1, '25 hours, one midnight'],
    ['Europe/London', '2026-10-25T00:30:00+01:00', '2026-10-25T23:59:00+00:00', 0, '24.5 hours, same 25-hour day'],
    ['Europe/London', '2026-03-28T23:30:00+00:00', '2026-03-30T00:30:00+01:00', 2, '24 hours, two midnights'],
    ['Australia/Sydney', '2026-04-05T02:30:00+11:00', '2026-04-05T02:30:00+10:00', 0, 'the repeated 02:30'],
    ['Australia/Lord_Howe', '2026-04-05T01:45:00+11:00', '2026-04-05T01:45:00+10:30', 0, 'the repeated 01:45, 30 min later'],
    ['Australia/Lord_Howe', '2026-10-03T23:30:00+10:30', '2026-10-04T23:30:00+11:00', 1, '23.5 hours, one midnight'],
  ])('%s: slip %s, now %s → %i (%s)', (zone, slip, now, days) => {
    inZone(zone);
    const input = { noContactSince: '2026-01-01', slips: [ms(slip)], now: at(now) };
    expect(currentStreak(input)).toBe(days);
  });

  // Sweep every 15 minutes through two days either side of each change and compare with ICU.
  it.each([
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/London', '2026-03-29'],
    ['Europe/London', '2026-10-25'],
    ['Australia/Sydney', '2026-04-05'],
    ['Australia/Sydney', '2026-10-04'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-10-04'],
    ['Asia/Kolkata', '2026-03-08'],
    ['America/Santiago', '2026-09-06'],
    ['America/Santiago', '2026-04-05'],
  ])('%s around %s: the count steps by exactly one at each local midnight', (zone, changeDay) => {
    inZone(zone);
    const since = '2026-01-01';
    const centre = Date.parse(`${changeDay}T12:00:00Z`);
    const counts: number[] = [];
    for (let t = centre - 2 * 86_400_000; t <= centre + 2 * 86_400_000; t += 15 * 60_000) {
      const days = currentStreak({ noContactSince: since, slips: [], now: new Date(t) });
      expect(days).toBe(oracleDays(since, oracleLocalDate(new Date(t), zone)));
      counts.push(days);
    }
    const steps = counts.slice(1).map((days, i) => days - counts[i]!);
    expect(steps.every((step) => step === 0 || step === 1)).toBe(true);
    expect(steps.filter((step) => step === 1)).toHaveLength(4);
  });
});

describe('time-zone move: stored instants are re-read on the calendar of the zone the user is in now', () => {
  // A slip at 23:30 on 10 Nov in New York is 13:30 on 11 Nov in Tokyo.
  const SLIP = '2026-11-10T23:30:00-05:00';
  const NOW = '2026-11-20T09:00:00-05:00'; // 23:00 on 20 Nov in Tokyo.

  it.each([
    ['America/New_York', '2026-11-10', '2026-11-20', 10],
    ['America/Los_Angeles', '2026-11-10', '2026-11-20', 10],
    ['Pacific/Pago_Pago', '2026-11-10', '2026-11-20', 10],
    ['Asia/Tokyo', '2026-11-11', '2026-11-20', 9],
    ['Asia/Kolkata', '2026-11-11', '2026-11-20', 9],
    ['Pacific/Kiritimati', '2026-11-11', '2026-11-21', 10],
  ])('read in %s: slip dated %s, today %s, %i days', (zone, slipDate, today, days) => {
    inZone(zone);
    const input = { noContactSince: '2026-11-01', slips: [ms(SLIP)], now: at(NOW) };
    expect(streakStart(input)).toBe(slipDate);
    expect(localDateOf(at(NOW))).toBe(today);
    expect(currentStreak(input)).toBe(days);
  });

  it('the same instants give New York’s count, then Tokyo’s, as the zone changes under them', () => {
    const input = { noContactSince: '2026-11-01', slips: [ms(SLIP)], now: at(NOW) };
    inZone('America/New_York');
    expect(currentStreak(input)).toBe(10);
    inZone('Asia/Tokyo');
    expect(currentStreak(input)).toBe(9);
    inZone('America/New_York');
    expect(currentStreak(input)).toBe(10);
  });

  // noContactSince is a wall-calendar date and does not move with the user; "today" does.
  it.each([
    ['America/New_York', '2026-11-20T20:00:00-05:00', 19],
    ['Asia/Tokyo', '2026-11-20T20:00:00-05:00', 20],
    ['America/New_York', '2026-11-01T01:00:00-04:00', 0],
    ['Pacific/Pago_Pago', '2026-11-01T01:00:00-04:00', 0],
  ])('start date 2026-11-01, read in %s at %s → %i (never negative)', (zone, now, days) => {
    inZone(zone);
    expect(currentStreak({ noContactSince: '2026-11-01', slips: [], now: at(now) })).toBe(days);
  });
});

describe('clock set backwards or dates in the future: never negative', () => {
  it.each([
    { name: 'start date in the future', since: '2026-11-30', slips: [] as string[], now: '2026-11-23T12:00:00Z', current: 0, longest: 0 },
    { name: 'start date tomorrow', since: '2026-11-24', slips: [], now: '2026-11-23T23:59:00Z', current: 0, longest: 0 },
    { name: 'now a year before the start', since: '2026-11-01', slips: [], now: '2025-06-01T12:00:00Z', current: 0, longest: 0 },
    { name: 'slip dated after now (another day)', since: '2026-11-01', slips: ['2026-11-25T10:00:00Z'], now: '2026-11-23T12:00:00Z', current: 0, longest: 22 },
    { name: 'slip later today than now', since: '2026-11-01', slips: ['2026-11-23T18:00:00Z'], now: '2026-11-23T12:00:00Z', current: 0, longest: 22 },
    {
      name: 'past slip and a future slip',
      since: '2026-11-01',
      slips: ['2026-11-05T10:00:00Z', '2027-03-01T10:00:00Z'],
      now: '2026-11-23T12:00:00Z',
      current: 0,
      longest: 18,
    },
  ])('$name → current $current, longest $longest', ({ since, slips, now, current, longest }) => {
    inZone('UTC');
    const input = { noContactSince: since, slips: slips.map(ms), now: at(now) };
    expect(currentStreak(input)).toBe(current);
    expect(longestStreak(input)).toBe(longest);
    const summary = summarize({ ...input, goalDays: 30 });
    expect(summary.progress.fraction).toBeGreaterThanOrEqual(0);
    expect(summary.progress.daysLeft).toBe(30 - current);
  });
});

describe('progress', () => {
  it.each([
    [0, 30, 0, 30, false],
    [15, 30, 0.5, 15, false],
    [7, 21, 1 / 3, 14, false],
    [29, 30, 29 / 30, 1, false],
    [21, 21, 1, 0, true],
    [30, 30, 1, 0, true],
    [45, 30, 1, 0, true],
    [0, 0, 1, 0, true],
  ])('%i of %i days → fraction %f, %i left, reached %s', (days, goalDays, fraction, daysLeft, reached) => {
    const result = progress(days, goalDays);
    expect(result).toEqual({ days, goalDays, fraction: expect.closeTo(fraction, 10), daysLeft, reached });
    expect(result.fraction).toBeLessThanOrEqual(1);
  });
});

describe('milestones', () => {
  it.each([
    [30, [7, 14, 21, 30]],
    [21, [7, 14, 21, 30]],
    [7, [7, 14, 21, 30]],
    [10, [7, 10, 14, 21, 30]],
    [45, [7, 14, 21, 30, 45]],
    [365, [7, 14, 21, 30, 365]],
  ])('goal %i → %j', (goalDays, expected) => {
    expect(milestonesFor(goalDays)).toEqual(expected);
  });

  it.each([
    [0, 30, null, 7],
    [6, 30, null, 7],
    [7, 30, 7, 14],
    [13, 30, 7, 14],
    [14, 30, 14, 21],
    [22, 30, 21, 30],
    [29, 30, 21, 30],
    [30, 30, 30, null],
    [100, 30, 30, null],
    [9, 10, 7, 10],
    [10, 10, 10, 14],
    [21, 21, 21, 30],
    [31, 45, 30, 45],
    [44, 45, 30, 45],
    [45, 45, 45, null],
  ])('%i days, goal %i → reached %s, next %s', (days, goalDays, reached, next) => {
    expect(reachedMilestone(days, goalDays)).toBe(reached);
    expect(nextMilestone(days, goalDays)).toBe(next);
  });
});

describe('nextLocalMidnight', () => {
  it.each([
    ['America/New_York', '2026-03-07T12:00:00-05:00', '2026-03-08T05:00:00.000Z'],
    ['America/New_York', '2026-03-08T00:30:00-05:00', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-03-08T01:30:00-05:00', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-03-08T23:30:00-04:00', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-10-31T23:30:00-04:00', '2026-11-01T04:00:00.000Z'],
    ['America/New_York', '2026-11-01T01:30:00-04:00', '2026-11-02T05:00:00.000Z'],
    ['America/New_York', '2026-11-01T01:30:00-05:00', '2026-11-02T05:00:00.000Z'],
    ['America/New_York', '2026-12-31T23:59:59.999-05:00', '2027-01-01T05:00:00.000Z'],
    ['America/New_York', '2028-02-28T10:00:00-05:00', '2028-02-29T05:00:00.000Z'],
    ['Europe/London', '2026-03-28T23:30:00+00:00', '2026-03-29T00:00:00.000Z'],
    ['Europe/London', '2026-03-29T00:30:00+00:00', '2026-03-29T23:00:00.000Z'],
    ['Europe/London', '2026-10-24T12:00:00+01:00', '2026-10-24T23:00:00.000Z'],
    ['Europe/London', '2026-10-25T00:30:00+01:00', '2026-10-26T00:00:00.000Z'],
    ['Europe/London', '2026-10-25T01:30:00+00:00', '2026-10-26T00:00:00.000Z'],
    ['Australia/Sydney', '2026-04-05T02:30:00+11:00', '2026-04-05T14:00:00.000Z'],
    ['Australia/Sydney', '2026-10-03T23:30:00+10:00', '2026-10-03T14:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05T01:45:00+10:30', '2026-04-05T13:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04T00:30:00+10:30', '2026-10-04T13:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-08T23:30:00+05:30', '2026-03-08T18:30:00.000Z'],
    ['Asia/Kolkata', '2026-03-08T00:00:00+05:30', '2026-03-08T18:30:00.000Z'],
    // Santiago: 6 Sep has no 00:00, so the day begins at 01:00 (-03:00).
    ['America/Santiago', '2026-09-05T12:00:00-04:00', '2026-09-06T04:00:00.000Z'],
    // Santiago: 23:00–23:59 on 4 Apr happens twice; both lead to the same midnight.
    ['America/Santiago', '2026-04-04T23:30:00-03:00', '2026-04-05T04:00:00.000Z'],
    ['America/Santiago', '2026-04-04T23:30:00-04:00', '2026-04-05T04:00:00.000Z'],
  ])('%s, from %s → %s', (zone, now, expected) => {
    inZone(zone);
    const next = nextLocalMidnight(at(now));
    expect(next.toISOString()).toBe(expected);
    // It is the first instant of the next local day: one millisecond earlier is still today.
    expect(oracleDays(oracleLocalDate(at(now), zone), oracleLocalDate(next, zone))).toBe(1);
    expect(oracleLocalDate(new Date(next.getTime() - 1), zone)).toBe(oracleLocalDate(at(now), zone));
  });

  it.each([
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['America/New_York', '2026-06-15', 24],
    ['Europe/London', '2026-03-29', 23],
    ['Europe/London', '2026-10-25', 25],
    ['Australia/Sydney', '2026-04-05', 25],
    ['Australia/Sydney', '2026-10-04', 23],
    ['Australia/Lord_Howe', '2026-04-05', 24.5],
    ['Australia/Lord_Howe', '2026-10-04', 23.5],
    ['Asia/Kolkata', '2026-03-08', 24],
    ['America/Santiago', '2026-09-06', 23],
    ['America/Santiago', '2026-04-04', 25],
  ])('%s: %s is %f hours long, midnight to midnight', (zone, day, hours) => {
    inZone(zone);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const dayBefore = new Date(y, m - 1, d - 1, 12);
    const start = nextLocalMidnight(dayBefore);
    const end = nextLocalMidnight(start);
    expect(localDateOf(start)).toBe(day);
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(hours);
  });
});

describe('summarize', () => {
  it.each([
    {
      name: 'before the first milestone',
      since: '2026-11-20',
      slips: [] as string[],
      now: '2026-11-23T12:00:00-05:00',
      goalDays: 30,
      expected: { current: 3, longest: 3, start: '2026-11-20', milestone: null, nextMilestone: 7, daysLeft: 27, reached: false },
    },
    {
      name: 'brief example: 1 Nov viewed on 23 Nov',
      since: '2026-11-01',
      slips: [],
      now: '2026-11-23T12:00:00-05:00',
      goalDays: 30,
      expected: { current: 22, longest: 22, start: '2026-11-01', milestone: 21, nextMilestone: 30, daysLeft: 8, reached: false },
    },
    {
      name: 'after a slip, with a longer run behind',
      since: '2026-09-01',
      slips: ['2026-10-10T21:00:00-04:00'],
      now: '2026-11-23T12:00:00-05:00',
      goalDays: 21,
      expected: { current: 44, longest: 44, start: '2026-10-10', milestone: 30, nextMilestone: null, daysLeft: 0, reached: true },
    },
    {
      name: 'recent slip after a long run',
      since: '2026-09-01',
      slips: ['2026-11-15T21:00:00-05:00'],
      now: '2026-11-23T12:00:00-05:00',
      goalDays: 21,
      expected: { current: 8, longest: 75, start: '2026-11-15', milestone: 7, nextMilestone: 14, daysLeft: 13, reached: false },
    },
  ])('$name', ({ since, slips, now, goalDays, expected }) => {
    inZone('America/New_York');
    const summary = summarize({ noContactSince: since, slips: slips.map(ms), now: at(now), goalDays });
    expect({
      current: summary.current,
      longest: summary.longest,
      start: summary.start,
      milestone: summary.milestone,
      nextMilestone: summary.nextMilestone,
      daysLeft: summary.progress.daysLeft,
      reached: summary.progress.reached,
    }).toEqual(expected);
    expect(summary.progress.days).toBe(summary.current);
    expect(summary.progress.goalDays).toBe(goalDays);
  });
});
