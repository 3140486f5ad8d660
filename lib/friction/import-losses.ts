import { i18n } from '#i18n';
import { formatNumber } from '../i18n/format';
import type { Person } from '../model';
import { weakeningOf } from './rules';

// Apart from rules.ts, which the content scripts load through the friction store: they stay free of i18n.
/**
 * What replacing the people with a backup's would take away: people missing from the backup
 * (matched by name), and accounts or goal days the backup drops for the ones it keeps.
 */
export function importWeakening(current: Array<Omit<Person, 'id'>>, imported: Array<Omit<Person, 'id'>>): string[] {
  const losses: string[] = [];
  for (const person of current) {
    const match = imported.find((candidate) => candidate.name.trim().toLowerCase() === person.name.trim().toLowerCase());
    if (!match) {
      losses.push(i18n.t('lib.friction.losses.person', [person.name]));
      continue;
    }
    const weakening = weakeningOf(person, match);
    const removed = weakening.removedAccounts.length;
    if (removed > 0) losses.push(i18n.t('lib.friction.losses.accounts', removed, [formatNumber(removed), person.name]));
    if (weakening.goalDays || weakening.noContactSince) losses.push(i18n.t('lib.friction.losses.goalSooner', [person.name]));
  }
  return losses;
}
