import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Account, LocalDate, Person } from '../model';
import { ELSEWHERE, MAX_GOAL_DAYS, SITES } from '../model';
import { deleteAll, removePerson, type CleanBreakDb, type UrgeReport } from '../db';
import type { WriteAction } from '../db/errors';
import { parseBackup } from '../backup/format';
import { formatDate } from '../i18n/format';
import { replaceAllWith } from '../backup/restore';
import { SITE_NAMES } from '../sites/names';
import { isValidLocalDate } from '../streak';
import { isPauseScope, pauseEnd, PAUSE_LENGTHS, withPause, type PauseLength, type PauseScope } from './pause';
import { clearFriction, readProtectionPause, saveFriendCode, saveProtectionPause } from './store';

/** Everything that weakens protection, and so waits behind a cooldown. */
export type WeakeningAction =
  | { kind: 'pause'; scope: PauseScope; length: PauseLength }
  | { kind: 'remove-person'; personId: number }
  | { kind: 'edit-person'; personId: number; removeAccounts: Account[]; goalDays?: number; noContactSince?: LocalDate }
  | { kind: 'delete-all' }
  /** The validated backup waits in storage.session until the cooldown ends. */
  | { kind: 'import'; fileName: string }
  | { kind: 'forget-friend-code' };

/** The action can't be done any more (the person is gone, the backup is no longer waiting): its message says why. */
export class ActionUnavailable extends Error {}

/** Where a backup waits while its import is cooling down; it is validated again before it is written. */
export const PENDING_IMPORT_KEY = 'pendingImport';

export function cooldownUrl(action: WeakeningAction): string {
  return browser.runtime.getURL(`/cooldown.html?action=${encodeURIComponent(JSON.stringify(action))}`);
}

const isId = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;
const isAccount = (value: unknown): value is Account =>
  typeof value === 'object' &&
  value !== null &&
  (SITES as readonly unknown[]).includes((value as Account).site) &&
  typeof (value as Account).handle === 'string';

/** Reads an action from the cooldown page's address; anything unexpected is no action at all. */
export function parseAction(raw: string | null): WeakeningAction | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(raw ?? '') as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  switch (value.kind) {
    case 'pause':
      return isPauseScope(value.scope) && (PAUSE_LENGTHS as readonly unknown[]).includes(value.length)
        ? { kind: 'pause', scope: value.scope, length: value.length as PauseLength }
        : null;
    case 'remove-person':
      return isId(value.personId) ? { kind: 'remove-person', personId: value.personId } : null;
    case 'edit-person': {
      const { personId, removeAccounts, goalDays, noContactSince } = value;
      const wellFormed =
        isId(personId) &&
        Array.isArray(removeAccounts) &&
        removeAccounts.every(isAccount) &&
        (goalDays === undefined || (Number.isInteger(goalDays) && (goalDays as number) >= 1 && (goalDays as number) <= MAX_GOAL_DAYS)) &&
        (noContactSince === undefined || (typeof noContactSince === 'string' && isValidLocalDate(noContactSince)));
      if (!wellFormed) return null;
      return {
        kind: 'edit-person',
        personId,
        removeAccounts: removeAccounts.map(({ site, handle }) => ({ site, handle })),
        ...(goalDays === undefined ? {} : { goalDays: goalDays as number }),
        ...(noContactSince === undefined ? {} : { noContactSince: noContactSince as string }),
      };
    }
    case 'delete-all':
      return { kind: 'delete-all' };
    case 'import':
      return typeof value.fileName === 'string' ? { kind: 'import', fileName: value.fileName.slice(0, 200) } : null;
    case 'forget-friend-code':
      return { kind: 'forget-friend-code' };
    default:
      return null;
  }
}

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : i18n.t('common.listPair', [items.slice(0, -1).join(', '), items.at(-1) ?? '']);
}

function pauseText(scope: PauseScope, length: PauseLength): string {
  if (scope === 'everywhere') {
    return length === 'hour' ? i18n.t('lib.friction.action.pauseEverywhereHour') : i18n.t('lib.friction.action.pauseEverywhereToday');
  }
  return length === 'hour'
    ? i18n.t('lib.friction.action.pauseSiteHour', [SITE_NAMES[scope]])
    : i18n.t('lib.friction.action.pauseSiteToday', [SITE_NAMES[scope]]);
}

/** Says exactly what the action will do, in the words of its final button. */
export function describeAction(action: WeakeningAction, person: Person | undefined): string {
  const name = person?.name ?? i18n.t('lib.friction.action.thisPerson');
  switch (action.kind) {
    case 'pause':
      return pauseText(action.scope, action.length);
    case 'remove-person':
      return i18n.t('lib.friction.action.removePerson', [name]);
    case 'edit-person': {
      const parts = action.removeAccounts.map((account) =>
        i18n.t('lib.friction.action.removeAccount', [name, SITE_NAMES[account.site], account.handle]),
      );
      if (action.goalDays !== undefined) parts.push(i18n.t('lib.friction.action.lowerGoal', [name, String(action.goalDays)]));
      if (action.noContactSince !== undefined) {
        const date = formatDate(new Date(`${action.noContactSince}T12:00:00`), i18n.t('lib.friction.action.dateFormat'));
        parts.push(i18n.t('lib.friction.action.moveDate', [name, date]));
      }
      const text = listed(parts);
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case 'delete-all':
      return i18n.t('lib.friction.action.deleteAll');
    case 'import':
      return i18n.t('lib.friction.action.import', [action.fileName]);
    case 'forget-friend-code':
      return i18n.t('lib.friction.action.forgetFriendCode');
  }
}

/** How a failed write is described, per action. */
export const WRITE_ACTION: Record<WeakeningAction['kind'], WriteAction> = {
  pause: 'save',
  'remove-person': 'remove',
  'edit-person': 'save',
  'delete-all': 'delete',
  import: 'import',
  'forget-friend-code': 'save',
};

/** The person an action is about, for the urge it logs. */
export function actionPersonId(action: WeakeningAction): number | undefined {
  return action.kind === 'remove-person' || action.kind === 'edit-person' ? action.personId : undefined;
}

/** The urge an attempt logs: surface `settings`, on the paused site or `elsewhere`. */
export function attemptUrge(action: WeakeningAction, personId: number): UrgeReport {
  const site = action.kind === 'pause' && action.scope !== 'everywhere' ? action.scope : ELSEWHERE;
  return { personId, site, surface: 'settings', outcome: 'resisted' };
}

const sameAccount = (a: Account, b: Account) => a.site === b.site && a.handle.toLowerCase() === b.handle.toLowerCase();

/** Carries the action out; called only once the cooldown, the sentence and any friend code are done. */
export async function performAction(db: CleanBreakDb, action: WeakeningAction, now: Date): Promise<void> {
  switch (action.kind) {
    case 'pause':
      await saveProtectionPause(withPause(await readProtectionPause(), action.scope, pauseEnd(action.length, now)));
      return;
    case 'remove-person':
      if (!(await db.people.get(action.personId))) throw new ActionUnavailable(i18n.t('lib.friction.unavailable.person'));
      await removePerson(db, action.personId);
      return;
    case 'edit-person':
      await db.transaction('rw', db.people, async () => {
        const person = await db.people.get(action.personId);
        if (!person) throw new ActionUnavailable(i18n.t('lib.friction.unavailable.person'));
        await db.people.update(action.personId, {
          accounts: person.accounts.filter((account) => !action.removeAccounts.some((gone) => sameAccount(gone, account))),
          ...(action.goalDays === undefined ? {} : { goalDays: action.goalDays }),
          ...(action.noContactSince === undefined ? {} : { noContactSince: action.noContactSince }),
        });
      });
      return;
    case 'delete-all':
      await deleteAll(db);
      await clearFriction();
      return;
    case 'import': {
      const text = (await browser.storage.session.get(PENDING_IMPORT_KEY))[PENDING_IMPORT_KEY];
      const result = typeof text === 'string' ? parseBackup(text) : null;
      if (!result?.ok) throw new ActionUnavailable(i18n.t('lib.friction.unavailable.import'));
      await replaceAllWith(db, result.data);
      await browser.storage.session.remove(PENDING_IMPORT_KEY);
      return;
    }
    case 'forget-friend-code':
      await saveFriendCode(null);
      return;
  }
}

/** While locked, nothing that removes a person or account, shortens the goal or pauses protection can go ahead. */
export function blockedByLock(action: WeakeningAction): boolean {
  return action.kind !== 'forget-friend-code';
}
