import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeState, encodeState, staleKeys, SYNC_ITEM_BYTES, SYNC_QUOTA_BYTES } from '@/lib/sync/encoding';
import { mergeStates, stillHeld, withHeldBack, withoutHeld } from '@/lib/sync/merge';
import { applyState, readLocalState } from '@/lib/sync/local';
import { isFromAnotherDevice } from '@/lib/sync';
import { EMPTY_STATE, type SyncedPerson, type SyncedState } from '@/lib/sync/state';
import { DEFAULT_FRICTION, type FrictionSettings } from '@/lib/friction/rules';
import { listPeople, openDb, recordContact, saveReasons, slipTimes, type CleanBreakDb } from '@/lib/db';
import { MAX_REASON_LENGTH, MAX_REASONS, SITES, SLIP_KIND, type Account } from '@/lib/model';
import { generatedHandle } from '../fixtures/people';

const ig = (handle: string): Account => ({ site: 'instagram', handle });
const sam = (patch: Partial<SyncedPerson> = {}): SyncedPerson => ({
  syncId: 'sam-0000-0001',
  name: 'Sam',
  noContactSince: '2026-11-01',
  goalDays: 30,
  accounts: [ig('sam.rivera')],
  slips: [],
  ...patch,
});
const state = (people: SyncedPerson[], reasons: string[] = [], friction = EMPTY_STATE.friction): SyncedState => ({ people, reasons, friction });
const utf8Bytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

describe('sync encoding', () => {
  it('round-trips people, accounts, slips and reasons', () => {
    const original = state([sam({ slips: [1_700_000_000_000] }), sam({ syncId: 'alex-000-0002', name: 'Alex' })], ['Sleep', 'Calm mornings']);
    const decoded = decodeState(encodeState(original, 'device-a').items);
    expect(decoded).toEqual({ ok: true, state: original, device: 'device-a' });
  });

  it('fits a person with accounts on all 13 sites and 50 long reasons, every item under 8 KB', () => {
    const everywhere = sam({ accounts: SITES.map((site) => ({ site, handle: generatedHandle(site, 1) })), slips: Array.from({ length: 20 }, (_, i) => 1_700_000_000_000 + i) });
    // Multi-byte text (Spanish accents, emoji) is what makes the byte count differ from the length.
    const reasons = Array.from({ length: MAX_REASONS }, (_, i) => `${i} ${'Quiero dormir tranquila 🌙 sin mirar su perfil. '.repeat(10)}`.slice(0, MAX_REASON_LENGTH));
    const encoded = encodeState(state([everywhere], reasons), 'device-a');
    expect(Object.keys(encoded.items).length).toBeGreaterThan(2);
    expect(encoded.bytes).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
    for (const [key, value] of Object.entries(encoded.items)) expect(utf8Bytes(key, value)).toBeLessThanOrEqual(SYNC_ITEM_BYTES);
    expect(encoded.bytes).toBe(Object.entries(encoded.items).reduce((sum, [key, value]) => sum + utf8Bytes(key, value), 0));
    const decoded = decodeState(encoded.items);
    expect(decoded.ok && decoded.state.reasons).toEqual(reasons);
    expect(decoded.ok && decoded.state.people[0]!.accounts).toHaveLength(13);
  });

  it('reports a state too big for the quota instead of cutting it', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      sam({ syncId: `person-${String(i).padStart(6, '0')}`, name: `Person ${i}`, accounts: SITES.map((site) => ({ site, handle: generatedHandle(site, i + 1) })) }),
    );
    const reasons = Array.from({ length: MAX_REASONS }, () => '🌙'.repeat(MAX_REASON_LENGTH / 2));
    expect(encodeState(state(many, reasons), 'd').bytes).toBeGreaterThan(SYNC_QUOTA_BYTES);
  });

  it('refuses parts from two different writes, a newer encoding and malformed people', () => {
    const long = state([sam()], Array.from({ length: 50 }, (_, i) => `reason ${i} `.repeat(25)));
    const first = encodeState(long, 'a').items;
    const second = encodeState({ ...long, reasons: long.reasons.slice(1) }, 'a').items;
    expect(decodeState({ ...first, 'cb1.1': second['cb1.1'] })).toEqual({ ok: false, reason: 'broken' });
    expect(decodeState({})).toEqual({ ok: false, reason: 'empty' });
    expect(decodeState({ ...first, 'cb1.meta': { v: 2, parts: 1, length: 2, device: 'x' } })).toEqual({ ok: false, reason: 'newer' });
    const badHandle = encodeState(state([sam({ accounts: [ig('not a handle!')] })]), 'a').items;
    expect(decodeState(badHandle)).toEqual({ ok: false, reason: 'broken' });
    const badGoal = encodeState(state([sam({ goalDays: 0 })]), 'a').items;
    expect(decodeState(badGoal)).toEqual({ ok: false, reason: 'broken' });
  });

  it('lists the parts a shorter state no longer needs', () => {
    const long = encodeState(state([sam()], Array.from({ length: 50 }, (_, i) => `reason ${i} `.repeat(25))), 'a');
    const short = encodeState(state([sam()]), 'a');
    expect(staleKeys({ ...long.items, unrelated: 1 }, short).sort()).toEqual(Object.keys(long.items).filter((key) => !(key in short.items)).sort());
  });

  it("tells another device's write from this device's own echo", () => {
    const items = encodeState(state([sam()]), 'device-a').items;
    const changes = Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }]));
    expect(isFromAnotherDevice(changes, 'device-a')).toBe(false);
    expect(isFromAnotherDevice(changes, 'device-b')).toBe(true);
    expect(isFromAnotherDevice({ unrelated: { newValue: 1 } }, 'device-b')).toBe(false);
  });
});

describe('sync merge', () => {
  it('applies what the other device added: a person, an account, a higher goal, a slip', () => {
    const base = state([sam()]);
    const remote = state([sam({ goalDays: 45, accounts: [ig('sam.rivera'), { site: 'x', handle: 'samriv' }], slips: [5] }), sam({ syncId: 'alex-000-0002', name: 'Alex' })]);
    const { shared, held } = mergeStates(base, state([sam()]), remote);
    expect(held).toEqual([]);
    expect(shared).toEqual(remote);
  });

  it("holds the other device's removals and lowered goal here, and shares them", () => {
    const base = state([sam({ goalDays: 60, accounts: [ig('sam.rivera'), { site: 'x', handle: 'samriv' }] }), sam({ syncId: 'alex-000-0002', name: 'Alex' })]);
    const remote = state([sam({ goalDays: 21 })]);
    const local = base;
    const { shared, held } = mergeStates(base, local, remote);
    expect(shared).toEqual(remote);
    expect(held).toEqual([
      { kind: 'lower-goal', syncId: 'sam-0000-0001', name: 'Sam', goalDays: 21 },
      { kind: 'remove-account', syncId: 'sam-0000-0001', name: 'Sam', account: { site: 'x', handle: 'samriv' } },
      { kind: 'remove-person', syncId: 'alex-000-0002', name: 'Alex' },
    ]);
    // This device keeps all of it until the user changes it here.
    expect(withHeldBack(shared, held, local)).toEqual(local);
    // Shared again later, the held state counts as agreed, so nothing is pushed back.
    expect(withoutHeld(local, held)).toEqual(shared);
    expect(mergeStates(shared, withoutHeld(local, held), shared)).toEqual({ shared, held: [] });
  });

  it("keeps this device's own removals and lowered goal", () => {
    const base = state([sam({ goalDays: 60, accounts: [ig('sam.rivera'), { site: 'x', handle: 'samriv' }] }), sam({ syncId: 'alex-000-0002', name: 'Alex' })]);
    const local = state([sam({ goalDays: 21 })]);
    expect(mergeStates(base, local, base)).toEqual({ shared: local, held: [] });
  });

  it('merges two devices set up separately: union of accounts, the higher goal, every slip', () => {
    const local = state([sam({ goalDays: 30, slips: [3, 1] })], ['Sleep']);
    const remote = state([sam({ goalDays: 45, accounts: [{ site: 'x', handle: 'samriv' }], slips: [2] })], ['Calm']);
    const { shared, held } = mergeStates(null, local, remote);
    expect(held).toEqual([]);
    expect(shared.people[0]).toMatchObject({ goalDays: 45, accounts: [ig('sam.rivera'), { site: 'x', handle: 'samriv' }], slips: [1, 2, 3] });
    expect(shared.reasons).toEqual(['Sleep', 'Calm']);
  });

  it('takes the changed side for names, start dates and reasons, and the incoming one when both changed', () => {
    const base = state([sam()], ['a']);
    expect(mergeStates(base, state([sam({ name: 'S.' })], ['a', 'b']), base).shared).toEqual(state([sam({ name: 'S.' })], ['a', 'b']));
    expect(mergeStates(base, base, state([sam({ noContactSince: '2026-11-05' })], ['c'])).shared).toEqual(state([sam({ noContactSince: '2026-11-05' })], ['c']));
    const both = mergeStates(base, state([sam({ name: 'Local' })]), state([sam({ name: 'Remote' })]));
    expect(both.shared.people[0]!.name).toBe('Remote');
  });

  it('carries friction settings: the changed side wins, the stricter when both changed, and the later lock always', () => {
    const friction = (patch: Partial<FrictionSettings>, friendCode: { salt: string; hash: string } | null = null) => ({ settings: { ...DEFAULT_FRICTION, ...patch }, friendCode });
    const base = state([], [], friction({}));
    const code = { salt: 'c2FsdA==', hash: 'aGFzaA==' };
    // Made on the other computer only: it arrives, a friend code included.
    expect(mergeStates(base, base, state([], [], friction({ cooldownMinutes: 30 }, code))).shared.friction).toEqual(friction({ cooldownMinutes: 30 }, code));
    // Turned off on the other computer only (allowed there, instantly): it arrives too.
    const lateOff = { lateNight: { enabled: false, startHour: 22, endHour: 6 } };
    expect(mergeStates(base, base, state([], [], friction(lateOff))).shared.friction.settings.lateNight.enabled).toBe(false);
    // Changed on both: the stricter wait, strict mode kept, late-night kept on.
    const both = mergeStates(base, state([], [], friction({ cooldownMinutes: 20, lateNight: { enabled: true, startHour: 21, endHour: 6 } })), state([], [], friction({ cooldownMinutes: 45, strictAfterGoal: true, ...lateOff })));
    expect(both.shared.friction.settings).toMatchObject({ cooldownMinutes: 45, strictAfterGoal: true, lateNight: { enabled: true, startHour: 21 } });
    // The lock holds until the later date, whoever changed what.
    const locked = mergeStates(state([], [], friction({ lockedUntil: '2026-12-20' })), state([], [], friction({ lockedUntil: '2026-12-20' })), state([], [], friction({ lockedUntil: null })));
    expect(locked.shared.friction.settings.lockedUntil).toBe('2026-12-20');
    // And it round-trips through the encoding.
    const encoded = decodeState(encodeState(state([], [], friction({ cooldownMinutes: 30, lockedUntil: '2026-12-20' }, code)), 'a').items);
    expect(encoded.ok && encoded.state.friction).toEqual(friction({ cooldownMinutes: 30, lockedUntil: '2026-12-20' }, code));
  });

  it('drops a held change once this device has made it too', () => {
    const held = mergeStates(state([sam({ accounts: [ig('a1'), ig('a2')] })]), state([sam({ accounts: [ig('a1'), ig('a2')] })]), state([sam({ accounts: [ig('a1')] })])).held;
    expect(held).toHaveLength(1);
    expect(stillHeld(held, state([sam({ accounts: [ig('a1'), ig('a2')] })]))).toEqual(held);
    expect(stillHeld(held, state([sam({ accounts: [ig('a1')] })]))).toEqual([]);
    expect(stillHeld(held, state([]))).toEqual([]);
  });
});

describe('sync and the local database', () => {
  let db: CleanBreakDb;
  beforeEach(() => {
    db = openDb(`sync-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('gives people a sync id once, taking a known id for the same name', async () => {
    await db.people.bulkAdd([
      { name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [] },
      { name: 'Alex', noContactSince: '2026-11-01', goalDays: 30, accounts: [] },
    ]);
    const first = await readLocalState(db, [sam()]);
    expect(first.people.map((person) => person.syncId)[0]).toBe('sam-0000-0001');
    expect(first.people[1]!.syncId).toMatch(/^[0-9a-f]{32}$/);
    const again = await readLocalState(db, []);
    expect(again.people.map((person) => person.syncId)).toEqual(first.people.map((person) => person.syncId));
  });

  it('applies a merged state without removing or lowering anything, and records remote slips once', async () => {
    const id = (await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 60, accounts: [ig('sam.rivera'), ig('old')], syncId: 'sam-0000-0001' }))!;
    await recordContact(db, id, SLIP_KIND, 'my note', 100);
    await saveReasons(db, ['mine']);
    const local = await readLocalState(db, []);
    const target = state([sam({ goalDays: 30, accounts: [ig('sam.rivera'), { site: 'x', handle: 'samriv' }], slips: [100, 200] }), sam({ syncId: 'alex-000-0002', name: 'Alex', accounts: [] })], ['theirs']);
    await applyState(db, target, local);
    await applyState(db, target, await readLocalState(db, []));

    const people = await listPeople(db);
    expect(people).toHaveLength(2);
    expect(people[0]).toMatchObject({ goalDays: 60, accounts: [ig('sam.rivera'), ig('old'), { site: 'x', handle: 'samriv' }] });
    expect(people[1]).toMatchObject({ name: 'Alex', syncId: 'alex-000-0002' });
    expect((await slipTimes(db, id)).sort()).toEqual([100, 200]);
    expect((await db.contacts.toArray()).find((contact) => contact.at === 100)?.note).toBe('my note');
    expect((await readLocalState(db, [])).reasons).toEqual(['theirs']);
  });
});
