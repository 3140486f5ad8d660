import { browser } from 'wxt/browser';
import type { CleanBreakDb } from '../db';
import { decodeState, encodeState, staleKeys, SYNC_PREFIX, SYNC_QUOTA_BYTES } from './encoding';
import { applyState, changesProtection, readLocalState } from './local';
import { mergeStates, stillHeld, withHeldBack, withoutHeld, type HeldChange } from './merge';
import { EMPTY_STATE, type SyncedState } from './state';

/** Why the last sync did or didn't happen, as the options page tells it. */
export type SyncOutcome = 'synced' | 'too-big' | 'unavailable' | 'newer-version' | 'unreadable';

export interface SyncRecord {
  enabled: boolean;
  /** Random id of this device's installation, so its own writes are recognised when they echo back. */
  device: string;
  /** The state all devices last agreed on: the merge's base. */
  base: SyncedState | null;
  held: HeldChange[];
  last?: { outcome: SyncOutcome; at: number; bytes?: number };
}

/** storage.local key of the SyncRecord (listed in PRIVACY.md). */
export const SYNC_RECORD_KEY = 'sync';

export async function readSyncRecord(): Promise<SyncRecord> {
  const stored = (await browser.storage.local.get(SYNC_RECORD_KEY))[SYNC_RECORD_KEY] as SyncRecord | undefined;
  return stored ?? { enabled: false, device: crypto.randomUUID(), base: null, held: [] };
}

async function writeSyncRecord(record: SyncRecord): Promise<void> {
  await browser.storage.local.set({ [SYNC_RECORD_KEY]: record });
}

/** Whether a `storage.sync` change came from another device (a device's own writes echo back). */
export function isFromAnotherDevice(changes: Record<string, { newValue?: unknown }>, device: string): boolean {
  const meta = changes[`${SYNC_PREFIX}meta`]?.newValue as { device?: unknown } | undefined;
  return Object.keys(changes).some((key) => key.startsWith(SYNC_PREFIX)) && meta?.device !== device;
}

export interface SyncResult {
  record: SyncRecord;
  /** Someone or something new to hide arrived from another device. */
  protectionChanged: boolean;
}

async function syncUnlocked(db: CleanBreakDb, now: number): Promise<SyncResult> {
  const record = await readSyncRecord();
  if (!record.enabled) return { record, protectionChanged: false };
  const finish = async (outcome: SyncOutcome, protectionChanged = false, bytes?: number) => {
    record.last = { outcome, at: now, bytes };
    await writeSyncRecord(record);
    return { record, protectionChanged };
  };

  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.sync.get(null);
  } catch {
    return finish('unavailable');
  }
  const decoded = decodeState(stored);
  // Never overwrite what a newer version wrote, or guess at what can't be read.
  if (!decoded.ok && decoded.reason === 'newer') return finish('newer-version');
  if (!decoded.ok && decoded.reason === 'broken') return finish('unreadable');
  const remote = decoded.ok ? decoded.state : EMPTY_STATE;
  const base = decoded.ok ? record.base : null;

  const local = await readLocalState(db, [...remote.people, ...(base?.people ?? [])]);
  const heldBefore = stillHeld(record.held, local);
  const merge = mergeStates(base, withoutHeld(local, heldBefore), remote);
  const held = stillHeld([...heldBefore, ...merge.held], local);
  const target = withHeldBack(merge.shared, held, local);
  await applyState(db, target, local);
  record.base = merge.shared;
  record.held = held;

  const encoded = encodeState(merge.shared, record.device);
  if (encoded.bytes > SYNC_QUOTA_BYTES) return finish('too-big', changesProtection(target, local), encoded.bytes);
  const unchanged = decoded.ok && JSON.stringify(decoded.state) === JSON.stringify(merge.shared);
  if (!unchanged) {
    try {
      await browser.storage.sync.set(encoded.items);
      const stale = staleKeys(stored, encoded);
      if (stale.length > 0) await browser.storage.sync.remove(stale);
    } catch {
      // Quota or write-rate refusals and a browser with sync switched off all land here: local data is untouched.
      return finish('unavailable', changesProtection(target, local), encoded.bytes);
    }
  }
  return finish('synced', changesProtection(target, local), encoded.bytes);
}

/**
 * Merges this device's people and reasons with the other devices' through `storage.sync`, and
 * writes the result both ways. One at a time: a change arriving mid-sync waits for the lock.
 */
export async function syncNow(db: CleanBreakDb, now: number): Promise<SyncResult> {
  let result: SyncResult | undefined;
  await navigator.locks.request('clean-break-sync', async () => {
    result = await syncUnlocked(db, now);
  });
  return result!;
}

/** Turns sync on (merging at once) or off (this device's data stays; the synced copy is left for the other devices). */
export async function setSyncEnabled(enabled: boolean): Promise<void> {
  const record = await readSyncRecord();
  await writeSyncRecord({ ...record, enabled, base: enabled ? record.base : null, held: enabled ? record.held : [] });
}

/** Forgets a held change: this device keeps the account, person or goal, and sync shares it again. */
export async function keepHeld(change: HeldChange): Promise<void> {
  const record = await readSyncRecord();
  const key = JSON.stringify(change);
  await writeSyncRecord({ ...record, held: record.held.filter((held) => JSON.stringify(held) !== key) });
}
