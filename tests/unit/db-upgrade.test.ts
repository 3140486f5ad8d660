import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { addKeptOutOfView, keptOutOfViewOn, openDb, readAll } from '@/lib/db';

/** The v1 schema exactly as it shipped; never change it, it stands for real users' databases. */
function openV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    people: '++id, name',
    urges: '++id, at, [outcome+at], [personId+site+surface+at]',
    contacts: '++id, at, [personId+kind+at]',
    activities: '++id, at',
    settings: 'key',
  });
  return db;
}

describe('schema upgrades', () => {
  it('keeps every v1 record unchanged when opened at the latest version', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = openV1(name);
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
    expect(after).toEqual({ ...before, reasons: ['peace'] });
    // Indexes from v1 still answer, and v2's table is usable.
    expect(await latest.urges.where('[outcome+at]').between(['resisted', 0], ['resisted', Infinity]).count()).toBe(1);
    await addKeptOutOfView(latest, 'x', 3, new Date(2026, 10, 23, 10));
    await addKeptOutOfView(latest, 'x', 2, new Date(2026, 10, 23, 22));
    await addKeptOutOfView(latest, 'instagram', 4, new Date(2026, 10, 23, 23));
    await addKeptOutOfView(latest, 'x', 7, new Date(2026, 10, 24, 1));
    expect(await keptOutOfViewOn(latest, new Date(2026, 10, 23, 12))).toBe(9);
    latest.close();
    await Dexie.delete(name);
  });
});
