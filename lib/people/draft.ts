import { i18n } from '#i18n';
import type { Account, Person } from '../model';
import { DEFAULT_GOAL_DAYS, MAX_GOAL_DAYS, MAX_NAME_LENGTH } from '../model';
import { isValidLocalDate, localDateOf } from '../streak';

/** What the options form holds while the user edits a person; strings as typed. */
export interface PersonDraft {
  name: string;
  noContactSince: string;
  goalDays: string;
  accounts: Account[];
}

export type DraftErrors = Partial<Record<'name' | 'noContactSince' | 'goalDays' | 'accounts', string>>;

export function emptyDraft(now: Date): PersonDraft {
  return { name: '', noContactSince: localDateOf(now), goalDays: String(DEFAULT_GOAL_DAYS), accounts: [] };
}

export function draftOf(person: Person): PersonDraft {
  return {
    name: person.name,
    noContactSince: person.noContactSince,
    goalDays: String(person.goalDays),
    accounts: person.accounts.map((account) => ({ ...account })),
  };
}

// Control characters would break rendering of the name elsewhere.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Checks a whole draft; a person is saved only when every field is right. */
export function validateDraft(
  draft: PersonDraft,
  now: Date,
  otherNames: string[],
): { ok: true; person: Omit<Person, 'id'> } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = i18n.t('lib.people.name.empty');
  else if (name.length > MAX_NAME_LENGTH) errors.name = i18n.t('lib.people.name.tooLong', [String(MAX_NAME_LENGTH)]);
  else if (CONTROL_CHARS.test(name)) errors.name = i18n.t('lib.people.name.controlCharacter');
  else if (otherNames.some((other) => other.trim().toLowerCase() === name.toLowerCase()))
    errors.name = i18n.t('lib.people.name.taken');

  if (!isValidLocalDate(draft.noContactSince)) errors.noContactSince = i18n.t('lib.people.noContactSince.missing');
  else if (draft.noContactSince > localDateOf(now)) errors.noContactSince = i18n.t('lib.people.noContactSince.future');

  const goal = Number(draft.goalDays);
  if (!/^\d+$/.test(draft.goalDays.trim()) || !Number.isInteger(goal) || goal < 1 || goal > MAX_GOAL_DAYS)
    errors.goalDays = i18n.t('lib.people.goalDays', [String(MAX_GOAL_DAYS)]);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    person: { name, noContactSince: draft.noContactSince, goalDays: goal, accounts: draft.accounts },
  };
}

/** Adds an account unless it is already there (same site and handle). */
export function withAccount(accounts: Account[], account: Account): { accounts: Account[]; added: boolean } {
  const exists = accounts.some((known) => known.site === account.site && known.handle === account.handle);
  return exists ? { accounts, added: false } : { accounts: [...accounts, account], added: true };
}
