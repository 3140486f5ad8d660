import { MAX_REASONS, type Account } from '../model';
import { accountKey, MAX_SYNCED_SLIPS, type SyncedFriction, type SyncedPerson, type SyncedState } from './state';

/**
 * A change from another device that would weaken protection here. It is not applied by sync:
 * this device keeps protecting until the user makes the same change here, through the same
 * cooldown as any other weakening.
 */
export type HeldChange =
  | { kind: 'remove-person'; syncId: string; name: string }
  | { kind: 'remove-account'; syncId: string; name: string; account: Account }
  | { kind: 'lower-goal'; syncId: string; name: string; goalDays: number };

export interface MergeResult {
  /** The state every device agrees on: pushed to sync and kept as the next merge's base. */
  shared: SyncedState;
  /** Remote weakenings found by this merge, to keep protecting against here until resolved. */
  held: HeldChange[];
}

const byId = (people: SyncedPerson[]) => new Map(people.map((person) => [person.syncId, person]));

/** One side's value when only that side changed it since the base; `conflict` when both did. */
function pick<T>(base: T | undefined, local: T, remote: T, same: (a: T, b: T) => boolean, conflict: () => T): T {
  if (base === undefined) return same(local, remote) ? local : conflict();
  if (same(local, base)) return remote;
  if (same(remote, base)) return local;
  return conflict();
}

const equal = <T>(a: T, b: T) => a === b;

function mergeSlips(local: number[], remote: number[]): number[] {
  return [...new Set([...local, ...remote])].sort((a, b) => a - b).slice(-MAX_SYNCED_SLIPS);
}

function mergeAccounts(base: SyncedPerson | undefined, local: SyncedPerson, remote: SyncedPerson, held: HeldChange[]): Account[] {
  const inBase = new Set(base?.accounts.map(accountKey));
  const inRemote = new Set(remote.accounts.map(accountKey));
  const inLocal = new Set(local.accounts.map(accountKey));
  const kept = local.accounts.filter((account) => {
    const key = accountKey(account);
    if (inRemote.has(key) || !inBase.has(key)) return true;
    // Removed on the other device: the shared state drops it, this device keeps hiding it.
    held.push({ kind: 'remove-account', syncId: local.syncId, name: local.name, account });
    return false;
  });
  // Added on the other device (not a removal made here since the base): applies at once.
  const added = remote.accounts.filter((account) => !inLocal.has(accountKey(account)) && !inBase.has(accountKey(account)));
  return [...kept, ...added];
}

function mergePerson(base: SyncedPerson | undefined, local: SyncedPerson, remote: SyncedPerson, held: HeldChange[]): SyncedPerson {
  // Both changed the same field since the last sync: the incoming value is the later write seen.
  const name = pick(base?.name, local.name, remote.name, equal, () => remote.name);
  const noContactSince = pick(base?.noContactSince, local.noContactSince, remote.noContactSince, equal, () => remote.noContactSince);
  let goalDays = Math.max(local.goalDays, remote.goalDays);
  if (remote.goalDays < local.goalDays && base?.goalDays === local.goalDays) {
    // Lowered on the other device only: shared lower, held here.
    held.push({ kind: 'lower-goal', syncId: local.syncId, name, goalDays: remote.goalDays });
    goalDays = remote.goalDays;
  } else if (local.goalDays < remote.goalDays && base?.goalDays === remote.goalDays) {
    // Lowered here (through this device's cooldown): that stands.
    goalDays = local.goalDays;
  }
  return {
    syncId: local.syncId,
    name,
    noContactSince,
    goalDays,
    accounts: mergeAccounts(base, local, remote, held),
    slips: mergeSlips(local.slips, remote.slips),
  };
}

function mergeReasons(base: string[] | undefined, local: string[], remote: string[]): string[] {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((reason, i) => reason === b[i]);
  return pick(base, local, remote, same, () => [...new Set([...local, ...remote])].slice(0, MAX_REASONS));
}

/**
 * Friction settings: the side that changed since the base wins, so a change made on one computer
 * (itself only possible where that computer's own rules allow it: the wait shortens only after
 * the goal date, the lock never ends early) reaches the others. Changed on both: the stricter
 * value, and the lock always holds until the later of the two dates.
 */
function mergeFriction(base: SyncedFriction | undefined, local: SyncedFriction, remote: SyncedFriction): SyncedFriction {
  const mine = local.settings;
  const theirs = remote.settings;
  const before = base?.settings;
  const same = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
  const locks = [mine.lockedUntil, theirs.lockedUntil].filter((date): date is string => date !== null).sort();
  return {
    settings: {
      cooldownMinutes: pick(before?.cooldownMinutes, mine.cooldownMinutes, theirs.cooldownMinutes, equal, () => Math.max(mine.cooldownMinutes, theirs.cooldownMinutes)),
      strictAfterGoal: pick(before?.strictAfterGoal, mine.strictAfterGoal, theirs.strictAfterGoal, equal, () => true),
      lockedUntil: locks.at(-1) ?? null,
      lateNight: pick(before?.lateNight, mine.lateNight, theirs.lateNight, same, () => (theirs.lateNight.enabled ? theirs.lateNight : mine.lateNight)),
    },
    friendCode: pick(base?.friendCode, local.friendCode, remote.friendCode, same, () => remote.friendCode ?? local.friendCode),
  };
}

/**
 * Three-way merge of this device's state and another device's against the last state both
 * agreed on (`base`, null before the first sync). Adding people or accounts, raising a goal and
 * a slip apply everywhere at once; a removal or a lowered goal from the other device is shared
 * but held here (see HeldChange). Names, start dates and reasons changed on both sides take the
 * incoming value.
 */
export function mergeStates(base: SyncedState | null, local: SyncedState, remote: SyncedState): MergeResult {
  const held: HeldChange[] = [];
  const basePeople = byId(base?.people ?? []);
  const remotePeople = byId(remote.people);
  const localIds = new Set(local.people.map((person) => person.syncId));

  const people: SyncedPerson[] = [];
  for (const person of local.people) {
    const theirs = remotePeople.get(person.syncId);
    const before = basePeople.get(person.syncId);
    if (theirs) people.push(mergePerson(before, person, theirs, held));
    else if (before) held.push({ kind: 'remove-person', syncId: person.syncId, name: person.name });
    else people.push(person);
  }
  for (const person of remote.people) {
    // New on the other device; one removed here since the base stays removed.
    if (!localIds.has(person.syncId) && !basePeople.has(person.syncId)) people.push(person);
  }
  const reasons = mergeReasons(base?.reasons, local.reasons, remote.reasons);
  return { shared: { people, reasons, friction: mergeFriction(base?.friction, local.friction, remote.friction) }, held };
}

/** This device's state as the other devices should see it: held remote changes count as made. */
export function withoutHeld(local: SyncedState, held: HeldChange[]): SyncedState {
  const people = local.people.flatMap((person): SyncedPerson[] => {
    const mine = held.filter((change) => change.syncId === person.syncId);
    if (mine.some((change) => change.kind === 'remove-person')) return [];
    const removed = new Set(mine.flatMap((change) => (change.kind === 'remove-account' ? [accountKey(change.account)] : [])));
    const lowered = mine.find((change) => change.kind === 'lower-goal');
    return [
      {
        ...person,
        goalDays: lowered?.kind === 'lower-goal' ? lowered.goalDays : person.goalDays,
        accounts: person.accounts.filter((account) => !removed.has(accountKey(account))),
      },
    ];
  });
  return { ...local, people };
}

/** Held changes still worth holding: this device still has what the other device removed or lowered. */
export function stillHeld(held: HeldChange[], local: SyncedState): HeldChange[] {
  const people = byId(local.people);
  const seen = new Set<string>();
  return held.filter((change) => {
    const person = people.get(change.syncId);
    const key = JSON.stringify(change);
    if (!person || seen.has(key)) return false;
    seen.add(key);
    if (change.kind === 'remove-account') return person.accounts.some((account) => accountKey(account) === accountKey(change.account));
    if (change.kind === 'lower-goal') return person.goalDays > change.goalDays;
    return true;
  });
}

/** What this device should hold: the shared state with the held changes left unmade. */
export function withHeldBack(shared: SyncedState, held: HeldChange[], local: SyncedState): SyncedState {
  const localPeople = byId(local.people);
  const people = shared.people.map((person) => {
    const mine = held.filter((change) => change.syncId === person.syncId);
    const keptAccounts = mine.flatMap((change) => (change.kind === 'remove-account' ? [change.account] : []));
    const lowered = mine.some((change) => change.kind === 'lower-goal');
    return {
      ...person,
      goalDays: lowered ? (localPeople.get(person.syncId)?.goalDays ?? person.goalDays) : person.goalDays,
      accounts: [...person.accounts, ...keptAccounts.filter((account) => !person.accounts.some((a) => accountKey(a) === accountKey(account)))],
    };
  });
  for (const change of held) {
    const person = localPeople.get(change.syncId);
    if (change.kind === 'remove-person' && person && !people.some((p) => p.syncId === change.syncId)) people.push(person);
  }
  return { ...shared, people };
}
