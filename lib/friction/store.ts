import { browser } from 'wxt/browser';
import { SHIELD_REVISION_KEY } from '../shield/revision';
import { isValidLocalDate } from '../streak';
import { isStoredFriendCode, type StoredFriendCode } from './friend-code';
import { readPause, type ProtectionPause } from './pause';
import { DEFAULT_FRICTION, DEFAULT_LATE_NIGHT, isHour, type FrictionSettings } from './rules';

/**
 * Friction lives in storage.local, not the database: the worker reads the pause on every page
 * load without opening IndexedDB, and a backup import (which replaces the database) cannot
 * switch it off. Every read is defensive: anything malformed falls back to the default.
 */
export const FRICTION_KEY = 'friction';
export const FRIEND_CODE_KEY = 'friendCode';
export const PAUSE_KEY = 'protectionPause';

/** Reads friction settings from anywhere they were kept (storage, sync); anything malformed falls back to the default. */
export function parseFriction(stored: unknown): FrictionSettings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof FrictionSettings, unknown>>;
  const lateNight = (raw.lateNight ?? {}) as Partial<Record<string, unknown>>;
  return {
    cooldownMinutes: Number.isInteger(raw.cooldownMinutes) ? (raw.cooldownMinutes as number) : DEFAULT_FRICTION.cooldownMinutes,
    strictAfterGoal: raw.strictAfterGoal === true,
    lockedUntil: typeof raw.lockedUntil === 'string' && isValidLocalDate(raw.lockedUntil) ? raw.lockedUntil : null,
    lateNight: {
      enabled: typeof lateNight.enabled === 'boolean' ? lateNight.enabled : DEFAULT_LATE_NIGHT.enabled,
      startHour: isHour(lateNight.startHour) ? lateNight.startHour : DEFAULT_LATE_NIGHT.startHour,
      endHour: isHour(lateNight.endHour) ? lateNight.endHour : DEFAULT_LATE_NIGHT.endHour,
    },
  };
}

export async function readFriction(): Promise<FrictionSettings> {
  return parseFriction((await browser.storage.local.get(FRICTION_KEY))[FRICTION_KEY]);
}

export async function saveFriction(patch: Partial<FrictionSettings>): Promise<FrictionSettings> {
  const next = { ...(await readFriction()), ...patch };
  await browser.storage.local.set({ [FRICTION_KEY]: next });
  return next;
}

export async function readFriendCode(): Promise<StoredFriendCode | null> {
  const stored = (await browser.storage.local.get(FRIEND_CODE_KEY))[FRIEND_CODE_KEY];
  return isStoredFriendCode(stored) ? stored : null;
}

export async function saveFriendCode(code: StoredFriendCode | null): Promise<void> {
  if (code) await browser.storage.local.set({ [FRIEND_CODE_KEY]: code });
  else await browser.storage.local.remove(FRIEND_CODE_KEY);
}

export async function readProtectionPause(): Promise<ProtectionPause> {
  return readPause((await browser.storage.local.get(PAUSE_KEY))[PAUSE_KEY]);
}

/** Also moves the shield's revision on, so open tabs of a resumed site are covered again at once. */
export async function saveProtectionPause(pause: ProtectionPause): Promise<void> {
  await browser.storage.local.set({ [PAUSE_KEY]: pause, [SHIELD_REVISION_KEY]: Date.now() });
}

/** Delete all data takes friction with it: the settings, the friend code and any pause. */
export async function clearFriction(): Promise<void> {
  await browser.storage.local.remove([FRICTION_KEY, FRIEND_CODE_KEY, PAUSE_KEY]);
}
