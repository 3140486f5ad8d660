import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { addKeptOutOfView, countUrges, keptOutOfViewOn, openDb, readAll } from '@/lib/db';
import { defineVersions } from '@/lib/db/schema';

/**
 * Every published schema, exactly as it shipped. Never change one: they stand for real users'
 * databases. A new schema version is added here with rows for what it adds (ROWS_ADDED_IN).
 */
const PUBLISHED: Record<string, string>[] = [
  {
    people: '++id, name',
    urges: '++id, at, [outcome+at], [personId+site+surface+at]',
    contacts: '++id, at, [personId+kind+at]',
    activities: '++id, at',
    settings: 'key',
  },
  { keptOutOfView: '[day+site], day' },
  { learnedKeys: '[site+key], site, personId' },
  { reflections: '++id, at, personId' },
  { urgeTally: '[outcome+hour]' },
];
/** Tables derived from others: an upgrade that adds one fills it from what is stored. */
const DERIVED = ['urgeTally'];
const LATEST = PUBLISHED.length;

/** What users of each version had stored, for the tables that version added; index 0 is v1. */
const ROWS_ADDED_IN: Record<string, unknown[]>[] = [
  {
    people: [
      { name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [{ site: 'x', handle: 'samriv' }, { site: 'whatsapp', handle: 'Sam 💛' }] },
      { name: 'Alex', noContactSince: '2026-09-14', goalDays: 90, accounts: [] },
    ],
    urges: [
      { at: 1_763_000_000_000, personId: 1, site: 'x', surface: 'profile', outcome: 'resisted' },
      { at: 1_763_000_100_000, personId: 1, site: 'instagram', surface: 'story', outcome: 'overrode' },
      { at: 1_763_000_200_000, personId: 2, site: 'whatsapp', surface: 'message', outcome: 'resisted' },
    ],
    contacts: [
      { at: 1_762_000_000_000, personId: 1, kind: 'i-reached-out', note: 'old' },
      { at: 1_762_100_000_000, personId: 2, kind: 'they-reached-out', note: '' },
    ],
    activities: [{ at: 1_762_500_000_000, activityId: 'walk-20' }],
    settings: [
      { key: 'reasons', value: ['peace', 'sleep'] },
      { key: 'suggestedActivity', value: 'walk-20' },
    ],
  },
  {
    keptOutOfView: [
      { day: '2026-11-22', site: 'x', count: 14 },
      { day: '2026-11-22', site: 'instagram', count: 2 },
    ],
  },
  { learnedKeys: [{ site: 'instagram', key: 'thread:340282366841710300949128', personId: 1 }] },
  {
    reflections: [
      { at: 1_765_000_000_000, personId: 1, answers: { 'why-it-ended': 'Different lives.', ready: 'Yes.' }, leaning: 'moving-on' },
      { at: 1_765_100_000_000, personId: 2, answers: {} },
    ],
  },
  // The tally of v1's urges above, in key order: all three fall in hour 489,722 since the epoch.
  {
    urgeTally: [
      { outcome: 'overrode', hour: 489_722, count: 1 },
      { outcome: 'resisted', hour: 489_722, count: 2 },
    ],
  },
];

/** A database as the extension at `version` (1-based) defined it. */
function openPublished(name: string, version: number): Dexie {
  const db = new Dexie(name);
  PUBLISHED.slice(0, version).forEach((stores, index) => db.version(index + 1).stores(stores));
  return db;
}

/** The extension's own schema and upgrade code as far as `version`, as a release at that version ran it. */
function openAppAt(name: string, version: number): Dexie {
  const db = new Dexie(name);
  const later = { stores: () => later, upgrade: () => later };
  defineVersions({ version: (n: number) => (n <= version ? db.version(n) : later) } as unknown as Dexie);
  return db;
}

/** Every row of every table, and every index's row count: all that a user's data is. */
async function contents(db: Dexie) {
  const tables: Record<string, { rows: unknown[]; indexed: Record<string, number> }> = {};
  for (const table of db.tables) {
    const indexed: Record<string, number> = {};
    for (const index of table.schema.indexes) indexed[index.name] = await table.orderBy(index.name).count();
    tables[table.name] = { rows: await table.toArray(), indexed };
  }
  return tables;
}

/** The schema as Dexie reads it: primary key and index definitions per table. */
function schemaOf(db: Dexie) {
  return Object.fromEntries(
    db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)]]),
  );
}

/** What a derived table holds once filled from the rows users had stored. */
function derivedRows(table: string): unknown[] {
  return ROWS_ADDED_IN.find((rows) => table in rows)?.[table] ?? [];
}

/** A database created at `version` with what its users had stored, closed again. */
async function storedAt(name: string, version: number) {
  const db = openPublished(name, version);
  for (const rows of ROWS_ADDED_IN.slice(0, version)) {
    for (const [table, added] of Object.entries(rows)) await db.table(table).bulkAdd(added);
  }
  const before = await contents(db);
  db.close();
  return before;
}

describe('published schemas', () => {
  it('are every version the extension defines, each unchanged', () => {
    // Neither is opened: only the declared schemas are compared.
    const app = openDb('declared-only');
    // A new version in lib/db/schema.ts must be published above, with rows, so the tests below upgrade into it.
    expect(app.verno).toBe(LATEST);
    expect(ROWS_ADDED_IN).toHaveLength(LATEST);
    expect(schemaOf(app)).toEqual(schemaOf(openPublished('declared-only', LATEST)));
  });
});

describe.each(PUBLISHED.map((_, index) => index + 1))('upgrading a v%i database', (version) => {
  it('through every later version in turn loses and changes nothing', async () => {
    const name = `stepwise-${version}-${Math.random()}`;
    const before = await storedAt(name, version);
    // Each release in between, then this one.
    for (let next = version + 1; next < LATEST; next += 1) {
      const step = openAppAt(name, next);
      await step.open();
      step.close();
    }
    const latest = openDb(name);
    const after = await contents(latest);
    // The rows and indexes it had, unchanged; tables added since are there and empty, but for
    // derived ones, which hold what was derived from the rows.
    expect(Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]))).toEqual(before);
    const added = Object.keys(after).filter((table) => !(table in before));
    expect(Object.fromEntries(added.map((table) => [table, after[table]!.rows]))).toEqual(
      Object.fromEntries(added.map((table) => [table, DERIVED.includes(table) ? derivedRows(table) : []])),
    );
    latest.close();
    await Dexie.delete(name);
  });

  it('straight to the latest version loses and changes nothing', async () => {
    const name = `direct-${version}-${Math.random()}`;
    const before = await storedAt(name, version);
    const latest = openDb(name);
    const after = await contents(latest);
    expect(Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]))).toEqual(before);
    latest.close();
    await Dexie.delete(name);
  });
});

describe('schema upgrades, read through the app', () => {
  it('keeps every v1 record unchanged when opened at the latest version', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = openPublished(name, 1);
    await v1.table('people').add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [{ site: 'x', handle: 'samriv' }] });
    await v1.table('urges').bulkAdd([
      { at: 1_763_000_000_000, personId: 1, site: 'x', surface: 'profile', outcome: 'resisted' },
      { at: 1_763_000_100_000, personId: 1, site: 'instagram', surface: 'story', outcome: 'overrode' },
    ]);
    await v1.table('contacts').add({ at: 1_762_000_000_000, personId: 1, kind: 'i-reached-out', note: 'old' });
    await v1.table('activities').add({ at: 1_762_500_000_000, activityId: 'walk-20' });
    await v1.table('settings').put({ key: 'reasons', value: ['peace'] });
    const before = {
      people: await v1.table('people').toArray(),
      urges: await v1.table('urges').toArray(),
      contacts: await v1.table('contacts').toArray(),
      activities: await v1.table('activities').toArray(),
    };
    v1.close();

    const latest = openDb(name);
    const after = await readAll(latest);
    expect(latest.verno).toBeGreaterThan(1);
    expect(after).toEqual({ ...before, reasons: ['peace'], reflections: [] });
    // Indexes from v1 still answer, and v2's table is usable.
    expect(await latest.urges.where('[outcome+at]').between(['resisted', 0], ['resisted', Infinity]).count()).toBe(1);
    // v5's tally was filled from them: counts over whole hours read it.
    expect(await countUrges(latest, 'resisted', 1_762_000_000_000, 1_764_000_000_000)).toBe(1);
    expect(await countUrges(latest, 'overrode', 1_762_000_000_000, 1_764_000_000_000)).toBe(1);
    await addKeptOutOfView(latest, 'x', 3, new Date(2026, 10, 23, 10));
    await addKeptOutOfView(latest, 'x', 2, new Date(2026, 10, 23, 22));
    await addKeptOutOfView(latest, 'instagram', 4, new Date(2026, 10, 23, 23));
    await addKeptOutOfView(latest, 'x', 7, new Date(2026, 10, 24, 1));
    expect(await keptOutOfViewOn(latest, new Date(2026, 10, 23, 12))).toBe(9);
    latest.close();
    await Dexie.delete(name);
  });
});
