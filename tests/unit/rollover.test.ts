import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { MAX_WAIT_MS, watchLocalDate } from '@/entrypoints/popup/rollover';

const ORIGINAL_TZ = process.env.TZ;

function inZone(zone: string): void {
  process.env.TZ = zone;
}

/** A wall-clock time in the current zone, built without date-fns. */
function local(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(year, month - 1, day, hour, minute, second);
}

let stop: (() => void) | undefined;
let onNewDay: Mock<() => void>;
let wake: EventTarget;

function watchFrom(start: Date): void {
  vi.setSystemTime(start);
  stop = watchLocalDate(onNewDay, { wakeTarget: wake });
}

beforeEach(() => {
  vi.useFakeTimers();
  onNewDay = vi.fn<() => void>();
  wake = new EventTarget();
  inZone('Europe/Berlin');
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('watchLocalDate', () => {
  it('rolls over at local midnight, not a moment before, and again the next night', () => {
    watchFrom(local(2026, 11, 20, 23, 58, 30));
    vi.advanceTimersByTime(89_999);
    expect(onNewDay).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onNewDay).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(23 * 3_600_000);
    expect(onNewDay).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_600_000);
    expect(onNewDay).toHaveBeenCalledTimes(2);
  });

  it('rolls over once however long the popup stays open within a day', () => {
    watchFrom(local(2026, 11, 20, 0, 0, 1));
    vi.advanceTimersByTime(24 * 3_600_000 - 2_000);
    expect(onNewDay).not.toHaveBeenCalled();
  });

  it.each([
    // Spring forward: 23 hours in the day. Fall back: 25.
    ['Europe/Berlin', '2026-03-29', 23],
    ['Europe/Berlin', '2026-10-25', 25],
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
  ])('in %s, %s lasts %i hours and rolls over at its end', (zone, date, hours) => {
    inZone(zone);
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    watchFrom(local(year, month, day));
    vi.advanceTimersByTime(hours * 3_600_000 - 1);
    expect(onNewDay).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onNewDay).toHaveBeenCalledTimes(1);
  });

  it('catches a day where midnight itself is skipped (Santiago, clocks jump 00:00 → 01:00)', () => {
    inZone('America/Santiago');
    watchFrom(new Date('2026-09-05T23:30:00-04:00'));
    vi.advanceTimersByTime(30 * 60_000 - 1);
    expect(onNewDay).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onNewDay).toHaveBeenCalledTimes(1);
  });

  it('notices within a minute when the clock is moved forward past midnight', () => {
    watchFrom(local(2026, 11, 20, 15, 0));
    vi.setSystemTime(local(2026, 11, 21, 9, 0));
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(onNewDay).toHaveBeenCalledTimes(1);
  });

  it('notices within a minute when the clock is moved back to the day before', () => {
    watchFrom(local(2026, 11, 21, 0, 5));
    vi.setSystemTime(local(2026, 11, 20, 23, 50));
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(onNewDay).toHaveBeenCalledTimes(1);
    // And the real midnight, ten minutes later, is a new day again.
    vi.advanceTimersByTime(10 * 60_000);
    expect(onNewDay).toHaveBeenCalledTimes(2);
  });

  it('does not roll over when the clock moves within the same day', () => {
    watchFrom(local(2026, 11, 20, 10, 0));
    vi.setSystemTime(local(2026, 11, 20, 8, 0));
    vi.advanceTimersByTime(5 * MAX_WAIT_MS);
    vi.setSystemTime(local(2026, 11, 20, 22, 0));
    vi.advanceTimersByTime(5 * MAX_WAIT_MS);
    expect(onNewDay).not.toHaveBeenCalled();
  });

  it('notices a time-zone change that moves the date', () => {
    inZone('America/Los_Angeles');
    watchFrom(new Date('2026-11-20T20:00:00-08:00'));
    inZone('Asia/Tokyo'); // the same instant is 13:00 on the 21st there
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(onNewDay).toHaveBeenCalledTimes(1);
  });

  it('checks at once when the popup is focused or shown again', () => {
    watchFrom(local(2026, 11, 20, 23, 0));
    vi.setSystemTime(local(2026, 11, 21, 7, 0)); // the machine slept; no timer has run
    wake.dispatchEvent(new Event('visibilitychange'));
    expect(onNewDay).toHaveBeenCalledTimes(1);
    wake.dispatchEvent(new Event('focus'));
    expect(onNewDay).toHaveBeenCalledTimes(1);
    vi.setSystemTime(local(2026, 11, 22, 7, 0));
    wake.dispatchEvent(new Event('focus'));
    expect(onNewDay).toHaveBeenCalledTimes(2);
  });

  it('stops watching', () => {
    watchFrom(local(2026, 11, 20, 23, 59));
    stop?.();
    vi.advanceTimersByTime(3 * 3_600_000);
    wake.dispatchEvent(new Event('focus'));
    expect(onNewDay).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps one timer at a time', () => {
    watchFrom(local(2026, 11, 20, 12, 0));
    vi.advanceTimersByTime(30 * MAX_WAIT_MS);
    expect(vi.getTimerCount()).toBe(1);
  });
});
