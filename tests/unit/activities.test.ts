import { describe, expect, it } from 'vitest';
import {
  ACTIVITIES,
  ACTIVITY_GROUP_IDS,
  ACTIVITY_GROUPS,
  activityById,
  isLateNight,
  pickActivity,
  type Activity,
} from '../../lib/activities';

const ALL_IDS = ACTIVITIES.map((activity) => activity.id);
const isQuiet = (activity: Activity): boolean => activity.group === 'calm' || activity.group === 'reflect';

/** A small seeded generator (xorshift32) so the statistical checks are repeatable. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

describe('the library', () => {
  it('has at least 36 activities', () => {
    expect(ACTIVITIES.length).toBeGreaterThanOrEqual(36);
  });

  it('has unique ids', () => {
    expect(new Set(ALL_IDS).size).toBe(ALL_IDS.length);
  });

  it('labels exactly the six groups', () => {
    expect(Object.keys(ACTIVITY_GROUPS).sort()).toEqual([...ACTIVITY_GROUP_IDS].sort());
    expect([...ACTIVITY_GROUP_IDS].sort()).toEqual(['calm', 'connect', 'create', 'learn', 'move', 'reflect']);
  });

  it.each(ACTIVITY_GROUP_IDS.map((group) => [group]))('group %s has a label and at least 5 activities', (group) => {
    expect(ACTIVITY_GROUPS[group].label.trim()).not.toBe('');
    expect(ACTIVITIES.filter((activity) => activity.group === group).length).toBeGreaterThanOrEqual(5);
  });

  it.each(ACTIVITIES.map((activity) => [activity.id, activity] as const))('%s is well formed', (id, activity) => {
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ACTIVITY_GROUP_IDS).toContain(activity.group);
    expect(activity.title).toMatch(/^[A-Z0-9]/);
    expect(activity.title).not.toMatch(/[.!?\s]$/);
    expect(activity.title.length).toBeLessThanOrEqual(64);
    expect(activity.detail).toMatch(/^[A-Z]/);
    expect(activity.detail).toMatch(/[a-z”)]\.$/);
    // One sentence: no full stop followed by another sentence inside it.
    expect(activity.detail.slice(0, -1)).not.toMatch(/[.!?]\s/);
    expect(activity.detail.length).toBeLessThanOrEqual(140);
  });

  // Warm and practical: no shoulds, no therapy-speak, nothing that costs money or needs a gym.
  it.each([
    /\bshould\b/i,
    /\bmust\b/i,
    /\bheal(ing)?\b/i,
    /\btrauma/i,
    /\btoxic\b/i,
    /self-care/i,
    /\bprocess(ing)? your/i,
    /\bboundar/i,
    /\bgym\b/i,
    /\b(buy|purchase|spend|shop|pay|book a|order (in|online))\b/i,
    /\b(café|cafe|restaurant|class|subscription|membership)\b/i,
    /[$€£]/,
    /\bex\b/i,
    /\b(weak|pathetic|failure)\b/i,
  ])('no text matches %s', (pattern) => {
    const offenders = ACTIVITIES.filter((activity) => pattern.test(`${activity.title} ${activity.detail}`));
    expect(offenders.map((activity) => activity.id)).toEqual([]);
  });

  it.each([
    ['a 20-minute walk', (a: Activity) => a.id === 'walk-20' && a.group === 'move' && /20-minute walk/i.test(a.title)],
    ['text a friend not seen in a while', (a: Activity) => /text a friend/i.test(a.title) && /in a while/i.test(a.title)],
    ['cook something new', (a: Activity) => /cook something new/i.test(a.title)],
    ['three things that did not work', (a: Activity) => /three things that didn’t work in the relationship/i.test(a.title)],
    ['put the reminders out of sight', (a: Activity) => /reminders/i.test(a.title) && /photos/i.test(a.detail) && /gifts/i.test(a.detail)],
    ['90 seconds of slow breathing', (a: Activity) => /breathe slowly/i.test(a.title) && /90 seconds/i.test(a.title)],
  ])('includes %s', (_name, matches) => {
    expect(ACTIVITIES.filter(matches)).toHaveLength(1);
  });
});

describe('activityById', () => {
  it.each(ACTIVITIES.map((activity) => [activity.id, activity] as const))('finds %s', (id, activity) => {
    expect(activityById(id)).toBe(activity);
  });

  it.each([[''], ['walk'], ['WALK-20'], ['no-such-activity'], ['walk-20 ']])('returns undefined for %j', (id) => {
    expect(activityById(id)).toBeUndefined();
  });
});

describe('isLateNight', () => {
  it.each([
    [21, false],
    [22, true],
    [23, true],
    [0, true],
    [3, true],
    [5, true],
    [6, false],
    [12, false],
    [18, false],
  ])('%i:00 → %s', (hour, late) => {
    expect(isLateNight(hour)).toBe(late);
  });
});

describe('pickActivity', () => {
  const RANDOMS = [0, 0.0001, 0.25, 0.5, 0.75, 0.9999];
  const HOURS = [undefined, 3, 14, 23];

  it.each(RANDOMS.flatMap((r) => HOURS.map((hour) => [r, hour] as const)))('random %f, hour %s → a library activity', (r, hour) => {
    const picked = pickActivity({ random: () => r, hour });
    expect(ACTIVITIES).toContain(picked);
  });

  it('spans the library from random 0 to 0.9999', () => {
    const low = pickActivity({ random: () => 0 });
    const high = pickActivity({ random: () => 0.9999 });
    expect(low).not.toBe(high);
  });

  it('copes with a generator that returns exactly 1 or NaN', () => {
    expect(ACTIVITIES).toContain(pickActivity({ random: () => 1 }));
    expect(ACTIVITIES).toContain(pickActivity({ random: () => Number.NaN }));
  });

  it.each(ALL_IDS.map((id) => [id]))('never returns the excluded %s', (excludeId) => {
    for (const r of RANDOMS) {
      for (const hour of HOURS) {
        expect(pickActivity({ excludeId, random: () => r, hour }).id).not.toBe(excludeId);
      }
    }
  });

  it.each([
    ['move'],
    ['calm'],
  ])('avoids everything done recently, leaving only three %s activities', (group) => {
    const fresh = ACTIVITIES.filter((activity) => activity.group === group).slice(0, 3).map((activity) => activity.id);
    const recentIds = ALL_IDS.filter((id) => !fresh.includes(id));
    const seen = new Set<string>();
    const random = seeded(7);
    for (let i = 0; i < 300; i++) {
      const picked = pickActivity({ recentIds, random, hour: i % 24 });
      expect(fresh).toContain(picked.id);
      seen.add(picked.id);
    }
    expect([...seen].sort()).toEqual([...fresh].sort());
  });

  it('skips both the excluded and the recent ones together', () => {
    const [keepA, keepB, excludeId] = ALL_IDS as [string, string, string];
    const recentIds = ALL_IDS.filter((id) => id !== keepA && id !== keepB && id !== excludeId);
    const random = seeded(11);
    for (let i = 0; i < 200; i++) {
      expect([keepA, keepB]).toContain(pickActivity({ excludeId, recentIds, random }).id);
    }
  });

  it('when the only fresh activity is the excluded one, falls back to the recent ones but still excludes it', () => {
    const [excludeId] = ALL_IDS as [string];
    const recentIds = ALL_IDS.slice(1);
    const random = seeded(3);
    for (let i = 0; i < 200; i++) {
      const picked = pickActivity({ excludeId, recentIds, random });
      expect(picked.id).not.toBe(excludeId);
      expect(ACTIVITIES).toContain(picked);
    }
  });

  it('when everything was done recently, prefers the ones done fewest times', () => {
    const leastDone = ['walk-20', 'breathe-90', 'cook-something-new'];
    const recentIds = [...ALL_IDS, ...ALL_IDS.filter((id) => !leastDone.includes(id))];
    const random = seeded(5);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const picked = pickActivity({ recentIds, random, hour: 23 });
      expect(leastDone).toContain(picked.id);
      seen.add(picked.id);
    }
    expect(seen.size).toBe(leastDone.length);
  });

  it('ignores unknown ids in excludeId and recentIds', () => {
    const random = seeded(9);
    for (let i = 0; i < 100; i++) {
      expect(ACTIVITIES).toContain(pickActivity({ excludeId: 'gone', recentIds: ['old-id', 'gone'], random }));
    }
  });

  it('reaches every activity over many daytime picks', () => {
    const random = seeded(2024);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(pickActivity({ random, hour: 14 }).id);
    expect(seen.size).toBe(ACTIVITIES.length);
  });

  describe('late-night preference (seeded, 6000 picks per hour)', () => {
    const baseShare = ACTIVITIES.filter(isQuiet).length / ACTIVITIES.length;

    function quietShare(hour: number | undefined, seed: number): number {
      const random = seeded(seed);
      let quiet = 0;
      const picks = 6000;
      for (let i = 0; i < picks; i++) if (isQuiet(pickActivity({ random, hour }))) quiet++;
      return quiet / picks;
    }

    it.each([
      [22, true],
      [23, true],
      [0, true],
      [2, true],
      [5, true],
      [6, false],
      [9, false],
      [14, false],
      [21, false],
      [undefined, false],
    ])('hour %s: calm/reflect preferred = %s', (hour, preferred) => {
      const share = quietShare(hour, 1000 + (hour ?? 99));
      if (preferred) {
        expect(share).toBeGreaterThan(baseShare + 0.2);
        // A preference, not a rule: other groups still come up at night.
        expect(share).toBeLessThan(0.9);
      } else {
        expect(Math.abs(share - baseShare)).toBeLessThan(0.04);
      }
    });

    it('still honours recentIds at night: with calm and reflect all done, suggests the others', () => {
      const recentIds = ACTIVITIES.filter(isQuiet).map((activity) => activity.id);
      const random = seeded(77);
      for (let i = 0; i < 300; i++) expect(isQuiet(pickActivity({ recentIds, random, hour: 23 }))).toBe(false);
    });
  });
});
