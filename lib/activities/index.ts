/** Built-in things to do instead of checking on them. Free, at home or nearby, no equipment. */

export const ACTIVITY_GROUP_IDS = ['move', 'connect', 'create', 'learn', 'reflect', 'calm'] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUP_IDS)[number];

export const ACTIVITY_GROUPS: Readonly<Record<ActivityGroup, { label: string }>> = {
  move: { label: 'Get moving' },
  connect: { label: 'Connect' },
  create: { label: 'Make something' },
  learn: { label: 'Learn something' },
  reflect: { label: 'Reflect' },
  calm: { label: 'Slow down' },
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
    title: 'Take a 20-minute walk',
    detail: 'Keep your phone in your pocket and look for five things on the way you have never noticed before.',
  },
  {
    id: 'stretch-10',
    group: 'move',
    title: 'Stretch for ten minutes',
    detail: 'Neck, shoulders, back and legs, slowly, on the floor if that feels good.',
  },
  {
    id: 'dance-three-songs',
    group: 'move',
    title: 'Dance to three songs',
    detail: 'Pick loud ones, close the door and move however you like until the third one ends.',
  },
  {
    id: 'bodyweight-set',
    group: 'move',
    title: 'Do a quick bodyweight set',
    detail: 'Ten squats, ten push-ups against a wall and a 30-second plank; go round again if you feel like it.',
  },
  {
    id: 'tidy-sprint',
    group: 'move',
    title: 'Tidy one room against the clock',
    detail: 'Set a 15-minute timer and see how much of one room you can put back in order before it rings.',
  },
  {
    id: 'stairs-5',
    group: 'move',
    title: 'Climb some stairs for five minutes',
    detail: 'Any staircase will do; go at a pace that warms you up without wearing you out.',
  },
  {
    id: 'step-outside',
    group: 'move',
    title: 'Step outside for some air',
    detail: 'Five minutes on a doorstep, balcony or street corner, looking at the sky instead of a screen.',
  },

  // connect
  {
    id: 'text-old-friend',
    group: 'connect',
    title: "Text a friend you haven't seen in a while",
    detail: 'Something small is enough: a shared memory, a photo, or just “thought of you today”.',
  },
  {
    id: 'call-family',
    group: 'connect',
    title: 'Call someone in your family',
    detail: 'Ask about their week first and let the conversation go wherever it goes.',
  },
  {
    id: 'make-a-plan',
    group: 'connect',
    title: 'Make a plan with a friend',
    detail: 'Suggest a walk or a film night on a specific day, so the week ahead has something to look forward to.',
  },
  {
    id: 'voice-note',
    group: 'connect',
    title: 'Send a voice note to someone who makes you laugh',
    detail: 'Thirty seconds is plenty; tell them one thing that happened today.',
  },
  {
    id: 'answer-a-message',
    group: 'connect',
    title: "Answer a message you've been putting off",
    detail: 'Pick one that has been waiting and send a short, honest reply.',
  },
  {
    id: 'thank-someone',
    group: 'connect',
    title: 'Thank someone who helped you lately',
    detail: 'Two lines saying what they did and why it mattered will make their day.',
  },
  {
    id: 'check-on-someone',
    group: 'connect',
    title: 'Check in on someone who has gone quiet',
    detail: 'A friend, a cousin or a neighbour you have not heard from in a while would probably love a hello.',
  },

  // create
  {
    id: 'cook-something-new',
    group: 'create',
    title: 'Cook something new',
    detail: "Use what's already in the kitchen and make a dish or combination you have never tried before.",
  },
  {
    id: 'sketch-10',
    group: 'create',
    title: "Draw what's in front of you",
    detail: 'Set a 10-minute timer and sketch whatever is on your table or outside the window; it does not have to be good.',
  },
  {
    id: 'new-playlist',
    group: 'create',
    title: 'Make a playlist just for you',
    detail: 'Fill it with songs that have nothing to do with them, ideally ones you have never shared with anyone.',
  },
  {
    id: 'write-a-page',
    group: 'create',
    title: 'Write one page of anything',
    detail: 'A tiny story, a description of your street or a list of places you want to see: just fill the page.',
  },
  {
    id: 'rearrange-a-corner',
    group: 'create',
    title: 'Rearrange one corner of your home',
    detail: 'Move a chair, clear a shelf or swap the pictures around, so the room feels a little more yours.',
  },
  {
    id: 'five-photos',
    group: 'create',
    title: 'Take five photos of small things',
    detail: 'Look for textures, light and colours close to home, and keep the one you like best.',
  },
  {
    id: 'mend-something',
    group: 'create',
    title: "Fix something you've been meaning to fix",
    detail: 'A loose button, a wobbly shelf or a sticking drawer: finish one small repair today.',
  },

  // learn
  {
    id: 'ten-words',
    group: 'learn',
    title: 'Learn ten words in another language',
    detail: 'Choose a language from a place you would like to visit and say each word out loud a few times.',
  },
  {
    id: 'random-talk',
    group: 'learn',
    title: 'Watch a talk on something new to you',
    detail: 'Pick a topic you know nothing about, like volcanoes or bookbinding, and give it fifteen minutes.',
  },
  {
    id: 'read-a-chapter',
    group: 'learn',
    title: 'Read one chapter of a book',
    detail: 'Any book you have at home or can borrow; read one chapter, then decide whether you want another.',
  },
  {
    id: 'small-skill',
    group: 'learn',
    title: 'Learn a small practical skill',
    detail: 'Tie a new knot, fold a fitted sheet properly or learn a keyboard shortcut you will use every day.',
  },
  {
    id: 'pin-on-the-map',
    group: 'learn',
    title: 'Read about a place you have never been',
    detail: 'Pick a spot on a map at random and find out what people there eat for breakfast.',
  },
  {
    id: 'learn-a-song',
    group: 'learn',
    title: 'Learn the words to a song',
    detail: 'Choose one you like singing along to and get through it once without looking.',
  },
  {
    id: 'name-three-trees',
    group: 'learn',
    title: 'Name three trees or birds near you',
    detail: 'Look up the ones you walk past every day and see how many you can recognise next time.',
  },

  // reflect
  {
    id: 'three-things-didnt-work',
    group: 'reflect',
    title: "Write down three things that didn't work in the relationship",
    detail: 'Be specific and honest, and keep the list where you can read it the next time you feel the pull.',
  },
  {
    id: 'put-away-reminders',
    group: 'reflect',
    title: 'Put the reminders out of sight',
    detail: 'Gather the photos, gifts and other things that bring them to mind into a box, and put it somewhere you rarely go.',
  },
  {
    id: 'three-good-things',
    group: 'reflect',
    title: 'Note three good things from today',
    detail: 'Tiny counts: a good cup of tea, a kind stranger, a song you had forgotten you loved.',
  },
  {
    id: 'five-for-me',
    group: 'reflect',
    title: 'List five things you want to do for yourself',
    detail: 'Keep them small enough that you could start one of them this month.',
  },
  {
    id: 'pick-something-back-up',
    group: 'reflect',
    title: 'Write about something you used to love doing',
    detail: 'A hobby, a place or a friend that slipped away lately; jot down one way to bring it back.',
  },
  {
    id: 'how-far-youve-come',
    group: 'reflect',
    title: "Write down what's easier than on day one",
    detail: 'Even a little easier counts; seeing it on paper makes it harder to forget.',
  },
  {
    id: 'what-brought-this-on',
    group: 'reflect',
    title: 'Write down what brought this moment on',
    detail: 'A time of day, a song, a place: spotting the pattern makes the next one easier to see coming.',
  },
  {
    id: 'note-to-future-you',
    group: 'reflect',
    title: 'Write a note to yourself a month from now',
    detail: 'Say what today was like and what you hope will feel different by then.',
  },

  // calm
  {
    id: 'breathe-90',
    group: 'calm',
    title: 'Breathe slowly for 90 seconds',
    detail: 'In through your nose for a count of four, out through your mouth for six, until the 90 seconds are up.',
  },
  {
    id: 'warm-shower',
    group: 'calm',
    title: 'Take a warm shower',
    detail: 'Let the water run over your shoulders and take your time; nothing else needs doing for ten minutes.',
  },
  {
    id: 'hot-drink',
    group: 'calm',
    title: 'Make a hot drink and drink it slowly',
    detail: 'Tea, cocoa or warm water with lemon, away from your phone until the cup is empty.',
  },
  {
    id: 'five-things-you-see',
    group: 'calm',
    title: 'Name five things you can see',
    detail: 'Then four you can hear and three you can touch, and notice the room you are in.',
  },
  {
    id: 'lie-down-and-listen',
    group: 'calm',
    title: 'Lie down and listen to an album',
    detail: 'Close your eyes and let yourself do nothing else until it ends.',
  },
  {
    id: 'window-5',
    group: 'calm',
    title: 'Look out of a window for five minutes',
    detail: 'Watch the sky, the street or the trees without reaching for anything.',
  },
  {
    id: 'tense-and-release',
    group: 'calm',
    title: 'Tense and relax, one part at a time',
    detail: 'Start with your toes and work up to your face, holding each for five seconds before letting go.',
  },
  {
    id: 'early-night',
    group: 'calm',
    title: 'Get ready for bed a little early',
    detail: 'Dim the lights, leave your phone charging in another room and let today end a bit sooner.',
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
