/** Milestone notifications, checked by the worker on start-up and at its midnight alarm. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { getSetting, listPeople, putSetting, slipTimes, type CleanBreakDb } from '../db';
import { formatNumber } from '../i18n/format';
import { summarize } from '../streak';
import { milestoneToAnnounce, recordAnnounced, type Announced } from './moments';

export const NOTIFY_MILESTONES_KEY = 'milestone-notifications';
const ANNOUNCED_KEY = 'milestones-announced';
const ICON = 'icon-128.png';

/** No name in it: a notification can show on a locked screen, to anyone nearby. */
export function milestoneMessage(milestone: number, goalDays: number): { title: string; message: string } {
  const weeks = milestone / 7;
  const span =
    milestone % 7 === 0 && milestone <= 28
      ? i18n.t('lib.insights.milestone.weeks', weeks, [formatNumber(weeks)])
      : i18n.t('streak.days', milestone, [formatNumber(milestone)]);
  return milestone === goalDays
    ? {
        title: i18n.t('lib.insights.milestone.goalTitle', [formatNumber(milestone)]),
        message: i18n.t('lib.insights.milestone.goalMessage'),
      }
    : { title: i18n.t('lib.insights.milestone.title', [span]), message: i18n.t('lib.insights.milestone.message') };
}

async function mayNotify(db: CleanBreakDb): Promise<boolean> {
  if ((await getSetting<boolean>(db, NOTIFY_MILESTONES_KEY)) !== true) return false;
  return browser.permissions.contains({ permissions: ['notifications'] });
}

/**
 * Notifies once per milestone of each person's current streak. What was announced is stored
 * per person with the streak's start, so a slip (a new start) lets the milestones come again.
 * Returns the milestones notified, for tests.
 */
export async function announceMilestones(db: CleanBreakDb, now: Date): Promise<number[]> {
  if (!(await mayNotify(db))) return [];
  const announced = (await getSetting<Record<string, Announced>>(db, ANNOUNCED_KEY)) ?? {};
  const notified: number[] = [];
  for (const person of await listPeople(db)) {
    if (person.id === undefined) continue;
    const streak = summarize({ noContactSince: person.noContactSince, slips: await slipTimes(db, person.id), goalDays: person.goalDays, now });
    const milestone = milestoneToAnnounce(streak.current, person.goalDays, streak.start, announced[person.id]);
    if (milestone === null) continue;
    // Stored first: a notice shown twice would be worse than one lost to a crash.
    announced[person.id] = recordAnnounced(announced[person.id], streak.start, milestone);
    await putSetting(db, ANNOUNCED_KEY, announced);
    await browser.notifications.create(`milestone-${person.id}-${streak.start}-${milestone}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(`/${ICON}`),
      ...milestoneMessage(milestone, person.goalDays),
    });
    notified.push(milestone);
  }
  return notified;
}
