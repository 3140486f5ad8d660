import { describe, expect, it } from 'vitest';
import { labelledBars } from '@/entrypoints/options/progress/ticks';

/** `count` bars, every `every`th labelled counting back from the last, as Progress labels its days. */
const bars = (count: number, every: number) =>
  Array.from({ length: count }, (_, index) => ({ tick: (count - 1 - index) % every === 0 ? `bar ${index}` : undefined }));

describe('axis labels on a narrow chart', () => {
  it('keeps every label the caller gave where they have room', () => {
    // 30 days on a wide chart (598 px of plot): a label every 7 days is 140 px apart.
    expect([...labelledBars(bars(30, 7), 598 / 30)].sort((a, b) => a - b)).toEqual([1, 8, 15, 22, 29]);
  });

  it('keeps every second or fourth one, always today’s, where they would touch', () => {
    // 90 days in a 360 px window (318 px of plot): 14 days is 49 px, enough; 24 hours every 3 is 40 px, not.
    expect([...labelledBars(bars(90, 14), 318 / 90)].sort((a, b) => a - b)).toEqual([5, 19, 33, 47, 61, 75, 89]);
    expect([...labelledBars(bars(24, 3), 318 / 24)].sort((a, b) => a - b)).toEqual([5, 11, 17, 23]);
    expect([...labelledBars(bars(24, 3), 100 / 24)].sort((a, b) => a - b)).toEqual([11, 23]);
  });

  it('keeps a lone label, and labels nothing the caller did not', () => {
    expect([...labelledBars(bars(5, 10), 1)]).toEqual([4]);
    expect(labelledBars([{}, {}, {}], 100).size).toBe(0);
  });
});
