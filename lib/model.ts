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

/** What the shield catches on a site's pages. */
export const PAGE_SURFACES = ['profile', 'story', 'message', 'search', 'post'] as const;
export type PageSurface = (typeof PAGE_SURFACES)[number];

/**
 * Every kind of urge: the page surfaces, plus `settings` (trying to weaken protection in
 * Clean Break itself) and `manual` (one the user logs by hand, felt outside the browser).
 */
export const SURFACES = [...PAGE_SURFACES, 'settings', 'manual'] as const;
export type Surface = (typeof SURFACES)[number];

/** The site of an urge that happened on none: `settings` and `manual` urges. */
export const ELSEWHERE = 'elsewhere';
export const URGE_SITES = [...SITES, ELSEWHERE] as const;
export type UrgeSite = (typeof URGE_SITES)[number];

export const INTENSITIES = [1, 2, 3, 4, 5] as const;
export type Intensity = (typeof INTENSITIES)[number];

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
  /** The same person on the user's other devices, once sync is on (lib/sync). */
  syncId?: string;
}

export interface Urge {
  id?: number;
  /** Epoch milliseconds. */
  at: number;
  personId: number;
  site: UrgeSite;
  surface: Surface;
  outcome: Outcome;
  /** Manual urges only, both optional: how strong it felt, and a few words about it. */
  intensity?: Intensity;
  note?: string;
}

/** An urge the shield caught on a site's page, as opposed to a `settings` or `manual` one. */
export type PageUrge = Urge & { site: Site; surface: PageSurface };

export function isPageUrge(urge: Urge): urge is PageUrge {
  return urge.site !== ELSEWHERE && (PAGE_SURFACES as readonly string[]).includes(urge.surface);
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

/** The questions of the reflection at the goal, by stable id (stored and backed up; never rename one). */
export const REFLECTION_QUESTION_IDS = [
  'why-it-ended',
  'what-changed',
  'what-would-differ',
  'pros',
  'cons',
  'right-reasons',
  'ready',
] as const;
export type ReflectionQuestionId = (typeof REFLECTION_QUESTION_IDS)[number];

/** Where the user leans after reflecting. Each is an outcome the app respects. */
export const REFLECTION_LEANINGS = ['moving-on', 'reconnecting', 'undecided'] as const;
export type ReflectionLeaning = (typeof REFLECTION_LEANINGS)[number];

export interface Reflection {
  id?: number;
  at: number;
  personId: number;
  /** Only the questions the user answered. */
  answers: Partial<Record<ReflectionQuestionId, string>>;
  leaning?: ReflectionLeaning;
}
