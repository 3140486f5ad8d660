import { describe, expect, it } from 'vitest';
import { median, medianInterval, verdictAtMost } from '../bench/stats';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('medianInterval', () => {
  it('has no 95% interval from five values: even the widest covers only 93.75%', () => {
    expect(medianInterval([1, 2, 3, 4, 5])).toBeNull();
    expect(medianInterval([1, 2, 3, 4, 5], 0.9)).toEqual({ low: 1, high: 5, coverage: 1 - 2 / 32 });
  });

  it('takes the second smallest and second largest of nine values (96.1%)', () => {
    const interval = medianInterval([0.138, -0.068, 0.028, 0.053, 0.01, -0.008, 0.031, 0.039, -0.055]);
    expect(interval?.low).toBe(-0.055);
    expect(interval?.high).toBe(0.053);
    expect(interval?.coverage).toBeCloseTo(1 - (2 * 10) / 512, 10);
  });

  it('narrows as rounds are added: the 8th smallest and 8th largest of 25 values (95.7%)', () => {
    const values = Array.from({ length: 25 }, (_, index) => index);
    const interval = medianInterval(values.reverse());
    expect(interval).toMatchObject({ low: 7, high: 17 });
    expect(interval?.coverage).toBeGreaterThanOrEqual(0.95);
    expect(interval?.coverage).toBeLessThan(0.96);
  });

  it('covers the true median about as often as it says, on noise with a known median', () => {
    // A fixed linear congruential sequence: the check is reproducible, not flaky.
    let seed = 12345;
    const uniform = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    let covered = 0;
    const trials = 2000;
    for (let trial = 0; trial < trials; trial += 1) {
      const values = Array.from({ length: 15 }, () => uniform() ** 3); // skewed, median 0.125
      const interval = medianInterval(values)!;
      if (interval.low <= 0.125 && 0.125 <= interval.high) covered += 1;
    }
    expect(covered / trials).toBeGreaterThan(0.94);
    expect(covered / trials).toBeLessThan(0.99);
  });
});

describe('verdictAtMost', () => {
  const interval = (low: number, high: number) => ({ low, high, coverage: 0.96 });

  it('is met only when the whole interval is within the limit', () => {
    expect(verdictAtMost(interval(-0.02, 0.029), 0.03)).toBe('met');
    expect(verdictAtMost(interval(-0.02, 0.031), 0.03)).toBe('not decided');
  });

  it('is missed only when none of the interval is within the limit', () => {
    expect(verdictAtMost(interval(0.031, 0.2), 0.03)).toBe('missed');
    expect(verdictAtMost(interval(0.03, 0.2), 0.03)).toBe('not decided');
  });

  it('is not decided without an interval', () => {
    expect(verdictAtMost(null, 0.03)).toBe('not decided');
  });
});
