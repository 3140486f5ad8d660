import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUrge, countUrges, getReasons, openDb, saveReasons, type CleanBreakDb } from '@/lib/db';
import { parseBackup } from '@/lib/backup/format';
import { mergeInto } from '@/lib/backup/restore';

let db: CleanBreakDb;
beforeEach(async () => {
  db = openDb(`merge-${Math.random()}`);
  const samId = (await db.people.add({ name: 'Sam', noContactSince: '2026-11-10', goalDays: 30, accounts: [{ site: 'instagram', handle: 'sam.rivera' }] }))!;
  await addUrge(db, { at: Date.parse('2026-11-11T10:00:00Z'), personId: samId, site: 'instagram', surface: 'profile', outcome: 'resisted' });
  await db.contacts.add({ at: Date.parse('2026-11-12T10:00:00Z'), personId: samId, kind: 'i-reached-out', note: 'here' });
  await saveReasons(db, ['Sleep']);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function backupOf(content: object) {
  const result = parseBackup(JSON.stringify({ app: 'clean-break', version: 1, ...content }), 1000);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe('mergeInto', () => {
  it("joins the same person's accounts and history, adds what is new, and keeps nothing twice", async () => {
    const data = backupOf({
      people: [
        { name: 'Sam', noContactSince: '2026-11-01', goalDays: 21, accounts: [{ site: 'instagram', handle: 'sam.rivera' }, { site: 'x', handle: 'samriv' }] },
        { name: 'Alex', noContactSince: '2026-11-05', goalDays: 30, accounts: [] },
      ],
      urges: [
        { at: '2026-11-11T10:00:00.000Z', person: 'Sam', site: 'instagram', surface: 'profile', outcome: 'resisted' },
        { at: '2026-11-13T10:00:00.000Z', person: 'Sam', site: 'x', surface: 'story', outcome: 'overrode' },
        { at: '2026-11-13T11:00:00.000Z', person: 'Alex', site: 'x', surface: 'profile', outcome: 'resisted' },
      ],
      contacts: [
        { at: '2026-11-12T10:00:00.000Z', person: 'Sam', kind: 'i-reached-out', note: 'there' },
        { at: '2026-11-14T10:00:00.000Z', person: 'Sam', kind: 'they-reached-out', note: '' },
      ],
      activities: [{ at: '2026-11-14T12:00:00.000Z', activity: 'walk-outside' }],
      reasons: ['Sleep', 'Calm'],
      reflections: [{ at: '2026-12-01T20:00:00.000Z', person: 'Sam', answers: { 'what-changed': 'I sleep again.' } }],
    });
    expect(await mergeInto(db, data)).toEqual({ people: 1, urges: 2, contacts: 1, activities: 1, reflections: 1 });
    // Importing the same file again adds nothing.
    expect(await mergeInto(db, data)).toEqual({ people: 0, urges: 0, contacts: 0, activities: 0, reflections: 0 });

    const [sam, alex] = await db.people.orderBy('id').toArray();
    expect(sam).toMatchObject({ noContactSince: '2026-11-10', goalDays: 30, accounts: [{ site: 'instagram', handle: 'sam.rivera' }, { site: 'x', handle: 'samriv' }] });
    expect(alex).toMatchObject({ name: 'Alex', goalDays: 30 });
    expect(await db.urges.count()).toBe(3);
    expect(await countUrges(db, 'resisted', 0, Date.parse('2026-12-01T00:00:00Z'))).toBe(2);
    expect((await db.contacts.toArray()).map((contact) => contact.note).sort()).toEqual(['', 'here']);
    expect(await getReasons(db)).toEqual(['Sleep', 'Calm']);
  });
});
