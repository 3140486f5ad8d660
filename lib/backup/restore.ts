import type { CleanBreakDb } from '../db';
import type { BackupData } from './format';

/** Replaces everything with a validated backup, all or nothing. */
export async function replaceAllWith(db: CleanBreakDb, data: BackupData): Promise<void> {
  await db.transaction('rw', [db.people, db.urges, db.contacts, db.activities, db.settings], async () => {
    await Promise.all([db.people.clear(), db.urges.clear(), db.contacts.clear(), db.activities.clear(), db.settings.clear()]);
    const personIds = await db.people.bulkAdd(data.people, { allKeys: true });
    const idOf = (index: number): number => {
      const id = personIds[index];
      if (id === undefined) throw new Error(`Backup refers to person ${index}, which was not added.`);
      return id;
    };
    await db.urges.bulkAdd(data.urges.map(({ personIndex, ...urge }) => ({ ...urge, personId: idOf(personIndex) })));
    await db.contacts.bulkAdd(
      data.contacts.map(({ personIndex, ...contact }) => ({ ...contact, personId: idOf(personIndex) })),
    );
    await db.activities.bulkAdd(data.activities);
  });
}
