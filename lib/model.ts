/** The vocabulary shared by the database, the backup format, the worker and the UI. */

export const SITES = [
  'instagram',
  'facebook',
  'x',
  'tiktok',
  'threads',
  'linkedin',
  'reddit',
  'youtube',
  'bluesky',
  'whatsapp',
  'snapchat',
  'telegram',
  'discord',
] as const;
export type Site = (typeof SITES)[number];

export const SURFACES = ['profile', 'story', 'message', 'search', 'post'] as const;
export type Surface = (typeof SURFACES)[number];

export const OUTCOMES = ['resisted', 'overrode'] as const;
/** `resisted`: went back from the shield. `overrode`: went on anyway. */
export type Outcome = (typeof OUTCOMES)[number];

export const CONTACT_KINDS = ['i-reached-out', 'they-reached-out', 'emergency', 'ran-into-them'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
/** Only contact started by the user restarts the count. */
export const SLIP_KIND: ContactKind = 'i-reached-out';

/** A calendar date in the user's local calendar, `YYYY-MM-DD`. */
export type LocalDate = string;

export interface Account {
  site: Site;
  /** Username, vanity, numeric id, DID, display name or phone number, as the site needs. */
  handle: string;
}

export interface Person {
  id?: number;
  name: string;
  accounts: Account[];
  noContactSince: LocalDate;
  goalDays: number;
}

export interface Urge {
  id?: number;
  /** Epoch milliseconds. */
  at: number;
  personId: number;
  site: Site;
  surface: Surface;
  outcome: Outcome;
}

export interface Contact {
  id?: number;
  at: number;
  personId: number;
  kind: ContactKind;
  note: string;
}

export interface ActivityDone {
  id?: number;
  at: number;
  activityId: string;
}

export const DEFAULT_GOAL_DAYS = 30;
export const GOAL_PRESETS = [21, 30] as const;
export const MAX_GOAL_DAYS = 365;
export const MAX_NAME_LENGTH = 100;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_REASONS = 50;
export const MAX_REASON_LENGTH = 300;
