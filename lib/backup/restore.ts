import { allTables, clearAll, saveReasons, type CleanBreakDb } from '../db';
import type { BackupData } from './format';

/** Replaces everything with a validated backup, all or nothing. */
export async function replaceAllWith(db: CleanBreakDb, data: BackupData): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    await clearAll(db);
    await saveReasons(db, data.reasons);
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
    await db.reflections.bulkAdd(
      data.reflections.map(({ personIndex, ...reflection }) => ({ ...reflection, personId: idOf(personIndex) })),
    );
  });
}
