import type { Person, Site } from '../model';

/** One person as the shield on a given site sees them: ids only, never sent to the page. */
export interface Target {
  personId: number;
  name: string;
  /** Lowercased handles and ids on this site. */
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
    const identifiers = person.accounts
      .filter((account) => account.site === site)
      .map((account) => account.handle.toLowerCase());
    const keys = learned.filter((entry) => entry.personId === person.id).map((entry) => entry.key);
    return person.id === undefined || identifiers.length === 0
      ? []
      : [{ personId: person.id, name: person.name, identifiers, keys }];
  });
}

/** The person any of the identifiers (or learned keys) belongs to. */
export function targetFor(targets: Target[], identifiers: string[]): Target | undefined {
  const wanted = identifiers.map((identifier) => identifier.toLowerCase());
  return targets.find((target) =>
    [...target.identifiers, ...target.keys].some((known) => wanted.includes(known)),
  );
}

/** Case-, space- and @-insensitive form of a name or handle shown as text. */
export function normalizeShown(text: string): string {
  return text.normalize('NFC').trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
}

const PHONE_SHAPE = /^\+?[\d\s().-]{7,}$/;
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * The person a piece of shown text names: one of their handles or ids, their name as entered,
 * or, for phone numbers, the same digits (a number shown with or without its country code).
 */
export function targetNamed(targets: Target[], shown: string | null): Target | undefined {
  if (shown === null) return undefined;
  const text = normalizeShown(shown);
  if (text.length === 0) return undefined;
  const phone = PHONE_SHAPE.test(text) ? digitsOf(text) : '';
  return targets.find(
    (target) =>
      normalizeShown(target.name) === text ||
      target.identifiers.some((identifier) => {
        if (normalizeShown(identifier) === text) return true;
        if (phone.length < 7 || !PHONE_SHAPE.test(identifier)) return false;
        const known = digitsOf(identifier);
        return known.length >= 7 && (known.endsWith(phone) || phone.endsWith(known));
      }),
  );
}
