/**
 * The statistics the benchmark's verdicts rest on. A ratio read from a few rounds on a noisy
 * machine can land either side of a tight target by chance, so the feed's verdict is read from
 * a confidence interval of the median instead of the median alone.
 */

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
function binomialHalfAtMost(n: number, k: number): number {
  let term = 0.5 ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i += 1) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

export interface MedianInterval {
  low: number;
  high: number;
  /** The interval's exact coverage, at least the confidence asked for. */
  coverage: number;
}

/**
 * The distribution-free confidence interval of a median (the sign test's): between the k-th
 * smallest and the k-th largest value, with k as large as the confidence allows. It assumes
 * nothing about the noise's shape, only that the rounds are independent. Null when there are too
 * few values for that confidence (fewer than 6 for 95%).
 */
export function medianInterval(values: number[], confidence = 0.95): MedianInterval | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let best: MedianInterval | null = null;
  for (let k = 1; 2 * k <= n + 1; k += 1) {
    const coverage = 1 - 2 * binomialHalfAtMost(n, k - 1);
    if (coverage < confidence) break;
    best = { low: sorted[k - 1]!, high: sorted[n - k]!, coverage };
  }
  return best;
}

export type Verdict = 'met' | 'missed' | 'not decided';

/** Met when the whole interval is within the limit, missed when none of it is, otherwise not decided. */
export function verdictAtMost(interval: MedianInterval | null, limit: number): Verdict {
  if (!interval) return 'not decided';
  if (interval.high <= limit) return 'met';
  if (interval.low > limit) return 'missed';
  return 'not decided';
}
