import Dexie, { type EntityTable } from 'dexie';
import type { ActivityDone, Contact, LocalDate, Person, Reflection, Site, Urge } from '../model';
import { tallyUrges, type UrgeTallyTable } from './tally';

export const DB_NAME = 'clean-break';

/** Small key/value records the UI keeps between openings (e.g. the suggested activity). */
export interface Setting {
  key: string;
  value: unknown;
}

/** How many of the person's posts, rows and cards were hidden passively on a site on a day. */
export interface KeptOutOfView {
  day: LocalDate;
  site: Site;
  count: number;
}

/** An opaque id a site uses for the person (a thread, a channel), learned from a page. */
export interface LearnedKeyRow {
  site: Site;
  key: string;
  personId: number;
}

export type CleanBreakDb = Dexie & {
  people: EntityTable<Person, 'id'>;
  urges: EntityTable<Urge, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  activities: EntityTable<ActivityDone, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  keptOutOfView: Dexie.Table<KeptOutOfView, [LocalDate, Site]>;
  learnedKeys: Dexie.Table<LearnedKeyRow, [Site, string]>;
  reflections: EntityTable<Reflection, 'id'>;
  urgeTally: UrgeTallyTable;
};

/**
 * Every schema version, in order. Never edit a published version: add a new one with an
 * upgrade function, and a test in tests/unit/db-upgrade.test.ts that upgrades real v1 data.
 */
export function defineVersions(db: Dexie): void {
  db.version(1).stores({
    people: '++id, name',
    // [outcome+at] counts today's resisted urges without a scan; the long compound index
    // finds a duplicate of the same check within the de-duplication window.
    urges: '++id, at, [outcome+at], [personId+site+surface+at]',
    // [personId+kind+at] finds a person's slips (their own contact) directly.
    contacts: '++id, at, [personId+kind+at]',
    activities: '++id, at',
    settings: 'key',
  });
  // v2: daily "kept out of view" counts, one row per day and site. A new table: nothing to migrate.
  db.version(2).stores({
    keptOutOfView: '[day+site], day',
  });
  // v3: opaque ids learned for a person (chat threads, channels). A new table: nothing to migrate.
  db.version(3).stores({
    learnedKeys: '[site+key], site, personId',
  });
  // v4: reflections written at the goal. A new table: nothing to migrate.
  db.version(4).stores({
    reflections: '++id, at, personId',
  });
  // v5: urges per outcome and hour, derived from the urges (lib/db/tally.ts); filled from them here.
  db.version(5)
    .stores({
      urgeTally: '[outcome+hour]',
    })
    // Whole records come in one getAll; reading only the index's keys would walk a cursor, 3× slower.
    .upgrade(async (tx) => tallyUrges(tx.table('urgeTally'), await tx.table('urges').toArray(), 1));
}

export function openDb(name = DB_NAME): CleanBreakDb {
  const db = new Dexie(name) as CleanBreakDb;
  defineVersions(db);
  return db;
}
