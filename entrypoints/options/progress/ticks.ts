/** Axis labels closer than this (CSS pixels, centre to centre) would run into each other. */
const MIN_TICK_GAP = 48;

/**
 * Which bars keep their axis label, given each bar's width in CSS pixels: the ones the caller
 * labelled, counted back from the last (today, this week), and only every second, fourth… of
 * them where the chart is too narrow for them all.
 */
export function labelledBars(bars: readonly { tick?: string }[], slot: number): Set<number> {
  const ticked = bars.flatMap((bar, index) => (bar.tick ? [index] : [])).reverse();
  if (ticked.length < 2) return new Set(ticked);
  const gap = ticked[0]! - ticked[1]!;
  let every = 1;
  while (gap * every * slot < MIN_TICK_GAP && every < ticked.length) every *= 2;
  return new Set(ticked.filter((_, position) => position % every === 0));
}
