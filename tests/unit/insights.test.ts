import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { streakHistory } from '@/lib/insights/streaks';
import {
  keptPerDay,
  lastDays,
  localDay,
  perWeek,
  urgesBySite,
  urgesBySurface,
  urgesPerDay,
  urgesPerHour,
} from '@/lib/insights/series';
import {
  activitySummary,
  categorySummary,
  dailyUrgeSummary,
  hourSummary,
  keptSummary,
} from '@/lib/insights/summaries';
import { encouragement, milestoneToAnnounce, milestoneToday, recordAnnounced } from '@/lib/insights/moments';
import { isManualUrgeRequest } from '@/lib/insights/requests';
import { announceMilestones, NOTIFY_MILESTONES_KEY } from '@/lib/insights/notify';
import { logUrge, openDb, putSetting, recordContact, type CleanBreakDb } from '@/lib/db';
import { dismissCelebration, loadMoments, loadProgress, logManualUrge } from '@/lib/db/insights';
import type { Urge } from '@/lib/model';
import { localDateOf } from '@/lib/streak';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
  vi.restoreAllMocks();
});

/** A local wall-clock time, in whatever zone the test set. */
const local = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

describe('streakHistory', () => {
  it('lists every streak with the notes left at its slip, the longest, and the days of no contact', () => {
    const history = streakHistory(
      '2026-10-01',
      [
        { at: local(2026, 10, 11, 22).getTime(), note: 'I texted happy birthday.' },
        { at: local(2026, 10, 20, 9).getTime(), note: '' },
      ],
      local(2026, 11, 5),
    );
    expect(history.periods).toEqual([
      { start: '2026-10-01', end: '2026-10-11', days: 10, notes: ['I texted happy birthday.'] },
      { start: '2026-10-11', end: '2026-10-20', days: 9, notes: [] },
      { start: '2026-10-20', end: null, days: 16, notes: [] },
    ]);
    expect(history.longest).toBe(16);
    // 2026-10-01 to 2026-11-04 is 35 days; the two slip days were not days of no contact.
    expect(history.totalDays).toBe(33);
  });

  it('ends one streak for slips on the same day, keeping both notes in order', () => {
    const history = streakHistory(
      '2026-10-01',
      [
        { at: local(2026, 10, 8, 23, 30).getTime(), note: 'second call' },
        { at: local(2026, 10, 8, 1).getTime(), note: 'first text' },
      ],
      local(2026, 10, 10),
    );
    expect(history.periods).toEqual([
      { start: '2026-10-01', end: '2026-10-08', days: 7, notes: ['first text', 'second call'] },
      { start: '2026-10-08', end: null, days: 2, notes: [] },
    ]);
    expect(history.totalDays).toBe(8);
  });

  it('counts a slip today: the streak before it stays, today starts at zero', () => {
    const history = streakHistory('2026-10-01', [{ at: local(2026, 10, 15, 8).getTime(), note: 'ok' }], local(2026, 10, 15, 20));
    expect(history.periods.map((p) => p.days)).toEqual([14, 0]);
    expect(history.totalDays).toBe(14);
  });

  it.each(['America/New_York', 'Europe/London', 'Australia/Sydney'])('counts whole calendar days across a DST change in %s', (zone) => {
    process.env.TZ = zone;
    // Dates are made after the zone is set, around each zone's own change.
    const cases: Record<string, [string, Date, Date]> = {
      'America/New_York': ['2026-03-01', local(2026, 3, 8, 4), local(2026, 3, 20)],
      'Europe/London': ['2026-10-20', local(2026, 10, 25, 1, 30), local(2026, 11, 2)],
      'Australia/Sydney': ['2026-03-30', local(2026, 4, 5, 2, 30), local(2026, 4, 12)],
    };
    const [since, slip, now] = cases[zone]!;
    const history = streakHistory(since, [{ at: slip.getTime(), note: '' }], now);
    const oracle = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    const slipDay = history.periods[0]!.end!;
    const today = lastDays(now, 1)[0]!;
    expect(history.periods.map((p) => p.days)).toEqual([oracle(since, slipDay), oracle(slipDay, today)]);
    expect(history.totalDays).toBe(oracle(since, today) - 1);
  });

  it('ignores slips from before the period', () => {
    const history = streakHistory('2026-10-01', [{ at: local(2026, 9, 1).getTime(), note: 'old' }], local(2026, 10, 4));
    expect(history.periods).toEqual([{ start: '2026-10-01', end: null, days: 3, notes: [] }]);
  });
});

describe('series', () => {
  it('counts urges per local day, zero-filled, today last', () => {
    const days = lastDays(local(2026, 11, 3), 5);
    expect(days).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03']);
    const urges = [local(2026, 11, 1, 0, 5), local(2026, 11, 1, 23, 55), local(2026, 11, 3, 9)].map((d) => ({ at: d.getTime() }));
    expect(urgesPerDay(urges, days).map((d) => d.count)).toEqual([0, 0, 2, 0, 1]);
  });

  it('names an instant’s local day as lib/streak does, in any zone', () => {
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      process.env.TZ = zone;
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 3_600_000 * 7 + 60_000) {
        expect(localDay(at)).toBe(localDateOf(at));
      }
    }
  });

  it('gives every day of a 90-day window across DST exactly once', () => {
    process.env.TZ = 'Europe/Berlin';
    const days = lastDays(new Date(2026, 11, 1, 12), 90);
    expect(new Set(days).size).toBe(90);
    expect(days.at(-1)).toBe('2026-12-01');
    expect(days[0]).toBe('2026-09-03');
  });

  it('counts by hour, site and surface, with kind labels for settings and manual urges', () => {
    const urges: Pick<Urge, 'at' | 'site' | 'surface'>[] = [
      { at: local(2026, 11, 1, 23, 10).getTime(), site: 'instagram', surface: 'story' },
      { at: local(2026, 11, 2, 23, 50).getTime(), site: 'instagram', surface: 'profile' },
      { at: local(2026, 11, 2, 1).getTime(), site: 'elsewhere', surface: 'manual' },
      { at: local(2026, 11, 2, 14).getTime(), site: 'elsewhere', surface: 'settings' },
    ];
    const hours = urgesPerHour(urges);
    expect(hours[23]).toBe(2);
    expect(hours[1]).toBe(1);
    expect(urgesBySite(urges)).toEqual([
      { key: 'instagram', label: 'Instagram', count: 2 },
      { key: 'elsewhere', label: 'Not on a site', count: 2 },
    ]);
    expect(urgesBySurface(urges).map((c) => c.label)).toEqual(['Their profile', 'Their stories', 'Changing settings', 'Outside the browser']);
  });

  it('sums kept-out-of-view rows per day and counts per week from Monday', () => {
    const days = ['2026-11-01', '2026-11-02'];
    expect(keptPerDay([{ day: '2026-11-02', count: 3 }, { day: '2026-11-02', count: 4 }, { day: '2026-10-01', count: 9 }], days)).toEqual([
      { day: '2026-11-01', count: 0 },
      { day: '2026-11-02', count: 7 },
    ]);
    // 2026-11-04 is a Wednesday; its week starts Monday 2026-11-02.
    const weeks = perWeek([local(2026, 11, 2, 0, 30).getTime(), local(2026, 11, 1, 23).getTime()], local(2026, 11, 4), 2);
    expect(weeks).toEqual([
      { weekOf: '2026-10-26', count: 1 },
      { weekOf: '2026-11-02', count: 1 },
    ]);
  });
});

describe('summaries', () => {
  const days = (counts: number[]) => counts.map((count, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, count }));

  it('says how daily urges changed from the first week to the last', () => {
    const counts = [...Array(7).fill(9), ...Array(7).fill(5), ...Array(7).fill(2)];
    expect(dailyUrgeSummary(days(counts), 0)).toBe(
      'Urges fell from 9 a day in week 1 to 2 a day in week 3. 112 urges in the last 21 days, the most on Nov 1 (9).',
    );
    expect(dailyUrgeSummary(days([...Array(7).fill(1), ...Array(7).fill(3)]), 2)).toBe(
      'Urges rose from 1 a day in week 1 to 3 a day in week 2. 28 urges in the last 14 days, the most on Nov 8 (3). 2 days with a slip are marked.',
    );
    expect(dailyUrgeSummary(days(Array(14).fill(0)), 1)).toBe('No urges logged in the last 14 days. 1 day with a slip is marked.');
    expect(dailyUrgeSummary(days([...Array(7).fill(2), ...Array(7).fill(2)]), 0)).toMatch(/^Urges held at about 2 a day/);
    // 30 days are not whole weeks: the last block is named for what it is.
    expect(dailyUrgeSummary(days([...Array(23).fill(4), ...Array(7).fill(1)]), 0)).toMatch(
      /^Urges fell from 4 a day in week 1 to 1 a day in the last 7 days\. 99 urges in the last 30 days/,
    );
  });

  it('names the three hours with the most urges, wrapping past midnight', () => {
    const hours = Array(24).fill(0);
    hours[23] = 5;
    hours[0] = 4;
    hours[1] = 3;
    hours[15] = 8;
    expect(hourSummary(hours)).toBe('The most urges came between 11 p.m. and 2 a.m.: 12 of 20 (60%).');
    expect(hourSummary(Array(24).fill(0))).toBe('No urges logged yet, so there is no pattern by hour.');
  });

  it('names the top categories, and says so when there are none', () => {
    expect(categorySummary([{ key: 'x', label: 'X (Twitter)', count: 8 }, { key: 'instagram', label: 'Instagram', count: 3 }], 'site')).toBe(
      'X (Twitter) had the most: 8 of 11. Next: Instagram, 3.',
    );
    expect(categorySummary([], 'site')).toBe('No urges logged yet, so nothing by site.');
  });

  it('sums what was kept out of view and activities by week', () => {
    expect(keptSummary(days([10, 20, 0]))).toBe('30 posts and messages of theirs kept out of view in the last 3 days, about 10 a day.');
    expect(keptSummary(days([0, 0]))).toBe('Nothing of theirs needed hiding in the last 2 days.');
    expect(activitySummary([{ weekOf: 'a', count: 2 }, { weekOf: 'b', count: 3 }, { weekOf: 'c', count: 1 }])).toBe(
      '1 activity this week and 3 last week; 6 in the last 3 weeks.',
    );
  });
});

describe('milestones', () => {
  it('announces the latest milestone reached, once per streak, and again after a slip', () => {
    expect(milestoneToAnnounce(6, 30, '2026-11-01', undefined)).toBeNull();
    expect(milestoneToAnnounce(7, 30, '2026-11-01', undefined)).toBe(7);
    // The browser was closed at midnight: the next morning still counts.
    expect(milestoneToAnnounce(8, 30, '2026-11-01', undefined)).toBe(7);
    // Long past: turning notifications on at day 12 announces nothing old.
    expect(milestoneToAnnounce(12, 30, '2026-11-01', undefined)).toBeNull();
    const announced = recordAnnounced(undefined, '2026-11-01', 7);
    expect(milestoneToAnnounce(7, 30, '2026-11-01', announced)).toBeNull();
    expect(milestoneToAnnounce(14, 30, '2026-11-01', announced)).toBe(14);
    // A slip started a new streak: its milestones come again.
    expect(milestoneToAnnounce(7, 30, '2026-11-20', announced)).toBe(7);
    // The goal is a milestone too.
    expect(milestoneToAnnounce(45, 45, '2026-11-01', recordAnnounced(announced, '2026-11-01', 30))).toBe(45);
  });

  it('celebrates in the popup only on the day a milestone is reached', () => {
    expect(milestoneToday(14, 30)).toBe(14);
    expect(milestoneToday(15, 30)).toBeNull();
    expect(milestoneToday(60, 60)).toBe(60);
  });

  it('notifies once, only when turned on and permitted', async () => {
    const db = openDb(`notify-${Math.random()}`);
    const now = new Date();
    // Eight days: the one-week milestone was reached yesterday, still recent enough to announce.
    await db.people.add({ name: 'Sam', noContactSince: lastDays(now, 9)[0]!, goalDays: 30, accounts: [] });
    const contains = vi.fn(async () => true);
    const create = vi.fn(async () => 'id');
    Object.assign(browser, { permissions: { contains }, notifications: { create } });
    expect(await announceMilestones(db, now)).toEqual([]);
    await putSetting(db, NOTIFY_MILESTONES_KEY, true);
    expect(await announceMilestones(db, now)).toEqual([7]);
    expect(await announceMilestones(db, now)).toEqual([]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]).toMatchObject([expect.any(String), { type: 'basic', title: '1 week of no contact' }]);
    expect(JSON.stringify(create.mock.calls[0])).not.toContain('Sam');
    // A slip, then seven days again: announced anew, but not without the permission.
    await recordContact(db, 1, 'i-reached-out', '', now.getTime() - 7 * 86_400_000);
    contains.mockResolvedValue(false);
    expect(await announceMilestones(db, now)).toEqual([]);
    contains.mockResolvedValue(true);
    expect(await announceMilestones(db, now)).toEqual([7]);
    db.close();
    await Dexie.delete(db.name);
  });
});

describe('the weekly summary', () => {
  it('has one kind sentence drawn from the numbers', () => {
    expect(encouragement({ urges: 3, previousUrges: 10, activities: 0 })).toBe('7 fewer urges than the week before: the pull is loosening.');
    expect(encouragement({ urges: 10, previousUrges: 3, activities: 0 })).toMatch(/^A harder week/);
    expect(encouragement({ urges: 0, previousUrges: 0, activities: 2 })).toBe('A quiet week, and you made time for 2 activities.');
    expect(encouragement({ urges: 4, previousUrges: 4, activities: 0 })).toMatch(/^A steady week/);
  });

  it('is handed out on the first open of a week only, comparing the last two weeks', async () => {
    const db: CleanBreakDb = openDb(`weekly-${Math.random()}`);
    const personId = (await db.people.add({ name: 'Sam', noContactSince: '2026-10-01', goalDays: 30, accounts: [] }))!;
    // Wednesday 2026-11-18: last week is Nov 9–15, the week before Nov 2–8.
    const now = local(2026, 11, 18, 9);
    for (const at of [local(2026, 11, 3), local(2026, 11, 4), local(2026, 11, 8, 23, 59), local(2026, 11, 10), local(2026, 11, 17)]) {
      await logUrge(db, { personId, site: 'x', surface: 'profile', outcome: 'resisted' }, at.getTime());
    }
    // Urges that went on anyway count too.
    await logUrge(db, { personId, site: 'x', surface: 'story', outcome: 'overrode' }, local(2026, 11, 5, 7, 30).getTime());
    await db.activities.add({ at: local(2026, 11, 12).getTime(), activityId: 'walk-20' });
    const first = await loadMoments(db, now);
    expect(first.weekly).toEqual({
      weekOf: '2026-11-09',
      urges: 1,
      previousUrges: 4,
      activities: 1,
      encouragement: '3 fewer urges than the week before: the pull is loosening.',
    });
    expect((await loadMoments(db, local(2026, 11, 22, 23))).weekly).toBeNull();
    expect((await loadMoments(db, local(2026, 11, 23, 0, 1))).weekly?.weekOf).toBe('2026-11-16');
    db.close();
    await Dexie.delete(db.name);
  });

  it('is not shown before there is any history', async () => {
    const db = openDb(`weekly-empty-${Math.random()}`);
    await db.people.add({ name: 'Sam', noContactSince: '2026-10-01', goalDays: 30, accounts: [] });
    expect((await loadMoments(db, local(2026, 11, 18))).weekly).toBeNull();
    db.close();
    await Dexie.delete(db.name);
  });
});

describe('the milestone celebration', () => {
  it('shows on the milestone day until dismissed', async () => {
    const db = openDb(`celebrate-${Math.random()}`);
    await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [] });
    const celebration = (await loadMoments(db, local(2026, 11, 15, 8))).celebration;
    expect(celebration).toMatchObject({ personId: 1, name: 'Sam', milestone: 14 });
    expect((await loadMoments(db, local(2026, 11, 16, 8))).celebration).toBeNull();
    await dismissCelebration(db, celebration!.key);
    expect((await loadMoments(db, local(2026, 11, 15, 22))).celebration).toBeNull();
    db.close();
    await Dexie.delete(db.name);
  });
});

describe('manual urges', () => {
  it('are never merged with another, but a retry with the same time is the same urge', async () => {
    const db = openDb(`manual-${Math.random()}`);
    const at = local(2026, 11, 1, 23).getTime();
    const first = await logManualUrge(db, { personId: 1, intensity: 4, note: 'wanted to call' }, at);
    expect(await logManualUrge(db, { personId: 1, intensity: 4, note: 'wanted to call' }, at)).toBe(first);
    await logManualUrge(db, { personId: 1 }, at + 1_000);
    const rows = await db.urges.toArray();
    expect(rows).toEqual([
      { id: first, at, personId: 1, site: 'elsewhere', surface: 'manual', outcome: 'resisted', intensity: 4, note: 'wanted to call' },
      { id: first + 1, at: at + 1_000, personId: 1, site: 'elsewhere', surface: 'manual', outcome: 'resisted' },
    ]);
    const progress = await loadProgress(db, 1, local(2026, 11, 2));
    expect(progress.urges).toHaveLength(2);
    expect((await loadProgress(db, 2, local(2026, 11, 2))).urges).toHaveLength(0);
    db.close();
    await Dexie.delete(db.name);
  });

  it('are checked before they reach the database', () => {
    expect(isManualUrgeRequest({ personId: 1, at: 1 })).toBe(true);
    expect(isManualUrgeRequest({ personId: 1, intensity: 5, note: 'x', at: 1 })).toBe(true);
    for (const bad of [{ personId: '1' }, { personId: 1, intensity: 6 }, { personId: 1, intensity: 2.5 }, { personId: 1, note: 'x'.repeat(2001) }, null]) {
      expect(isManualUrgeRequest(bad)).toBe(false);
    }
  });
});
