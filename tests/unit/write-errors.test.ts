import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import {
  deleteAll,
  logUrge,
  openDb,
  readAll,
  removePerson,
  saveReasons,
  type AllData,
  type CleanBreakDb,
} from '@/lib/db';
import { describeWriteError, isOutOfSpace, portableWriteError } from '@/lib/db/errors';
import { clearWriteProblem, noteWriteProblem, readWriteProblem } from '@/lib/db/write-problems';
import { parseBackup } from '@/lib/backup/format';
import { replaceAllWith } from '@/lib/backup/restore';
import { shieldHello, UNSTORED_URGE_ID } from '@/lib/shield/hello';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const OUT_OF_SPACE_ERRORS: [string, unknown][] = [
  ['a DOMException', quota()],
  ['Dexie’s own QuotaExceededError', new Dexie.QuotaExceededError('Quota exceeded', quota())],
  ['an aborted transaction whose cause was the quota', new Dexie.AbortError('Transaction aborted', quota())],
  ['a bulk write with one failure for quota', new Dexie.BulkError('2 of 3 failed', { 1: new Error('x'), 2: quota() })],
  ['an Error whose cause was the quota', new Error('write failed', { cause: quota() })],
  ['Firefox’s quota error text', new Error('NS_ERROR_DOM_QUOTA_REACHED')],
  ['a disk-full message', new Error('IO error: .../000123.log: No space left on device')],
  ['an error that crossed extension messaging', new Error(portableWriteError(quota()).message)],
];

const OTHER_ERRORS: [string, unknown][] = [
  ['a constraint error', new Dexie.ConstraintError('Key already exists')],
  ['an aborted transaction for another reason', new Dexie.AbortError('Transaction aborted', new Error('Timeout'))],
  ['a closed database', new Dexie.DatabaseClosedError()],
  ['a plain Error', new Error('Something went wrong')],
  ['a string', 'oops'],
  ['undefined', undefined],
  ['null', null],
  ['an error nested in itself', (() => {
    const error = new Error('loop') as Error & { inner?: unknown };
    error.inner = error;
    return error;
  })()],
];

describe('isOutOfSpace', () => {
  it.each(OUT_OF_SPACE_ERRORS)('recognises %s', (_name, error) => {
    expect(isOutOfSpace(error)).toBe(true);
  });

  it.each(OTHER_ERRORS)('does not mistake %s for a full device', (_name, error) => {
    expect(isOutOfSpace(error)).toBe(false);
  });
});

describe('describeWriteError', () => {
  it('says the device is out of space, that nothing changed, and what to do', () => {
    expect(describeWriteError(quota())).toBe(
      "That couldn’t be saved: your device is out of space for Clean Break. Nothing already stored was changed. " +
        'Free some space on this device, then try again.',
    );
  });

  it('says calmly that nothing changed for any other failure', () => {
    expect(describeWriteError(new Error('Timeout'))).toBe(
      "That couldn’t be saved just now. Nothing already stored was changed; please try again.",
    );
  });

  it.each([
    ['save', "That couldn’t be saved"],
    ['record', "That couldn’t be recorded"],
    ['remove', "That couldn’t be removed"],
    ['import', "The backup couldn’t be imported"],
    ['delete', "Your data couldn’t be deleted"],
  ] as const)('names what was being done (%s)', (action, start) => {
    expect(describeWriteError(quota(), action).startsWith(`${start}: your device is out of space`)).toBe(true);
    expect(describeWriteError('x', action).startsWith(`${start} just now.`)).toBe(true);
  });

  it('never repeats the technical error to the user', () => {
    const message = describeWriteError(new Dexie.AbortError('Transaction aborted', quota()));
    expect(message).not.toMatch(/Quota|Abort|DOMException|transaction/i);
  });
});

describe('portableWriteError', () => {
  it('keeps the quota in the message, the only part that crosses extension messaging', () => {
    const crossed = portableWriteError(new Dexie.AbortError('Transaction aborted', quota()));
    expect(crossed.message.startsWith('QuotaExceededError: ')).toBe(true);
    expect(isOutOfSpace(crossed.message)).toBe(true);
  });

  it('leaves other errors as they were', () => {
    expect(portableWriteError(new Error('Timeout')).message).toBe('Timeout');
    expect(isOutOfSpace(portableWriteError(new Error('Timeout')))).toBe(false);
  });
});

/** Makes IndexedDB refuse new data as a full disk does, after `allowed` more writes succeed. */
function fillTheDisk(allowed = 0) {
  let left = allowed;
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args) {
      if (left-- <= 0) throw quota();
      return original.apply(this, args);
    });
  }
}

describe('a write on a full device', () => {
  let db: CleanBreakDb;
  let personId: number;
  let before: AllData;

  beforeEach(async () => {
    db = openDb(`full-${Math.random()}`);
    personId = (await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [] }))!;
    await logUrge(db, { personId, site: 'x', surface: 'profile', outcome: 'resisted' }, Date.UTC(2026, 10, 20));
    await saveReasons(db, ['I want my evenings back.']);
    before = await readAll(db);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    db.close();
    await Dexie.delete(db.name);
  });

  const backup = parseBackup(
    JSON.stringify({
      app: 'clean-break',
      version: 1,
      people: [{ name: 'Jo', noContactSince: '2026-10-01', goalDays: 21, accounts: [] }],
      urges: [{ at: '2026-11-01T10:00:00Z', person: 'Jo', site: 'x', surface: 'story', outcome: 'overrode' }],
      reasons: ['new'],
    }),
  );

  const writes: [name: string, write: (db: CleanBreakDb) => Promise<unknown>, allowed: number][] = [
    ['adding a person', (db) => db.people.add({ name: 'Alex', noContactSince: '2026-11-01', goalDays: 30, accounts: [] }), 0],
    ['editing a person', (db) => db.people.update(1, { goalDays: 60 }), 0],
    ['saving reasons', (db) => saveReasons(db, ['a', 'b']), 0],
    ['logging an urge', (db) => logUrge(db, { personId: 1, site: 'x', surface: 'story', outcome: 'resisted' }, Date.UTC(2026, 10, 21)), 0],
    // The tables are emptied, the reasons and the person written, then the urges fail.
    ['importing a backup halfway through', (db) => replaceAllWith(db, backup.ok ? backup.data : (undefined as never)), 2],
  ];

  it.each(writes)('%s fails with the out-of-space message and changes nothing', async (_name, write, allowed) => {
    fillTheDisk(allowed);
    const error = await write(db).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeDefined();
    expect(describeWriteError(error)).toContain('your device is out of space');
    vi.restoreAllMocks();
    expect(await readAll(db)).toEqual(before);
  });

  it('removing a person or everything fails as one transaction, changing nothing', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw quota();
    });
    await expect(removePerson(db, personId)).rejects.toSatisfy(isOutOfSpace);
    vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(() => {
      throw quota();
    });
    await expect(deleteAll(db)).rejects.toSatisfy(isOutOfSpace);
    vi.restoreAllMocks();
    expect(await readAll(db)).toEqual(before);
  });
});

describe('the note the worker leaves for the popup', () => {
  it('records when, what and why, and nothing personal', async () => {
    await noteWriteProblem('urge', new Dexie.AbortError('aborted', quota()), 1_700_000_000_000);
    expect(await readWriteProblem()).toEqual({ at: 1_700_000_000_000, what: 'urge', reason: 'out-of-space' });
    expect(Object.keys((await browser.storage.local.get(null)) as object)).toEqual(['writeProblem']);
  });

  it('says "other" for a failure that is not about space', async () => {
    await noteWriteProblem('kept-out-of-view', new Error('Timeout'), 5);
    expect(await readWriteProblem()).toEqual({ at: 5, what: 'kept-out-of-view', reason: 'other' });
  });

  it('falls back to session storage when the disk is too full even for the note', async () => {
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(quota());
    await noteWriteProblem('urge', quota(), 7);
    vi.restoreAllMocks();
    expect(await browser.storage.local.get('writeProblem')).toEqual({});
    expect(await readWriteProblem()).toEqual({ at: 7, what: 'urge', reason: 'out-of-space' });
    await clearWriteProblem();
    expect(await readWriteProblem()).toBeNull();
  });

  it('is cleared by a later successful write, and clearing nothing writes nothing', async () => {
    await noteWriteProblem('learned-key', quota(), 9);
    await clearWriteProblem();
    expect(await readWriteProblem()).toBeNull();
    const remove = vi.spyOn(browser.storage.local, 'remove');
    await clearWriteProblem();
    expect(remove).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('ignores a stored value of the wrong shape', async () => {
    for (const value of [null, 'urge', { at: 'now', what: 'urge', reason: 'other' }, { at: 1, what: 'name', reason: 'other' }]) {
      await browser.storage.local.set({ writeProblem: value });
      expect(await readWriteProblem()).toBeNull();
    }
  });
});

describe('the shield on a full device', () => {
  let db: CleanBreakDb;
  beforeEach(async () => {
    db = openDb(`hello-${Math.random()}`);
    await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [{ site: 'instagram', handle: 'sam.rivera' }] });
    vi.spyOn(browser.scripting, 'insertCSS').mockResolvedValue(undefined);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    db.close();
    await Dexie.delete(db.name);
  });
  const sender = { tab: { id: 3 } as never, frameId: 0, url: 'https://www.instagram.com/sam.rivera/' };

  it('still shields their profile when the urge cannot be stored, and leaves a note', async () => {
    fillTheDisk();
    const hello = await shieldHello(db, sender, Date.UTC(2026, 10, 20, 12));
    vi.restoreAllMocks();
    expect(hello.block).toEqual({ urgeId: UNSTORED_URGE_ID, personId: 1, surface: 'profile' });
    expect(await db.urges.count()).toBe(0);
    expect(await readWriteProblem()).toEqual({ at: Date.UTC(2026, 10, 20, 12), what: 'urge', reason: 'out-of-space' });
  });

  it('clears the note once an urge is stored again', async () => {
    await noteWriteProblem('urge', quota(), 1);
    const hello = await shieldHello(db, sender, Date.UTC(2026, 10, 20, 12));
    expect(hello.block?.urgeId).toBeGreaterThan(UNSTORED_URGE_ID);
    expect(await readWriteProblem()).toBeNull();
  });
});
