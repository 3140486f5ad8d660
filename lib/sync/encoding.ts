import { MAX_GOAL_DAYS, MAX_NAME_LENGTH, MAX_REASON_LENGTH, MAX_REASONS, SITES, type Account, type Site } from '../model';
import { isValidLocalDate } from '../streak';
import { validateHandle } from '../accounts';
import { parseFriction } from '../friction/store';
import { isStoredFriendCode, type StoredFriendCode } from '../friction/friend-code';
import type { FrictionSettings } from '../friction/rules';
import { MAX_SYNCED_SLIPS, type SyncedPerson, type SyncedState } from './state';

/**
 * The browsers' `storage.sync` limits (the same in Chrome and Firefox): about 100 KB in all and
 * 8 KB per item, each item measured as its key plus its value as JSON.
 */
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_ITEM_BYTES = 8_192;

/** Every item Clean Break writes starts with this; the digit is the encoding's version. */
export const SYNC_PREFIX = 'cb1.';
const META_KEY = `${SYNC_PREFIX}meta`;
const partKey = (index: number) => `${SYNC_PREFIX}${index}`;
const ENCODING_VERSION = 1;

/** Meta item: how many parts, and which device wrote them (to recognise its own echo). */
interface Meta {
  v: number;
  parts: number;
  /** Length of the joined parts: parts from two different writes never pass for one. */
  length: number;
  device: string;
}

/** Compact person: short keys, accounts as [site, handle] pairs. */
interface WirePerson {
  i: string;
  n: string;
  s: string;
  g: number;
  a: [string, string][];
  x: number[];
}
interface WireState {
  p: WirePerson[];
  r: string[];
  /** Friction: the settings as stored, and the friend code's salt and hash (or null). */
  f: { s: FrictionSettings; k: StoredFriendCode | null };
}

const utf8 = new TextEncoder();
const itemBytes = (key: string, value: unknown) => utf8.encode(key).length + utf8.encode(JSON.stringify(value)).length;

/** Cuts `text` into pieces that each fit one item under `key`; never inside a surrogate pair. */
function cut(text: string): string[] {
  const budget = SYNC_ITEM_BYTES - itemBytes(partKey(999), '');
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8.encode(JSON.stringify(char)).length - 2;
    if (bytes + size > budget) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += char;
    bytes += size;
  }
  if (piece || pieces.length === 0) pieces.push(piece);
  return pieces;
}

export interface Encoded {
  items: Record<string, unknown>;
  /** Bytes the items take against SYNC_QUOTA_BYTES. */
  bytes: number;
}

export function encodeState(state: SyncedState, device: string): Encoded {
  const wire: WireState = {
    p: state.people.map((person) => ({
      i: person.syncId,
      n: person.name,
      s: person.noContactSince,
      g: person.goalDays,
      a: person.accounts.map((account): [string, string] => [account.site, account.handle]),
      x: person.slips,
    })),
    r: state.reasons,
    f: { s: state.friction.settings, k: state.friction.friendCode },
  };
  const json = JSON.stringify(wire);
  const parts = cut(json);
  const items: Record<string, unknown> = {};
  parts.forEach((part, index) => (items[partKey(index)] = part));
  const meta: Meta = { v: ENCODING_VERSION, parts: parts.length, length: json.length, device };
  items[META_KEY] = meta;
  const bytes = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  return { items, bytes };
}

/** Keys of an earlier, longer encoding that the new one no longer uses. */
export function staleKeys(stored: Record<string, unknown>, encoded: Encoded): string[] {
  return Object.keys(stored).filter((key) => key.startsWith(SYNC_PREFIX) && !(key in encoded.items));
}

export type Decoded = { ok: true; state: SyncedState; device: string } | { ok: false; reason: 'empty' | 'newer' | 'broken' };

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const SYNC_ID = /^[A-Za-z0-9_-]{8,64}$/;

function readPerson(value: unknown): SyncedPerson | null {
  const wire = value as Partial<WirePerson> | null;
  if (typeof wire !== 'object' || wire === null) return null;
  const { i, n, s, g, a, x } = wire;
  if (!isString(i, 64) || !SYNC_ID.test(i) || !isString(n, MAX_NAME_LENGTH) || !n.trim()) return null;
  if (!isString(s, 10) || !isValidLocalDate(s)) return null;
  if (!Number.isInteger(g) || (g as number) < 1 || (g as number) > MAX_GOAL_DAYS) return null;
  if (!Array.isArray(a) || !Array.isArray(x)) return null;
  const accounts: Account[] = [];
  for (const pair of a) {
    if (!Array.isArray(pair) || !SITES.includes(pair[0] as Site) || typeof pair[1] !== 'string') return null;
    // The same checks as a handle typed in the options page or read from a backup.
    const handle = validateHandle(pair[0] as Site, pair[1]);
    if (!handle.ok) return null;
    accounts.push({ site: pair[0] as Site, handle: handle.value });
  }
  const slips = x.filter((at): at is number => Number.isSafeInteger(at) && at > 0).slice(-MAX_SYNCED_SLIPS);
  return { syncId: i, name: n, noContactSince: s, goalDays: g as number, accounts, slips };
}

/**
 * Reads what another device wrote. Anything malformed makes the whole state unreadable rather
 * than half-applied: sync then leaves this device's data as it is.
 */
export function decodeState(stored: Record<string, unknown>): Decoded {
  const meta = stored[META_KEY] as Partial<Meta> | undefined;
  if (meta === undefined) return { ok: false, reason: 'empty' };
  if (typeof meta !== 'object' || meta === null || !Number.isInteger(meta.v) || !Number.isInteger(meta.parts)) {
    return { ok: false, reason: 'broken' };
  }
  if ((meta.v as number) > ENCODING_VERSION) return { ok: false, reason: 'newer' };
  const parts = Array.from({ length: meta.parts as number }, (_, index) => stored[partKey(index)]);
  if (parts.some((part) => typeof part !== 'string')) return { ok: false, reason: 'broken' };
  const json = parts.join('');
  if (json.length !== meta.length) return { ok: false, reason: 'broken' };
  try {
    const wire = JSON.parse(json) as Partial<WireState>;
    if (!Array.isArray(wire.p) || !Array.isArray(wire.r)) return { ok: false, reason: 'broken' };
    const people = wire.p.map(readPerson);
    if (people.some((person) => person === null)) return { ok: false, reason: 'broken' };
    const reasons = wire.r.filter((reason) => isString(reason, MAX_REASON_LENGTH)).slice(0, MAX_REASONS);
    if (typeof wire.f !== 'object' || wire.f === null) return { ok: false, reason: 'broken' };
    const friction = { settings: parseFriction(wire.f.s), friendCode: isStoredFriendCode(wire.f.k) ? wire.f.k : null };
    return { ok: true, state: { people: people as SyncedPerson[], reasons, friction }, device: String(meta.device ?? '') };
  } catch {
    return { ok: false, reason: 'broken' };
  }
}
