import { describe, expect, it } from 'vitest';
import { middayZone } from '../e2e/midday-zone';

describe('middayZone', () => {
  it.each(Array.from({ length: 24 }, (_, hour) => hour))('puts %i:30 UTC at 12:30 local time', (utcHour) => {
    const now = new Date(Date.UTC(2026, 11, 5, utcHour, 30));
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: middayZone(now), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
    expect(local).toBe('12:30');
  });
});
