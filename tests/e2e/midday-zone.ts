/**
 * The e2e and bench runs seed data relative to "now" ("an urge today", "no contact for 12 days")
 * and read it back minutes later. A run that crosses local midnight reads a new day and fails,
 * though the extension is right. So those runs use the fixed-offset zone in which it is about
 * midday now: a run would need twelve hours to reach midnight. Rollover itself is tested on purpose
 * (midnight.e2e.ts, and unit tests for DST and zone changes).
 */
export function middayZone(now = new Date()): string {
  const hoursAhead = 12 - now.getUTCHours();
  // POSIX-style names: Etc/GMT-5 is five hours *ahead* of UTC.
  if (hoursAhead === 0) return 'Etc/GMT';
  return hoursAhead > 0 ? `Etc/GMT-${hoursAhead}` : `Etc/GMT+${-hoursAhead}`;
}
