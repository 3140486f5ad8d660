import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKUP_APP,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  backupFileName,
  parseBackup,
  serializeBackup,
  type BackupData,
  type BackupResult,
} from '@/lib/backup/format';
import { validateHandle } from '@/lib/accounts';
import type { ActivityDone, Contact, Person, Urge } from '@/lib/model';

/** The example from the format's public description, byte for byte. */
const EXAMPLE = `{"app":"clean-break","version":1,"exportedAt":"2026-11-23T10:00:00.000Z",
 "people":[{"name":"Sam","noContactSince":"2026-11-01","goalDays":30,
            "accounts":[{"site":"instagram","handle":"sam.rivera"},{"site":"facebook","handle":"100004567890123"}]}],
 "urges":[{"at":"2026-11-20T23:41:00.000Z","person":"Sam","site":"instagram","surface":"profile","outcome":"resisted"}],
 "contacts":[{"at":"2026-11-10T09:00:00.000Z","person":"Sam","kind":"they-reached-out","note":""}],
 "activities":[{"at":"2026-11-21T18:00:00.000Z","activity":"walk-20"}]}`;

const EXAMPLE_DATA: BackupData = {
  people: [
    {
      name: 'Sam',
      noContactSince: '2026-11-01',
      goalDays: 30,
      accounts: [
        { site: 'instagram', handle: 'sam.rivera' },
        { site: 'facebook', handle: '100004567890123' },
      ],
    },
  ],
  urges: [
    { at: Date.UTC(2026, 10, 20, 23, 41), personIndex: 0, site: 'instagram', surface: 'profile', outcome: 'resisted' },
  ],
  contacts: [{ at: Date.UTC(2026, 10, 10, 9), personIndex: 0, kind: 'they-reached-out', note: '' }],
  activities: [{ at: Date.UTC(2026, 10, 21, 18), activityId: 'walk-20' }],
  reasons: [],
};

// Test files are deliberately shaped wrong, so they are edited untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The example, changed by `change`, as file text. */
function edited(change: (file: Json) => void): string {
  const file: Json = JSON.parse(EXAMPLE);
  change(file);
  return JSON.stringify(file);
}

function expectOk(result: BackupResult): BackupData {
  if (!result.ok) throw new Error(`expected the backup to be accepted, got: ${result.error}`);
  return result.data;
}

function errorOf(result: BackupResult): string {
  if (result.ok) throw new Error('expected the backup to be rejected');
  return result.error;
}

afterAll(() => {
  expect(({} as Json).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('name');
  expect(Object.prototype).not.toHaveProperty('app');
});

describe('parseBackup: valid files', () => {
  it('reads the documented example exactly', () => {
    expect(expectOk(parseBackup(EXAMPLE))).toEqual(EXAMPLE_DATA);
  });

  it('builds plain objects with only the known fields', () => {
    const data = expectOk(parseBackup(EXAMPLE));
    expect(Object.keys(data.people[0]!).sort()).toEqual(['accounts', 'goalDays', 'name', 'noContactSince']);
    expect(Object.keys(data.urges[0]!).sort()).toEqual(['at', 'outcome', 'personIndex', 'site', 'surface']);
    expect(Object.getPrototypeOf(data.people[0])).toBe(Object.prototype);
  });

  it('ignores unknown fields everywhere', () => {
    const text = edited((file) => {
      file.comment = 'made by hand';
      file.settings = { theme: 'dark' };
      file.people[0].pronouns = 'they';
      file.people[0].accounts[0].verified = true;
      file.urges[0].mood = 3;
      file.contacts[0].channel = 'sms';
      file.activities[0].minutes = 20;
    });
    expect(expectOk(parseBackup(text))).toEqual(EXAMPLE_DATA);
  });

  const cases: Array<{ name: string; text: string; check: (data: BackupData) => void }> = [
    {
      name: 'absent urges, contacts and activities are empty',
      text: '{"app":"clean-break","version":1,"people":[]}',
      check: (data) => expect(data).toEqual({ people: [], urges: [], contacts: [], activities: [], reasons: [] }),
    },
    {
      name: 'an absent note is empty',
      text: edited((file) => delete file.contacts[0].note),
      check: (data) => expect(data.contacts[0]?.note).toBe(''),
    },
    {
      name: 'names are trimmed and references still match',
      text: edited((file) => (file.people[0].name = '  Sam ')),
      check: (data) => expect(data.people[0]?.name).toBe('Sam'),
    },
    {
      name: 'duplicate accounts collapse to one',
      text: edited((file) => file.people[0].accounts.push({ site: 'instagram', handle: 'sam.rivera' })),
      check: (data) => expect(data.people[0]?.accounts).toHaveLength(2),
    },
    {
      name: 'time zone offsets are applied',
      text: edited((file) => {
        file.urges[0].at = '2026-11-20T23:41:00+01:00';
        file.contacts[0].at = '2026-11-10T09:00:00.5-05:30';
        file.activities[0].at = '2026-11-21T18:00Z';
      }),
      check: (data) => {
        expect(data.urges[0]?.at).toBe(Date.UTC(2026, 10, 20, 22, 41));
        expect(data.contacts[0]?.at).toBe(Date.UTC(2026, 10, 10, 14, 30, 0, 500));
        expect(data.activities[0]?.at).toBe(Date.UTC(2026, 10, 21, 18));
      },
    },
    {
      name: 'a leap day is a real date',
      text: edited((file) => (file.people[0].noContactSince = '2028-02-29')),
      check: (data) => expect(data.people[0]?.noContactSince).toBe('2028-02-29'),
    },
    {
      name: 'unknown activity ids are allowed',
      text: edited((file) => (file.activities[0].activity = 'some-future-activity-2')),
      check: (data) => expect(data.activities[0]?.activityId).toBe('some-future-activity-2'),
    },
    {
      name: 'HTML, emoji and right-to-left names are plain text',
      text: edited((file) => {
        file.people[0].name = '<script>alert(1)</script>';
        file.people.push({ name: 'Ali 🌧️💔', noContactSince: '2026-10-01', goalDays: 21, accounts: [] });
        file.people.push({ name: 'سارا', noContactSince: '2026-09-01', goalDays: 365, accounts: [] });
        file.urges[0].person = '<script>alert(1)</script>';
        file.contacts[0].person = 'سارا';
      }),
      check: (data) => {
        expect(data.people.map((p) => p.name)).toEqual(['<script>alert(1)</script>', 'Ali 🌧️💔', 'سارا']);
        expect(data.urges[0]?.personIndex).toBe(0);
        expect(data.contacts[0]?.personIndex).toBe(2);
      },
    },
    {
      name: 'people may be called __proto__, constructor or prototype',
      text: edited((file) => {
        file.people = ['__proto__', 'constructor', 'prototype'].map((name) => ({
          name,
          noContactSince: '2026-11-01',
          goalDays: 30,
          accounts: [],
        }));
        file.urges[0].person = 'constructor';
        file.contacts[0].person = '__proto__';
      }),
      check: (data) => {
        expect(data.people.map((p) => p.name)).toEqual(['__proto__', 'constructor', 'prototype']);
        expect(Object.getPrototypeOf(data.people[0])).toBe(Object.prototype);
        expect(data.urges[0]?.personIndex).toBe(1);
        expect(data.contacts[0]?.personIndex).toBe(0);
      },
    },
    {
      name: 'hostile extra keys are ignored without polluting anything',
      text:
        '{"app":"clean-break","version":1,"__proto__":{"polluted":true},' +
        '"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},' +
        '"people":[{"name":"Sam","noContactSince":"2026-11-01","goalDays":30,"accounts":[],' +
        '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]}',
      check: (data) => {
        expect(data.people).toEqual([{ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [] }]);
        expect(({} as Json).polluted).toBeUndefined();
        expect((data.people[0] as Json).polluted).toBeUndefined();
        expect((data as Json).polluted).toBeUndefined();
      },
    },
    {
      name: 'a byte-order mark at the start is tolerated',
      text: `\uFEFF${EXAMPLE}`,
      check: (data) => expect(data).toEqual(EXAMPLE_DATA),
    },
  ];

  it.each(cases)('$name', ({ text, check }) => {
    check(expectOk(parseBackup(text)));
  });

  it('stores handles as validateHandle normalises them, collapsing duplicates', () => {
    const raw = ['  sam.rivera ', 'https://www.instagram.com/sam.rivera/', 'sam.rivera'];
    const normalised = validateHandle('instagram', raw[0]!);
    if (!normalised.ok) throw new Error(normalised.error);
    const text = edited((file) => (file.people[0].accounts = raw.map((handle) => ({ site: 'instagram', handle }))));
    const accounts = expectOk(parseBackup(text)).people[0]?.accounts ?? [];
    expect(accounts[0]).toEqual({ site: 'instagram', handle: normalised.value });
    expect(new Set(accounts.map((account) => account.handle)).size).toBe(accounts.length);
  });

  it('accepts a file of exactly the maximum size', () => {
    expect(parseBackup(EXAMPLE, MAX_BACKUP_BYTES).ok).toBe(true);
  });
});

interface Broken {
  name: string;
  text: string | (() => string);
  byteLength?: number;
  /** Words the error must contain, to show it points at the right place. */
  mentions?: RegExp[];
}

const MINIMAL = '{"app":"clean-break","version":1,"people":[]}';
const personWith = (fields: Json) => edited((file) => Object.assign(file.people[0], fields));
const urgeWith = (fields: Json) => edited((file) => Object.assign(file.urges[0], fields));
const contactWith = (fields: Json) => edited((file) => Object.assign(file.contacts[0], fields));
const activityWith = (fields: Json) => edited((file) => Object.assign(file.activities[0], fields));
const hugeList = (count: number) =>
  `{"app":"clean-break","version":1,"people":[],"urges":[${'0,'.repeat(count - 1)}0]}`;
const hugeString = () => `{"app":"clean-break","version":1,"people":[],"x":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`;
const MB_21_3 = Math.round(21.3 * 1024 * 1024);

const BROKEN: Broken[] = [
  // Not a backup at all
  { name: 'an empty file', text: '', mentions: [/empty/] },
  { name: 'only whitespace', text: '  \n\t ', mentions: [/empty/] },
  { name: 'JSON cut after one character', text: EXAMPLE.slice(0, 1), mentions: [/JSON/] },
  { name: 'JSON cut inside the header', text: EXAMPLE.slice(0, 30), mentions: [/JSON/] },
  { name: 'JSON cut halfway', text: EXAMPLE.slice(0, Math.floor(EXAMPLE.length / 2)), mentions: [/JSON/] },
  { name: 'JSON missing its last brace', text: EXAMPLE.slice(0, -1), mentions: [/JSON/] },
  { name: 'not JSON at all', text: 'Sam, 2026-11-01, 30 days' },
  { name: 'null', text: 'null' },
  { name: 'an array', text: '[]', mentions: [/list/] },
  { name: 'a string', text: '"clean-break"' },
  { name: 'a number', text: '1' },
  // Header
  { name: 'another app', text: edited((file) => (file.app = 'other-app')), mentions: [/another app/] },
  { name: 'no app', text: edited((file) => delete file.app) },
  { name: 'app as a number', text: edited((file) => (file.app = 1)) },
  { name: 'version 0', text: edited((file) => (file.version = 0)), mentions: [/version/] },
  { name: 'version -1', text: edited((file) => (file.version = -1)) },
  { name: 'version 2 (newer)', text: edited((file) => (file.version = 2)), mentions: [/newer/, /version 2/] },
  { name: 'version "1"', text: edited((file) => (file.version = '1')), mentions: [/"1"/] },
  { name: 'version 1.5', text: edited((file) => (file.version = 1.5)), mentions: [/1\.5/] },
  { name: 'no version', text: edited((file) => delete file.version) },
  { name: 'exportedAt not a time', text: edited((file) => (file.exportedAt = 'yesterday')), mentions: [/export time/] },
  // People
  { name: 'no people', text: edited((file) => delete file.people), mentions: [/people/] },
  { name: 'people not an array', text: edited((file) => (file.people = { Sam: {} })), mentions: [/people/] },
  { name: 'people null', text: edited((file) => (file.people = null)) },
  { name: 'a person that is a string', text: edited((file) => (file.people[0] = 'Sam')), mentions: [/Person 1/] },
  { name: 'a name of 101 characters', text: personWith({ name: 'a'.repeat(101) }), mentions: [/Person 1/, /name/] },
  { name: 'an empty name', text: personWith({ name: '   ' }), mentions: [/name/] },
  { name: 'a name that is a number', text: personWith({ name: 42 }), mentions: [/name/] },
  { name: 'a name with a bell character', text: personWith({ name: 'Sam\u0007' }), mentions: [/control/] },
  { name: 'a name with a line break', text: personWith({ name: 'Sam\nRivera' }), mentions: [/control/] },
  { name: 'a name with a C1 control', text: personWith({ name: 'Sam\u0085' }), mentions: [/control/] },
  {
    name: 'duplicate names',
    text: edited((file) => file.people.push({ ...file.people[0], accounts: [] })),
    mentions: [/Person 2/, /person 1/, /same name/],
  },
  {
    name: 'names that are equal once trimmed',
    text: edited((file) => file.people.push({ ...file.people[0], name: 'Sam ', accounts: [] })),
    mentions: [/same name/],
  },
  { name: 'date 2026-02-30', text: personWith({ noContactSince: '2026-02-30' }), mentions: [/Person 1/, /real date/] },
  { name: 'date 2026-1-5', text: personWith({ noContactSince: '2026-1-5' }), mentions: [/YYYY-MM-DD/] },
  { name: 'date in year 99999', text: personWith({ noContactSince: '99999-01-01' }), mentions: [/years/] },
  { name: 'date in year 1969', text: personWith({ noContactSince: '1969-12-31' }), mentions: [/years/] },
  { name: 'date with a time', text: personWith({ noContactSince: '2026-11-01T00:00:00Z' }) },
  { name: 'date as a number', text: personWith({ noContactSince: 20261101 }) },
  { name: 'no start date', text: edited((file) => delete file.people[0].noContactSince) },
  { name: 'goalDays 0', text: personWith({ goalDays: 0 }), mentions: [/goal/] },
  { name: 'goalDays -1', text: personWith({ goalDays: -1 }), mentions: [/goal/] },
  { name: 'goalDays 1.5', text: personWith({ goalDays: 1.5 }), mentions: [/goal/] },
  { name: 'goalDays "30"', text: personWith({ goalDays: '30' }), mentions: [/goal/, /"30"/] },
  { name: 'goalDays 366', text: personWith({ goalDays: 366 }), mentions: [/goal/] },
  { name: 'no accounts list', text: edited((file) => delete file.people[0].accounts), mentions: [/account/] },
  {
    name: 'more than 100 accounts',
    text: personWith({ accounts: Array.from({ length: 101 }, (_, i) => ({ site: 'x', handle: `h${i}` })) }),
    mentions: [/too many accounts/],
  },
  {
    name: 'an account on an unknown site',
    text: personWith({ accounts: [{ site: 'myspace', handle: 'sam' }] }),
    mentions: [/Person 1's account 1/, /myspace/],
  },
  {
    name: 'a handle that fails validation',
    text: personWith({ accounts: [{ site: 'instagram', handle: 'sam.rivera' }, { site: 'instagram', handle: '   ' }] }),
    mentions: [/Person 1's account 2/, /handle/],
  },
  { name: 'a handle that is a number', text: personWith({ accounts: [{ site: 'facebook', handle: 1000045 }] }) },
  // Urges
  { name: 'urges not an array', text: edited((file) => (file.urges = 'none')), mentions: [/urge/] },
  { name: 'urge time in year +099999', text: urgeWith({ at: '+099999-11-20T23:41:00.000Z' }), mentions: [/Urge 1/] },
  { name: 'urge time on 2026-02-30', text: urgeWith({ at: '2026-02-30T10:00:00Z' }), mentions: [/real date/] },
  { name: 'urge time in month 13', text: urgeWith({ at: '2026-13-01T10:00:00Z' }), mentions: [/real date/] },
  { name: 'urge time at 25 o’clock', text: urgeWith({ at: '2026-11-20T25:00:00Z' }), mentions: [/real time/] },
  { name: 'urge time in year 2201', text: urgeWith({ at: '2201-01-01T00:00:00Z' }), mentions: [/years/] },
  { name: 'urge time as a number', text: urgeWith({ at: 1763681460000 }), mentions: [/Urge 1/, /time/] },
  { name: 'urge time empty', text: urgeWith({ at: '' }), mentions: [/time/] },
  { name: 'urge time with no time zone', text: urgeWith({ at: '2026-11-20T23:41:00' }), mentions: [/time zone/] },
  { name: 'urge time as a date only', text: urgeWith({ at: '2026-11-20' }) },
  { name: 'urge for an unknown person', text: urgeWith({ person: 'Alex' }), mentions: [/Urge 1/, /Alex/] },
  { name: 'urge for "constructor"', text: urgeWith({ person: 'constructor' }), mentions: [/constructor/] },
  { name: 'urge for "__proto__"', text: urgeWith({ person: '__proto__' }) },
  { name: 'urge on an unknown site', text: urgeWith({ site: 'myspace' }), mentions: [/site/] },
  { name: 'urge with an unknown surface', text: urgeWith({ surface: 'reel' }), mentions: [/surface/, /reel/] },
  { name: 'urge with an unknown outcome', text: urgeWith({ outcome: 'maybe' }), mentions: [/outcome/] },
  { name: 'urge missing its outcome', text: edited((file) => delete file.urges[0].outcome), mentions: [/outcome/] },
  { name: 'an urge that is null', text: edited((file) => file.urges.push(null)), mentions: [/Urge 2/] },
  // Contacts and activities
  { name: 'contact of an unknown kind', text: contactWith({ kind: 'texted' }), mentions: [/Contact 1/, /kind/] },
  { name: 'contact for an unknown person', text: contactWith({ person: 'sam' }), mentions: [/Contact 1/] },
  { name: 'a note over 2000 characters', text: contactWith({ note: 'x'.repeat(2001) }), mentions: [/note/] },
  { name: 'a note that is a number', text: contactWith({ note: 5 }), mentions: [/note/] },
  { name: 'an activity id with capitals', text: activityWith({ activity: 'Walk 20' }), mentions: [/Activity 1/] },
  { name: 'an activity id of 101 characters', text: activityWith({ activity: 'a'.repeat(101) }) },
  { name: 'an activity time in year 99999', text: activityWith({ at: '99999-01-01T00:00:00Z' }), mentions: [/years/] },
  { name: 'reasons that are not a list', text: edited((file) => (file.reasons = 'be kind to me')), mentions: [/reasons/] },
  { name: 'a reason that is a number', text: edited((file) => (file.reasons = ['ok', 7])), mentions: [/Reason 2/] },
  { name: 'a reason of 301 characters', text: edited((file) => (file.reasons = ['r'.repeat(301)])), mentions: [/Reason 1/] },
  { name: '51 reasons', text: edited((file) => (file.reasons = Array.from({ length: 51 }, (_, i) => `reason ${i}`))), mentions: [/too many reasons/] },
  // Hostile input
  {
    name: 'a person whose fields hide behind __proto__',
    text:
      '{"app":"clean-break","version":1,"people":[{"__proto__":{"name":"Sam","noContactSince":"2026-11-01",' +
      '"goalDays":30,"accounts":[],"polluted":true}}]}',
    mentions: [/Person 1/, /name/],
  },
  {
    name: 'a header hidden behind __proto__',
    text: '{"__proto__":{"app":"clean-break","version":1,"people":[],"polluted":true}}',
  },
  {
    name: 'a people list hidden behind constructor',
    text: '{"app":"clean-break","version":1,"constructor":{"people":[]},"polluted":true}',
    mentions: [/people/],
  },
  { name: 'people as an object with __proto__', text: '{"app":"clean-break","version":1,"people":{"__proto__":[]}}' },
  // Size
  { name: 'a 20 MB+ string', text: hugeString, mentions: [/MB/] },
  { name: 'a reported size of 21.3 MB', text: MINIMAL, byteLength: MB_21_3, mentions: [/21\.3 MB/] },
  { name: 'a 2-million-entry array', text: () => hugeList(2_000_000), mentions: [/too many urges/] },
];

describe('parseBackup: broken files', () => {
  it('has a large corpus', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(35);
  });

  it.each(BROKEN)('rejects $name', ({ text, byteLength, mentions = [] }) => {
    const error = errorOf(parseBackup(typeof text === 'function' ? text() : text, byteLength));
    expect(error.trim()).not.toBe('');
    expect(error).toMatch(/^[A-Z].*\.$/s);
    expect(error).not.toMatch(/\n/);
    for (const mention of mentions) expect(error).toMatch(mention);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('uses the documented sentences', () => {
    expect(errorOf(parseBackup(edited((file) => (file.app = 'other'))))).toBe(
      'This file is from another app, not a Clean Break backup.',
    );
    expect(errorOf(parseBackup(edited((file) => (file.version = 2))))).toBe(
      'This backup was made by a newer version of Clean Break (version 2). Update the extension, then try again.',
    );
    expect(errorOf(parseBackup(MINIMAL, MB_21_3))).toBe(
      'The file is 21.3 MB; backups can be at most 20 MB.',
    );
    const thirdUrgeBad = edited((file) =>
      file.urges.push(file.urges[0], { ...file.urges[0], at: '2026-13-01T10:00Z' }),
    );
    expect(errorOf(parseBackup(thirdUrgeBad))).toBe('Urge 3 has a time that isn\'t a real date ("2026-13-01T10:00Z").');
  });

  it('tells a newer version apart from a version that is not a number', () => {
    expect(errorOf(parseBackup(edited((file) => (file.version = 3))))).toMatch(/newer/);
    for (const version of [0, '1', 1.5, null]) {
      expect(errorOf(parseBackup(edited((file) => (file.version = version))))).not.toMatch(/newer/);
    }
  });

  it('checks the size before parsing', () => {
    const error = errorOf(parseBackup('', MAX_BACKUP_BYTES + 1));
    expect(error).toBe('The file is just over 20 MB; backups can be at most 20 MB.');
  });
});

describe('serializeBackup', () => {
  const now = new Date(Date.UTC(2026, 10, 23, 10));
  const people: Person[] = [
    {
      id: 7,
      name: 'Ali 🌧️💔',
      noContactSince: '2026-11-01',
      goalDays: 30,
      accounts: [
        { site: 'instagram', handle: 'ali.k' },
        { site: 'whatsapp', handle: '+447700900123' },
      ],
    },
    { id: 9, name: 'سارا', noContactSince: '2026-10-15', goalDays: 365, accounts: [] },
    { id: 12, name: '<img src=x onerror=alert(1)> & "q"', noContactSince: '2025-12-31', goalDays: 1, accounts: [] },
  ];
  const urges: Urge[] = [
    {
      id: 1,
      at: Date.UTC(2026, 10, 20, 23, 41, 5, 123),
      personId: 7,
      site: 'instagram',
      surface: 'story',
      outcome: 'overrode',
    },
    { id: 2, at: Date.UTC(2026, 10, 21, 8), personId: 12, site: 'x', surface: 'search', outcome: 'resisted' },
    { id: 3, at: Date.UTC(2026, 10, 22), personId: 999, site: 'x', surface: 'profile', outcome: 'resisted' },
  ];
  const contacts: Contact[] = [
    { id: 1, at: Date.UTC(2026, 10, 10, 9), personId: 9, kind: 'emergency', note: 'Keys.\nShort call — fine.' },
    { id: 2, at: Date.UTC(2026, 10, 11, 9), personId: 404, kind: 'i-reached-out', note: '' },
  ];
  const activities: ActivityDone[] = [{ id: 1, at: Date.UTC(2026, 10, 21, 18), activityId: 'walk-20' }];
  const reasons = ['I want my evenings back.', '<b>Not</b> going back 💔', 'أستحق الهدوء'];

  it('round-trips through parseBackup', () => {
    const data = expectOk(parseBackup(serializeBackup({ people, urges, contacts, activities, reasons }, now)));
    expect(data).toEqual({
      people: people.map((p) => ({
        name: p.name,
        noContactSince: p.noContactSince,
        goalDays: p.goalDays,
        accounts: p.accounts,
      })),
      urges: [
        { at: urges[0]!.at, personIndex: 0, site: 'instagram', surface: 'story', outcome: 'overrode' },
        { at: urges[1]!.at, personIndex: 2, site: 'x', surface: 'search', outcome: 'resisted' },
      ],
      contacts: [{ at: contacts[0]!.at, personIndex: 1, kind: 'emergency', note: 'Keys.\nShort call — fine.' }],
      activities: [{ at: activities[0]!.at, activityId: 'walk-20' }],
      reasons,
    });
  });

  it('writes the public format as pretty JSON, people referenced by name', () => {
    const text = serializeBackup({ people, urges, contacts, activities, reasons }, now);
    expect(text.startsWith('{\n  "app": "clean-break",\n  "version": 1,')).toBe(true);
    const file = JSON.parse(text);
    expect(file.app).toBe(BACKUP_APP);
    expect(file.version).toBe(BACKUP_VERSION);
    expect(file.exportedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(file.people[0]).toEqual({
      name: 'Ali 🌧️💔',
      noContactSince: '2026-11-01',
      goalDays: 30,
      accounts: [
        { site: 'instagram', handle: 'ali.k' },
        { site: 'whatsapp', handle: '+447700900123' },
      ],
    });
    expect(file.urges[0]).toEqual({
      at: '2026-11-20T23:41:05.123Z',
      person: 'Ali 🌧️💔',
      site: 'instagram',
      surface: 'story',
      outcome: 'overrode',
    });
    expect(file.contacts).toHaveLength(1);
    expect(file.activities).toEqual([{ at: '2026-11-21T18:00:00.000Z', activity: 'walk-20' }]);
  });

  it('skips urges and contacts of unknown people', () => {
    const file = JSON.parse(serializeBackup({ people, urges, contacts, activities, reasons }, now));
    expect(file.urges).toHaveLength(2);
    expect(file.contacts.map((c: Json) => c.person)).toEqual(['سارا']);
  });

  it('keeps names unique so the file can be read back', () => {
    const twins: Person[] = [
      { id: 1, name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [] },
      { id: 2, name: 'Sam ', noContactSince: '2026-11-02', goalDays: 30, accounts: [] },
    ];
    const twinUrges: Urge[] = [
      { at: Date.UTC(2026, 10, 5), personId: 2, site: 'x', surface: 'post', outcome: 'resisted' },
    ];
    const text = serializeBackup({ people: twins, urges: twinUrges, contacts: [], activities: [], reasons: [] }, now);
    const data = expectOk(parseBackup(text));
    expect(data.people.map((p) => p.name)).toEqual(['Sam', 'Sam (2)']);
    expect(data.urges[0]?.personIndex).toBe(1);
  });

  it('writes an empty database', () => {
    const data = expectOk(parseBackup(serializeBackup({ people: [], urges: [], contacts: [], activities: [], reasons: [] }, now)));
    expect(data).toEqual({ people: [], urges: [], contacts: [], activities: [], reasons: [] });
  });
});

describe('backupFileName', () => {
  it.each([
    [new Date(2026, 10, 23, 0, 5), 'clean-break-backup-2026-11-23.json'],
    [new Date(2026, 10, 23, 23, 59), 'clean-break-backup-2026-11-23.json'],
    [new Date(2027, 0, 5, 12), 'clean-break-backup-2027-01-05.json'],
  ])('names a backup made %s', (now, expected) => {
    expect(backupFileName(now)).toBe(expected);
  });
});
