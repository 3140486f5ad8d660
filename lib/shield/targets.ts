import type { Person, Site } from '../model';

/** One person as the shield on a given site sees them: ids only, never sent to the page. */
export interface Target {
  personId: number;
  name: string;
  /**
   * Handles and ids on this site as stored (lowercase where the site ignores case; case-sensitive
   * ids such as YouTube channel ids keep theirs). Compare through `sameIdentifier`.
   */
  identifiers: string[];
  /** Opaque ids learned for them on this site (`thread:123`), matched like identifiers. */
  keys: string[];
}

export interface LearnedKey {
  personId: number;
  key: string;
}

export function targetsFor(site: Site, people: Person[], learned: LearnedKey[] = []): Target[] {
  return people.flatMap((person) => {
    const identifiers = person.accounts.filter((account) => account.site === site).map((account) => account.handle);
    const keys = learned.filter((entry) => entry.personId === person.id).map((entry) => entry.key);
    return person.id === undefined || identifiers.length === 0
      ? []
      : [{ personId: person.id, name: person.name, identifiers, keys }];
  });
}

/** The person any of the identifiers (or learned keys) belongs to; case-insensitive. */
export function targetFor(targets: Target[], identifiers: string[]): Target | undefined {
  const wanted = identifiers.map((identifier) => identifier.toLowerCase());
  return targets.find((target) =>
    [...target.identifiers, ...target.keys].some((known) => wanted.includes(known.toLowerCase())),
  );
}

/** Case-, space- and @-insensitive form of a name or handle shown as text. */
export function normalizeShown(text: string): string {
  return text.normalize('NFC').trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
}

const PHONE_SHAPE = /^\+?[\d\s().-]{7,}$/;
/** Digits without a leading trunk or international 0, so "07700 900123" meets "+44 7700 900123". */
const significantDigits = (text: string) => text.replace(/\D/g, '').replace(/^0+/, '');
const MIN_PHONE_DIGITS = 8;

function samePhone(shown: string, known: string): boolean {
  if (!PHONE_SHAPE.test(shown) || !PHONE_SHAPE.test(known)) return false;
  const [a, b] = [significantDigits(shown), significantDigits(known)];
  if (a.length < MIN_PHONE_DIGITS || b.length < MIN_PHONE_DIGITS) return false;
  // One may carry the country code and the other not.
  return a.endsWith(b) || b.endsWith(a);
}

/**
 * The person a piece of shown text names: one of their handles or ids, their name as entered,
 * or, for phone numbers, the same number with or without its country code.
 */
export function targetNamed(targets: Target[], shown: string | null): Target | undefined {
  if (shown === null) return undefined;
  const text = normalizeShown(shown);
  if (text.length === 0) return undefined;
  return targets.find(
    (target) =>
      normalizeShown(target.name) === text ||
      target.identifiers.some((identifier) => normalizeShown(identifier) === text || samePhone(text, identifier)),
  );
}

/** The targets a page hides: those the user didn't choose to see there (a pass lasts its time). */
export function targetsToHide(targets: Target[], passed: number[]): Target[] {
  return targets.filter((target) => !passed.includes(target.personId));
}

/** Whether a page hides anyone: someone with an account on its site whom the user didn't choose to see there. */
export function hidesAnyone(targets: Target[], passed: number[]): boolean {
  return targetsToHide(targets, passed).length > 0;
}
