import { getSetting, putSetting, recentActivityIds, recordActivityDone, type CleanBreakDb } from '../db';
import { activityById, pickActivity, type Activity } from './index';

const SUGGESTION_KEY = 'suggestedActivity';

/** The suggestion stays the same between openings until the user asks for another or does it. */
export async function currentSuggestion(db: CleanBreakDb, now: Date): Promise<Activity> {
  const storedId = await getSetting<string>(db, SUGGESTION_KEY);
  const stored = storedId === undefined ? undefined : activityById(storedId);
  return stored ?? nextSuggestion(db, now);
}

export async function nextSuggestion(db: CleanBreakDb, now: Date, excludeId?: string): Promise<Activity> {
  const activity = pickActivity({
    excludeId,
    recentIds: await recentActivityIds(db, now.getTime()),
    random: Math.random,
    hour: now.getHours(),
  });
  await putSetting(db, SUGGESTION_KEY, activity.id);
  return activity;
}

export async function markSuggestionDone(db: CleanBreakDb, activity: Activity, now: Date): Promise<Activity> {
  await recordActivityDone(db, activity.id, now.getTime());
  return nextSuggestion(db, now, activity.id);
}
