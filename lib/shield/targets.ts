import type { Person, Site } from '../model';

/** One person as the shield on a given site sees them: ids only, never sent to the page. */
export interface Target {
  personId: number;
  name: string;
  /** Lowercased handles and ids on this site. */
  identifiers: string[];
}

export function targetsFor(site: Site, people: Person[]): Target[] {
  return people.flatMap((person) => {
    const identifiers = person.accounts
      .filter((account) => account.site === site)
      .map((account) => account.handle.toLowerCase());
    return person.id === undefined || identifiers.length === 0
      ? []
      : [{ personId: person.id, name: person.name, identifiers }];
  });
}

/** The person any of the identifiers belongs to. */
export function targetFor(targets: Target[], identifiers: string[]): Target | undefined {
  const wanted = identifiers.map((identifier) => identifier.toLowerCase());
  return targets.find((target) => target.identifiers.some((known) => wanted.includes(known)));
}
