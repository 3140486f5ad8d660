import { browser } from 'wxt/browser';
import { listPeople, slipTimes, type CleanBreakDb } from '../db';
import { currentStreak, nextLocalMidnight } from '../streak';

export const MIDNIGHT_ALARM = 'local-midnight';
const HOUR_MS = 3_600_000;

/** The badge shows the first person's streak in days; empty when nobody is set up. */
export async function badgeText(db: CleanBreakDb, now: Date): Promise<string> {
  const [person] = await listPeople(db);
  if (person?.id === undefined) return '';
  const days = currentStreak({ noContactSince: person.noContactSince, slips: await slipTimes(db, person.id), now });
  return String(days);
}

/** Repaints the badge and re-arms the alarm for the next local midnight. */
export async function refreshBadge(db: CleanBreakDb, now = new Date()): Promise<string> {
  const text = await badgeText(db, now);
  await Promise.all([
    browser.action.setBadgeText({ text }),
    browser.action.setBadgeBackgroundColor({ color: '#3f6f63' }),
    // Hourly at the latest, so a time-zone move or clock change is caught too.
    browser.alarms.create(MIDNIGHT_ALARM, { when: Math.min(nextLocalMidnight(now).getTime(), now.getTime() + HOUR_MS) }),
  ]);
  return text;
}
