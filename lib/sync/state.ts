import type { Account, LocalDate } from '../model';
import type { StoredFriendCode } from '../friction/friend-code';
import { DEFAULT_FRICTION, type FrictionSettings } from '../friction/rules';

/**
 * What sync carries between the user's devices: the people and their accounts, the start date,
 * the goal, the user's own slips (only their times, so a slip anywhere restarts the count
 * everywhere), the reasons list and the friction settings (the wait, strict mode, the lock,
 * late-night hours and the friend code's hash; a pause stays on the computer it was made on). The urge log, contacts' notes, activities and reflections
 * stay on each device.
 */
export interface SyncedState {
  people: SyncedPerson[];
  reasons: string[];
  friction: SyncedFriction;
}

export interface SyncedFriction {
  settings: FrictionSettings;
  friendCode: StoredFriendCode | null;
}

export interface SyncedPerson {
  /** Random and stable across devices; local database ids differ from device to device. */
  syncId: string;
  name: string;
  noContactSince: LocalDate;
  goalDays: number;
  accounts: Account[];
  /** Epoch ms of the user's own contacts, newest last, at most MAX_SYNCED_SLIPS. */
  slips: number[];
}

/** The streak needs only the latest slip; a few more keep history readable on other devices. */
export const MAX_SYNCED_SLIPS = 20;

export const EMPTY_STATE: SyncedState = { people: [], reasons: [], friction: { settings: DEFAULT_FRICTION, friendCode: null } };

export function accountKey(account: Account): string {
  return `${account.site}\n${account.handle}`;
}
