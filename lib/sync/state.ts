import type { Account, LocalDate } from '../model';

/**
 * What sync carries between the user's devices: the people and their accounts, the start date,
 * the goal, the user's own slips (only their times, so a slip anywhere restarts the count
 * everywhere) and the reasons list. The urge log, contacts' notes, activities and reflections
 * stay on each device.
 */
export interface SyncedState {
  people: SyncedPerson[];
  reasons: string[];
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

export const EMPTY_STATE: SyncedState = { people: [], reasons: [] };

export function accountKey(account: Account): string {
  return `${account.site}\n${account.handle}`;
}
