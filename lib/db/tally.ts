import type { Table } from 'dexie';
import type { Outcome, Urge } from '../model';

/**
 * Urges per outcome and UTC hour, kept beside the urges. IndexedDB counts a range by walking
 * every entry in it (about 3 µs each in Chromium), so the popup's "this week" grew with a busy
 * history; from the tally a week is at most 168 rows. Hours rather than local days keep every
 * count exact when the time zone or the clocks change.
 */
export const HOUR_MS = 3_600_000;

export interface UrgeTallyRow {
  outcome: Outcome;
  /** Whole hours since the epoch. */
  hour: number;
  count: number;
}

export type UrgeTallyTable = Table<UrgeTallyRow, [Outcome, number]>;

type Tallied = Pick<Urge, 'outcome' | 'at'>;

const hourOf = (at: number): number => Math.floor(at / HOUR_MS);

/** The tally rows of a list of urges. */
export function tallyOf(urges: Iterable<Tallied>): UrgeTallyRow[] {
  const rows = new Map<string, UrgeTallyRow>();
  for (const { outcome, at } of urges) {
    const hour = hourOf(at);
    const key = `${outcome} ${hour}`;
    const row = rows.get(key);
    if (row) row.count += 1;
    else rows.set(key, { outcome, hour, count: 1 });
  }
  return [...rows.values()];
}

/** Counts urges into (+1) or out of (-1) the tally; inside the transaction that writes them. */
export async function tallyUrges(tally: UrgeTallyTable, urges: Iterable<Tallied>, sign: 1 | -1): Promise<void> {
  const rows = tallyOf(urges);
  const here = await tally.bulkGet(rows.map(({ outcome, hour }) => [outcome, hour]));
  const counted = rows.map((row, index) => ({ ...row, count: (here[index]?.count ?? 0) + sign * row.count }));
  await tally.bulkPut(counted.filter((row) => row.count > 0));
  await tally.bulkDelete(counted.filter((row) => row.count <= 0).map(({ outcome, hour }): [Outcome, number] => [outcome, hour]));
}
