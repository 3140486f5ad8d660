import { getReasons, listPeople, recordContact, saveReasons, slipTimes, type CleanBreakDb } from '../db';
import { SLIP_KIND, type Person } from '../model';
import { readFriction, readFriendCode, saveFriction, saveFriendCode } from '../friction/store';
import { accountKey, MAX_SYNCED_SLIPS, type SyncedPerson, type SyncedState } from './state';

function newSyncId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * This device's people as sync sees them. A person without a sync id gets one, or takes the id
 * of the person with the same name in `known` (the other devices' people, or the last shared
 * state): names are unique, and a backup restored or a person set up on two devices before
 * sync was on is then one person, not two.
 */
export async function readLocalState(db: CleanBreakDb, known: SyncedPerson[]): Promise<SyncedState> {
  const [settings, friendCode] = await Promise.all([readFriction(), readFriendCode()]);
  const { people, reasons } = await readLocalPeople(db, known);
  return { people, reasons, friction: { settings, friendCode } };
}

async function readLocalPeople(db: CleanBreakDb, known: SyncedPerson[]): Promise<Pick<SyncedState, 'people' | 'reasons'>> {
  return db.transaction('rw', [db.people, db.contacts, db.settings], async () => {
    const people = await listPeople(db);
    const taken = new Set(people.flatMap((person) => (person.syncId ? [person.syncId] : [])));
    const synced: SyncedPerson[] = [];
    for (const person of people) {
      let syncId = person.syncId;
      if (!syncId) {
        const namesake = known.find((other) => other.name === person.name && !taken.has(other.syncId));
        syncId = namesake?.syncId ?? newSyncId();
        taken.add(syncId);
        await db.people.update(person.id!, { syncId });
      }
      const slips = (await slipTimes(db, person.id!)).sort((a, b) => a - b).slice(-MAX_SYNCED_SLIPS);
      synced.push({
        syncId,
        name: person.name,
        noContactSince: person.noContactSince,
        goalDays: person.goalDays,
        accounts: person.accounts.map((account) => ({ ...account })),
        slips,
      });
    }
    return { people: synced, reasons: await getReasons(db) };
  });
}

/** Whether applying `target` would change anything for the shield (who or what is hidden). */
export function changesProtection(target: SyncedState, local: SyncedState): boolean {
  const accountsOf = (state: SyncedState) =>
    new Set(state.people.flatMap((person) => person.accounts.map((account) => `${person.syncId}\n${accountKey(account)}`)));
  const before = accountsOf(local);
  return [...accountsOf(target)].some((key) => !before.has(key));
}

/**
 * Makes this device's database hold `target`. Sync only ever adds here: people, accounts, a
 * higher goal, slips; names, start dates and reasons are updated. Nothing is removed or lowered
 * (those wait for the user, see HeldChange), and urges, contacts' notes and activities are
 * never touched.
 */
export async function applyState(db: CleanBreakDb, target: SyncedState, local: SyncedState): Promise<void> {
  const localById = new Map(local.people.map((person) => [person.syncId, person]));
  await db.transaction('rw', [db.people, db.contacts, db.settings], async () => {
    const stored = await listPeople(db);
    for (const person of target.people) {
      const mine = localById.get(person.syncId);
      const row = stored.find((candidate) => candidate.syncId === person.syncId);
      const accounts = [...(mine?.accounts ?? [])];
      for (const account of person.accounts) {
        if (!accounts.some((known) => accountKey(known) === accountKey(account))) accounts.push(account);
      }
      const fields: Omit<Person, 'id'> = {
        name: person.name,
        noContactSince: person.noContactSince,
        goalDays: Math.max(person.goalDays, mine?.goalDays ?? 0),
        accounts,
        syncId: person.syncId,
      };
      let personId = row?.id;
      if (personId === undefined) {
        // A different local person with this name would make two people of one name: keep both, told apart.
        const clash = stored.some((other) => other.name === fields.name);
        personId = await db.people.add(clash ? { ...fields, name: `${fields.name} (other device)` } : fields);
      } else {
        await db.people.update(personId, fields);
      }
      const known = new Set(mine?.slips ?? []);
      for (const at of person.slips) {
        if (!known.has(at)) await recordContact(db, personId!, SLIP_KIND, '', at);
      }
    }
    const reasonsNow = await getReasons(db);
    if (JSON.stringify(reasonsNow) !== JSON.stringify(target.reasons)) await saveReasons(db, target.reasons);
  });
  if (JSON.stringify(target.friction) !== JSON.stringify(local.friction)) {
    await saveFriction(target.friction.settings);
    await saveFriendCode(target.friction.friendCode);
  }
}
