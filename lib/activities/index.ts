import { i18n } from '#i18n';

/**
 * Built-in things to do instead of checking on them. Free, at home or nearby, no equipment.
 * Their words come from `_locales` once, when this module loads: the browser language does not change while it runs.
 */

export const ACTIVITY_GROUP_IDS = ['move', 'connect', 'create', 'learn', 'reflect', 'calm'] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUP_IDS)[number];

export const ACTIVITY_GROUPS: Readonly<Record<ActivityGroup, { label: string }>> = {
  move: { label: i18n.t('lib.activities.group.move') },
  connect: { label: i18n.t('lib.activities.group.connect') },
  create: { label: i18n.t('lib.activities.group.create') },
  learn: { label: i18n.t('lib.activities.group.learn') },
  reflect: { label: i18n.t('lib.activities.group.reflect') },
  calm: { label: i18n.t('lib.activities.group.calm') },
};

export interface Activity {
  /** Stable kebab-case id; stored in the activity log, so never rename one. */
  id: string;
  group: ActivityGroup;
  /** Short and imperative. */
  title: string;
  /** One kind, concrete sentence. */
  detail: string;
}

export const ACTIVITIES: readonly Activity[] = [
  // move
  {
    id: 'walk-20',
    group: 'move',
    title: i18n.t('lib.activities.walk20.title'),
    detail: i18n.t('lib.activities.walk20.detail'),
  },
  {
    id: 'stretch-10',
    group: 'move',
    title: i18n.t('lib.activities.stretch10.title'),
    detail: i18n.t('lib.activities.stretch10.detail'),
  },
  {
    id: 'dance-three-songs',
    group: 'move',
    title: i18n.t('lib.activities.danceThreeSongs.title'),
    detail: i18n.t('lib.activities.danceThreeSongs.detail'),
  },
  {
    id: 'bodyweight-set',
    group: 'move',
    title: i18n.t('lib.activities.bodyweightSet.title'),
    detail: i18n.t('lib.activities.bodyweightSet.detail'),
  },
  {
    id: 'tidy-sprint',
    group: 'move',
    title: i18n.t('lib.activities.tidySprint.title'),
    detail: i18n.t('lib.activities.tidySprint.detail'),
  },
  {
    id: 'stairs-5',
    group: 'move',
    title: i18n.t('lib.activities.stairs5.title'),
    detail: i18n.t('lib.activities.stairs5.detail'),
  },
  {
    id: 'step-outside',
    group: 'move',
    title: i18n.t('lib.activities.stepOutside.title'),
    detail: i18n.t('lib.activities.stepOutside.detail'),
  },

  // connect
  {
    id: 'text-old-friend',
    group: 'connect',
    title: i18n.t('lib.activities.textOldFriend.title'),
    detail: i18n.t('lib.activities.textOldFriend.detail'),
  },
  {
    id: 'call-family',
    group: 'connect',
    title: i18n.t('lib.activities.callFamily.title'),
    detail: i18n.t('lib.activities.callFamily.detail'),
  },
  {
    id: 'make-a-plan',
    group: 'connect',
    title: i18n.t('lib.activities.makeAPlan.title'),
    detail: i18n.t('lib.activities.makeAPlan.detail'),
  },
  {
    id: 'voice-note',
    group: 'connect',
    title: i18n.t('lib.activities.voiceNote.title'),
    detail: i18n.t('lib.activities.voiceNote.detail'),
  },
  {
    id: 'answer-a-message',
    group: 'connect',
    title: i18n.t('lib.activities.answerAMessage.title'),
    detail: i18n.t('lib.activities.answerAMessage.detail'),
  },
  {
    id: 'thank-someone',
    group: 'connect',
    title: i18n.t('lib.activities.thankSomeone.title'),
    detail: i18n.t('lib.activities.thankSomeone.detail'),
  },
  {
    id: 'check-on-someone',
    group: 'connect',
    title: i18n.t('lib.activities.checkOnSomeone.title'),
    detail: i18n.t('lib.activities.checkOnSomeone.detail'),
  },

  // create
  {
    id: 'cook-something-new',
    group: 'create',
    title: i18n.t('lib.activities.cookSomethingNew.title'),
    detail: i18n.t('lib.activities.cookSomethingNew.detail'),
  },
  {
    id: 'sketch-10',
    group: 'create',
    title: i18n.t('lib.activities.sketch10.title'),
    detail: i18n.t('lib.activities.sketch10.detail'),
  },
  {
    id: 'new-playlist',
    group: 'create',
    title: i18n.t('lib.activities.newPlaylist.title'),
    detail: i18n.t('lib.activities.newPlaylist.detail'),
  },
  {
    id: 'write-a-page',
    group: 'create',
    title: i18n.t('lib.activities.writeAPage.title'),
    detail: i18n.t('lib.activities.writeAPage.detail'),
  },
  {
    id: 'rearrange-a-corner',
    group: 'create',
    title: i18n.t('lib.activities.rearrangeACorner.title'),
    detail: i18n.t('lib.activities.rearrangeACorner.detail'),
  },
  {
    id: 'five-photos',
    group: 'create',
    title: i18n.t('lib.activities.fivePhotos.title'),
    detail: i18n.t('lib.activities.fivePhotos.detail'),
  },
  {
    id: 'mend-something',
    group: 'create',
    title: i18n.t('lib.activities.mendSomething.title'),
    detail: i18n.t('lib.activities.mendSomething.detail'),
  },

  // learn
  {
    id: 'ten-words',
    group: 'learn',
    title: i18n.t('lib.activities.tenWords.title'),
    detail: i18n.t('lib.activities.tenWords.detail'),
  },
  {
    id: 'random-talk',
    group: 'learn',
    title: i18n.t('lib.activities.randomTalk.title'),
    detail: i18n.t('lib.activities.randomTalk.detail'),
  },
  {
    id: 'read-a-chapter',
    group: 'learn',
    title: i18n.t('lib.activities.readAChapter.title'),
    detail: i18n.t('lib.activities.readAChapter.detail'),
  },
  {
    id: 'small-skill',
    group: 'learn',
    title: i18n.t('lib.activities.smallSkill.title'),
    detail: i18n.t('lib.activities.smallSkill.detail'),
  },
  {
    id: 'pin-on-the-map',
    group: 'learn',
    title: i18n.t('lib.activities.pinOnTheMap.title'),
    detail: i18n.t('lib.activities.pinOnTheMap.detail'),
  },
  {
    id: 'learn-a-song',
    group: 'learn',
    title: i18n.t('lib.activities.learnASong.title'),
    detail: i18n.t('lib.activities.learnASong.detail'),
  },
  {
    id: 'name-three-trees',
    group: 'learn',
    title: i18n.t('lib.activities.nameThreeTrees.title'),
    detail: i18n.t('lib.activities.nameThreeTrees.detail'),
  },

  // reflect
  {
    id: 'three-things-didnt-work',
    group: 'reflect',
    title: i18n.t('lib.activities.threeThingsDidntWork.title'),
    detail: i18n.t('lib.activities.threeThingsDidntWork.detail'),
  },
  {
    id: 'put-away-reminders',
    group: 'reflect',
    title: i18n.t('lib.activities.putAwayReminders.title'),
    detail: i18n.t('lib.activities.putAwayReminders.detail'),
  },
  {
    id: 'three-good-things',
    group: 'reflect',
    title: i18n.t('lib.activities.threeGoodThings.title'),
    detail: i18n.t('lib.activities.threeGoodThings.detail'),
  },
  {
    id: 'five-for-me',
    group: 'reflect',
    title: i18n.t('lib.activities.fiveForMe.title'),
    detail: i18n.t('lib.activities.fiveForMe.detail'),
  },
  {
    id: 'pick-something-back-up',
    group: 'reflect',
    title: i18n.t('lib.activities.pickSomethingBackUp.title'),
    detail: i18n.t('lib.activities.pickSomethingBackUp.detail'),
  },
  {
    id: 'how-far-youve-come',
    group: 'reflect',
    title: i18n.t('lib.activities.howFarYouveCome.title'),
    detail: i18n.t('lib.activities.howFarYouveCome.detail'),
  },
  {
    id: 'what-brought-this-on',
    group: 'reflect',
    title: i18n.t('lib.activities.whatBroughtThisOn.title'),
    detail: i18n.t('lib.activities.whatBroughtThisOn.detail'),
  },
  {
    id: 'note-to-future-you',
    group: 'reflect',
    title: i18n.t('lib.activities.noteToFutureYou.title'),
    detail: i18n.t('lib.activities.noteToFutureYou.detail'),
  },

  // calm
  {
    id: 'breathe-90',
    group: 'calm',
    title: i18n.t('lib.activities.breathe90.title'),
    detail: i18n.t('lib.activities.breathe90.detail'),
  },
  {
    id: 'warm-shower',
    group: 'calm',
    title: i18n.t('lib.activities.warmShower.title'),
    detail: i18n.t('lib.activities.warmShower.detail'),
  },
  {
    id: 'hot-drink',
    group: 'calm',
    title: i18n.t('lib.activities.hotDrink.title'),
    detail: i18n.t('lib.activities.hotDrink.detail'),
  },
  {
    id: 'five-things-you-see',
    group: 'calm',
    title: i18n.t('lib.activities.fiveThingsYouSee.title'),
    detail: i18n.t('lib.activities.fiveThingsYouSee.detail'),
  },
  {
    id: 'lie-down-and-listen',
    group: 'calm',
    title: i18n.t('lib.activities.lieDownAndListen.title'),
    detail: i18n.t('lib.activities.lieDownAndListen.detail'),
  },
  {
    id: 'window-5',
    group: 'calm',
    title: i18n.t('lib.activities.window5.title'),
    detail: i18n.t('lib.activities.window5.detail'),
  },
  {
    id: 'tense-and-release',
    group: 'calm',
    title: i18n.t('lib.activities.tenseAndRelease.title'),
    detail: i18n.t('lib.activities.tenseAndRelease.detail'),
  },
  {
    id: 'early-night',
    group: 'calm',
    title: i18n.t('lib.activities.earlyNight.title'),
    detail: i18n.t('lib.activities.earlyNight.detail'),
  },
];

const BY_ID = new Map(ACTIVITIES.map((activity) => [activity.id, activity]));

export function activityById(id: string): Activity | undefined {
  return BY_ID.get(id);
}

/** 22:00–05:59 local. */
export function isLateNight(hour: number): boolean {
  return hour >= 22 || hour < 6;
}

const LATE_NIGHT_GROUPS: ReadonlySet<ActivityGroup> = new Set(['calm', 'reflect']);
/** Late at night, calm and reflect activities are this many times as likely as the rest. */
const LATE_NIGHT_WEIGHT = 4;

export interface PickOptions {
  /** Never returned, e.g. the suggestion the user just asked to replace. */
  excludeId?: string;
  /** Ids done recently, one entry per time done. */
  recentIds?: string[];
  /** Returns a number in [0, 1), like Math.random. */
  random: () => number;
  /** Local hour 0–23; omit for no time-of-day preference. */
  hour?: number;
}

export function pickActivity({ excludeId, recentIds = [], random, hour }: PickOptions): Activity {
  const allowed = ACTIVITIES.filter((activity) => activity.id !== excludeId);
  const pool = leastDone(allowed.length > 0 ? allowed : ACTIVITIES, recentIds);
  const lateNight = hour !== undefined && isLateNight(hour);
  const weights = pool.map((activity) => (lateNight && LATE_NIGHT_GROUPS.has(activity.group) ? LATE_NIGHT_WEIGHT : 1));
  return weightedPick(pool, weights, random());
}

/**
 * The candidates done the fewest times recently: normally everything not done lately,
 * and when everything was done lately, the ones repeated least.
 */
function leastDone(candidates: readonly Activity[], recentIds: readonly string[]): Activity[] {
  const timesDone = new Map<string, number>();
  for (const id of recentIds) timesDone.set(id, (timesDone.get(id) ?? 0) + 1);
  const count = (activity: Activity): number => timesDone.get(activity.id) ?? 0;
  const fewest = Math.min(...candidates.map(count));
  return candidates.filter((activity) => count(activity) === fewest);
}

function weightedPick<T>(items: readonly T[], weights: readonly number[], r: number): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = Math.min(Math.max(r, 0), 1) * total;
  for (let i = 0; i < items.length - 1; i++) {
    remaining -= weights[i]!;
    if (remaining < 0) return items[i]!;
  }
  // The last item also catches r = 1, rounding at the top end, and NaN.
  return items[items.length - 1]!;
}
