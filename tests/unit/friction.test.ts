import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cooldownChangeAllowed,
  cooldownMinutes,
  DEFAULT_LATE_NIGHT,
  goalDate,
  goalRunning,
  inLateNight,
  latestGoalDate,
  lockActive,
  weakeningOf,
  weakens,
  withoutWeakening,
} from '@/lib/friction/rules';
import { friendCodeMatches, hashFriendCode, newFriendCode, normalizeFriendCode } from '@/lib/friction/friend-code';
import { importWeakening } from '@/lib/friction/import-losses';
import { activePauses, pauseEnd, pausedUntil, readPause, withoutPause, withPause } from '@/lib/friction/pause';
import { blockedByLock, describeAction, parseAction } from '@/lib/friction/actions';
import { commitmentTyped, formatRemaining } from '@/lib/friction/commitment';
import { FRICTION_KEY, readFriction, saveProtectionPause } from '@/lib/friction/store';
import { openDb } from '@/lib/db';
import { shieldHello } from '@/lib/shield/hello';
import type { Person } from '@/lib/model';

const at = (iso: string) => new Date(iso);
const person = (patch: Partial<Person> = {}): Omit<Person, 'id'> => ({
  name: 'Sam',
  noContactSince: '2026-03-01',
  goalDays: 30,
  accounts: [
    { site: 'instagram', handle: 'sam.rivera' },
    { site: 'x', handle: 'samriv' },
  ],
  ...patch,
});

describe('cooldown length', () => {
  it('is the chosen length while a goal runs, and tapers to 1 minute after it unless strict', () => {
    expect(cooldownMinutes({ cooldownMinutes: 10, strictAfterGoal: false }, true)).toBe(10);
    expect(cooldownMinutes({ cooldownMinutes: 30, strictAfterGoal: false }, true)).toBe(30);
    expect(cooldownMinutes({ cooldownMinutes: 30, strictAfterGoal: false }, false)).toBe(1);
    expect(cooldownMinutes({ cooldownMinutes: 30, strictAfterGoal: true }, false)).toBe(30);
  });

  it('never drops below the default, whatever is stored', () => {
    expect(cooldownMinutes({ cooldownMinutes: 0, strictAfterGoal: false }, true)).toBe(10);
    expect(cooldownMinutes({ cooldownMinutes: -5, strictAfterGoal: true }, false)).toBe(10);
    expect(cooldownMinutes({ cooldownMinutes: 10_000, strictAfterGoal: false }, true)).toBe(240);
  });

  it('can only grow while a goal runs', () => {
    expect(cooldownChangeAllowed(15, 20, true)).toBe(true);
    expect(cooldownChangeAllowed(15, 15, true)).toBe(true);
    expect(cooldownChangeAllowed(15, 12, true)).toBe(false);
    expect(cooldownChangeAllowed(15, 12, false)).toBe(true);
    expect(cooldownChangeAllowed(15, 5, false)).toBe(false);
    expect(cooldownChangeAllowed(15, 12.5, false)).toBe(false);
    expect(cooldownChangeAllowed(15, 241, true)).toBe(false);
  });
});

describe('goal and lock dates', () => {
  const now = at('2026-03-20T12:00:00');

  it('dates the goal from the streak start, so a slip moves it later', () => {
    expect(goalDate({ noContactSince: '2026-03-01', goalDays: 30, slips: [] }, now)).toBe('2026-03-31');
    expect(goalDate({ noContactSince: '2026-03-01', goalDays: 30, slips: [at('2026-03-10T20:00:00').getTime()] }, now)).toBe('2026-04-09');
  });

  it('runs until the latest goal date of anyone, and not at all with nobody', () => {
    const people = [
      { noContactSince: '2026-03-01', goalDays: 30, slips: [] },
      { noContactSince: '2026-01-01', goalDays: 21, slips: [] },
    ];
    expect(latestGoalDate(people, now)).toBe('2026-03-31');
    expect(goalRunning(people, now)).toBe(true);
    expect(goalRunning(people, at('2026-03-31T00:00:01'))).toBe(false);
    expect(goalRunning([], now)).toBe(false);
  });

  it('holds the lock up to the day before its date, and ends by itself on the day', () => {
    expect(lockActive('2026-03-31', at('2026-03-30T23:59:59'))).toBe(true);
    expect(lockActive('2026-03-31', at('2026-03-31T00:00:00'))).toBe(false);
    expect(lockActive(null, now)).toBe(false);
  });
});

describe('late-night window', () => {
  const hour = (h: number, m = 0) => new Date(2026, 2, 20, h, m);

  it('wraps over midnight: 22:00 to 06:00 by default', () => {
    expect(inLateNight(DEFAULT_LATE_NIGHT, hour(21, 59))).toBe(false);
    expect(inLateNight(DEFAULT_LATE_NIGHT, hour(22))).toBe(true);
    expect(inLateNight(DEFAULT_LATE_NIGHT, hour(0, 30))).toBe(true);
    expect(inLateNight(DEFAULT_LATE_NIGHT, hour(5, 59))).toBe(true);
    expect(inLateNight(DEFAULT_LATE_NIGHT, hour(6))).toBe(false);
    expect(inLateNight(DEFAULT_LATE_NIGHT, hour(14))).toBe(false);
  });

  it('works within one day, and not at all when off or empty', () => {
    const evening = { enabled: true, startHour: 18, endHour: 23 };
    expect(inLateNight(evening, hour(17))).toBe(false);
    expect(inLateNight(evening, hour(20))).toBe(true);
    expect(inLateNight(evening, hour(23))).toBe(false);
    expect(inLateNight({ ...DEFAULT_LATE_NIGHT, enabled: false }, hour(23))).toBe(false);
    expect(inLateNight({ enabled: true, startHour: 3, endHour: 3 }, hour(3))).toBe(false);
  });
});

describe('friend code', () => {
  it('is 8 readable characters, different each time', () => {
    const codes = new Set(Array.from({ length: 20 }, newFriendCode));
    expect(codes.size).toBe(20);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it('is stored only as a salted hash, and matched without case, spaces or dashes', async () => {
    const stored = await hashFriendCode('K7PM-Q2XD');
    expect(JSON.stringify(stored)).not.toContain('K7PM');
    expect(await friendCodeMatches('k7pm q2xd', stored)).toBe(true);
    expect(await friendCodeMatches('K7PMQ2XD', stored)).toBe(true);
    expect(await friendCodeMatches('K7PM-Q2XE', stored)).toBe(false);
    expect(await friendCodeMatches('', stored)).toBe(false);
    const again = await hashFriendCode('K7PM-Q2XD');
    expect(again.salt).not.toBe(stored.salt);
    expect(again.hash).not.toBe(stored.hash);
    expect(normalizeFriendCode(' ab-cd ')).toBe('ABCD');
  });
});

describe('what weakens protection', () => {
  it('is removing an account, a shorter goal or an earlier start; adding and raising are not', () => {
    const before = person();
    expect(weakens(weakeningOf(before, person({ accounts: [...before.accounts, { site: 'tiktok', handle: 'sam' }], goalDays: 60 })))).toBe(false);
    expect(weakens(weakeningOf(before, person({ name: 'S', noContactSince: '2026-03-05' })))).toBe(false);
    expect(weakeningOf(before, person({ accounts: [before.accounts[1]!] })).removedAccounts).toEqual([before.accounts[0]]);
    expect(weakeningOf(before, person({ goalDays: 21 })).goalDays).toEqual({ from: 30, to: 21 });
    expect(weakeningOf(before, person({ noContactSince: '2026-02-01' })).noContactSince).toEqual({ from: '2026-03-01', to: '2026-02-01' });
    // A handle typed with different case is the same account.
    expect(weakens(weakeningOf(before, person({ accounts: [{ site: 'instagram', handle: 'Sam.Rivera' }, before.accounts[1]!] })))).toBe(false);
  });

  it('keeps only the strengthening part of a mixed edit', () => {
    const before = person();
    const after = person({ name: 'Sammy', goalDays: 14, accounts: [{ site: 'tiktok', handle: 'sam' }] });
    expect(withoutWeakening(before, after)).toEqual({ ...before, name: 'Sammy', accounts: [...before.accounts, { site: 'tiktok', handle: 'sam' }] });
  });

  it('spots an import that drops a person, an account or goal days', () => {
    const current = [person()];
    expect(importWeakening(current, [person(), person({ name: 'Jo', accounts: [] })])).toEqual([]);
    expect(importWeakening(current, [person({ name: 'Jo' })])).toEqual(['Sam would no longer be hidden']);
    expect(importWeakening(current, [person({ accounts: [], goalDays: 21 })])).toEqual([
      "2 of Sam’s accounts would no longer be hidden",
      "Sam’s goal date would come sooner",
    ]);
  });
});

describe('actions on the cooldown page', () => {
  it('reads only well-formed actions from the address', () => {
    const raw = (value: unknown) => JSON.stringify(value);
    expect(parseAction(raw({ kind: 'pause', scope: 'instagram', length: 'hour' }))).toEqual({ kind: 'pause', scope: 'instagram', length: 'hour' });
    expect(parseAction(raw({ kind: 'pause', scope: 'myspace', length: 'hour' }))).toBeNull();
    expect(parseAction(raw({ kind: 'pause', scope: 'everywhere', length: 'forever' }))).toBeNull();
    expect(parseAction(raw({ kind: 'remove-person', personId: '1' }))).toBeNull();
    expect(parseAction(raw({ kind: 'edit-person', personId: 2, removeAccounts: [{ site: 'x', handle: 'a', extra: 1 }], goalDays: 0 }))).toBeNull();
    expect(parseAction(raw({ kind: 'edit-person', personId: 2, removeAccounts: [{ site: 'x', handle: 'a', extra: 1 }] }))).toEqual({
      kind: 'edit-person',
      personId: 2,
      removeAccounts: [{ site: 'x', handle: 'a' }],
    });
    expect(parseAction(raw({ kind: 'delete-all', startedAt: 0 }))).toEqual({ kind: 'delete-all' });
    expect(parseAction('not json')).toBeNull();
    expect(parseAction(null)).toBeNull();
  });

  it('says exactly what will happen', () => {
    const sam = { ...person(), id: 1 };
    expect(describeAction({ kind: 'pause', scope: 'everywhere', length: 'hour' }, sam)).toBe('Pause protection everywhere for 1 hour');
    expect(describeAction({ kind: 'pause', scope: 'instagram', length: 'today' }, sam)).toBe('Pause protection on Instagram for the rest of today');
    expect(
      describeAction({ kind: 'edit-person', personId: 1, removeAccounts: [{ site: 'instagram', handle: 'sam.rivera' }], goalDays: 21 }, sam),
    ).toBe("Remove Sam’s Instagram account “sam.rivera” and lower Sam’s goal to 21 days");
  });

  it('are all held by the lock, except no longer asking for the friend code', () => {
    expect(blockedByLock({ kind: 'delete-all' })).toBe(true);
    expect(blockedByLock({ kind: 'pause', scope: 'everywhere', length: 'hour' })).toBe(true);
    expect(blockedByLock({ kind: 'forget-friend-code' })).toBe(false);
  });

  it('go ahead only on the sentence, typed with any case, spacing or accents', () => {
    const english = 'I am making this choice with care.';
    expect(commitmentTyped(english, english)).toBe(true);
    expect(commitmentTyped('  i am making this choice   with care ', english)).toBe(true);
    expect(commitmentTyped('I am making this choice', english)).toBe(false);
    expect(commitmentTyped('tomo esta decision con cuidado', 'Tomo esta decisión con cuidado.')).toBe(true);
    expect(commitmentTyped('tomo esta decisión', 'Tomo esta decisión con cuidado.')).toBe(false);
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(0)).toBe('0:00');
  });
});

describe('pausing', () => {
  const now = at('2026-03-20T22:30:00');

  it('lasts an hour or until local midnight, on one site or everywhere', () => {
    expect(pauseEnd('hour', now)).toBe(now.getTime() + 3_600_000);
    expect(pauseEnd('today', now)).toBe(at('2026-03-21T00:00:00').getTime());
    const pause = withPause({ sites: {} }, 'instagram', now.getTime() + 1000);
    expect(pausedUntil(pause, 'instagram', now.getTime())).toBe(now.getTime() + 1000);
    expect(pausedUntil(pause, 'x', now.getTime())).toBeNull();
    expect(pausedUntil(pause, 'instagram', now.getTime() + 1000)).toBeNull();
    const everywhere = withPause(pause, 'everywhere', now.getTime() + 5000);
    expect(pausedUntil(everywhere, 'x', now.getTime())).toBe(now.getTime() + 5000);
    expect(activePauses(everywhere, now.getTime()).map((active) => active.scope)).toEqual(['everywhere', 'instagram']);
    expect(activePauses(withoutPause(everywhere, 'everywhere'), now.getTime()).map((active) => active.scope)).toEqual(['instagram']);
    expect(activePauses(withoutPause(everywhere, 'instagram'), now.getTime()).map((active) => active.scope)).toEqual(['everywhere']);
  });

  it('treats anything malformed in storage as no pause', () => {
    expect(readPause('soon')).toEqual({ sites: {} });
    expect(readPause({ everywhere: 'tomorrow', sites: { instagram: 5, myspace: 9, x: 'x' } })).toEqual({ sites: { instagram: 5 } });
  });
});

describe('stored friction settings', () => {
  it('fall back to the defaults for anything missing or malformed', async () => {
    expect(await readFriction()).toEqual({
      cooldownMinutes: 10,
      strictAfterGoal: false,
      lockedUntil: null,
      lateNight: { enabled: true, startHour: 22, endHour: 6 },
    });
    await fakeBrowser.storage.local.set({ [FRICTION_KEY]: { cooldownMinutes: '5', lockedUntil: '2026-02-30', lateNight: { startHour: 25, endHour: 7 } } });
    expect(await readFriction()).toEqual({
      cooldownMinutes: 10,
      strictAfterGoal: false,
      lockedUntil: null,
      lateNight: { enabled: true, startHour: 22, endHour: 7 },
    });
  });
});

describe('the shield while paused', () => {
  const sender = { tab: { id: 7 } as never, frameId: 0, url: 'https://www.instagram.com/sam.rivera/' };

  it('hides nothing and shields nothing on a paused site, and logs no urge; elsewhere it shields as ever', async () => {
    const db = openDb(`friction-${Math.random()}`);
    await db.people.add({ ...person(), noContactSince: '2026-01-01' });
    const css: string[] = [];
    fakeBrowser.scripting.insertCSS = vi.fn(async (injection: { css?: string }) => void css.push(injection.css ?? ''));
    const now = Date.now();
    await saveProtectionPause(withPause({ sites: {} }, 'instagram', now + 60_000));

    const paused = await shieldHello(db, sender, now);
    expect(paused).toMatchObject({ site: 'instagram', targets: [], block: null });
    expect(css).toEqual([]);
    expect(await db.urges.count()).toBe(0);

    const later = await shieldHello(db, sender, now + 60_000);
    expect(later.block).toMatchObject({ surface: 'profile' });
    expect(await db.urges.count()).toBe(1);
  });
});
