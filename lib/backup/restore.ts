import { addUrge, addUrges, allTables, clearAll, getReasons, saveReasons, type CleanBreakDb } from '../db';
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
    await addUrges(db, data.urges.map(({ personIndex, ...urge }) => ({ ...urge, personId: idOf(personIndex) })));
    await db.contacts.bulkAdd(
      data.contacts.map(({ personIndex, ...contact }) => ({ ...contact, personId: idOf(personIndex) })),
    );
    await db.activities.bulkAdd(data.activities);
    await db.reflections.bulkAdd(
      data.reflections.map(({ personIndex, ...reflection }) => ({ ...reflection, personId: idOf(personIndex) })),
    );
  });
}

/** What a merge added, to tell the user. */
export interface MergeCounts {
  people: number;
  urges: number;
  contacts: number;
  activities: number;
  reflections: number;
}

/**
 * Adds a validated backup to what is here, all or nothing: the way to bring a second device's
 * history in. It only ever adds, so it never lowers protection: a person with the same name is
 * the same person, their accounts are joined and the higher goal kept; their start date here
 * stays (an earlier one would bring the goal date closer), and the file's slips come in with its
 * other contacts. A record already here (same person, kind and time) is not added twice.
 */
export async function mergeInto(db: CleanBreakDb, data: BackupData): Promise<MergeCounts> {
  const counts: MergeCounts = { people: 0, urges: 0, contacts: 0, activities: 0, reflections: 0 };
  await db.transaction('rw', allTables(db), async () => {
    const personIds: number[] = [];
    for (const person of data.people) {
      const here = await db.people.where('name').equals(person.name).first();
      if (here?.id === undefined) {
        personIds.push((await db.people.add({ ...person }))!);
        counts.people += 1;
        continue;
      }
      const accounts = [...here.accounts];
      for (const account of person.accounts) {
        if (!accounts.some((known) => known.site === account.site && known.handle === account.handle)) accounts.push(account);
      }
      await db.people.update(here.id, { accounts, goalDays: Math.max(here.goalDays, person.goalDays) });
      personIds.push(here.id);
    }
    const idOf = (index: number): number => {
      const id = personIds[index];
      if (id === undefined) throw new Error(`Backup refers to person ${index}, which was not added.`);
      return id;
    };

    for (const { personIndex, ...urge } of data.urges) {
      const personId = idOf(personIndex);
      const same = await db.urges.where('[personId+site+surface+at]').equals([personId, urge.site, urge.surface, urge.at]).count();
      if (same > 0) continue;
      await addUrge(db, { ...urge, personId });
      counts.urges += 1;
    }
    for (const { personIndex, ...contact } of data.contacts) {
      const personId = idOf(personIndex);
      const same = await db.contacts.where('[personId+kind+at]').equals([personId, contact.kind, contact.at]).count();
      if (same > 0) continue;
      await db.contacts.add({ ...contact, personId });
      counts.contacts += 1;
    }
    for (const activity of data.activities) {
      const same = await db.activities.where('at').equals(activity.at).filter((done) => done.activityId === activity.activityId).count();
      if (same > 0) continue;
      await db.activities.add({ ...activity });
      counts.activities += 1;
    }
    for (const { personIndex, ...reflection } of data.reflections) {
      const personId = idOf(personIndex);
      const same = await db.reflections.where('at').equals(reflection.at).filter((kept) => kept.personId === personId).count();
      if (same > 0) continue;
      await db.reflections.add({ ...reflection, personId });
      counts.reflections += 1;
    }
    const reasons = await getReasons(db);
    await saveReasons(db, [...new Set([...reasons, ...data.reasons])]);
  });
  return counts;
}
