/**
 * The backup file: a public, versioned JSON format. Pure: no database, no browser APIs.
 *
 * Reading is all or nothing. Every value is checked through the small set of readers below,
 * each of which knows where it is reading ("urge 3", "person 1's account 2") so that the one
 * sentence shown to the user says exactly what to fix. Results are built field by field from
 * known keys; the untrusted objects are never copied, spread or merged.
 */
import { validateHandle } from '../accounts';
import {
  CONTACT_KINDS,
  ELSEWHERE,
  INTENSITIES,
  PAGE_SURFACES,
  REFLECTION_LEANINGS,
  REFLECTION_QUESTION_IDS,
  MAX_GOAL_DAYS,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REASONS,
  OUTCOMES,
  SITES,
  SURFACES,
  URGE_SITES,
  type Account,
  type ActivityDone,
  type Contact,
  type Intensity,
  type LocalDate,
  type Person,
  type Reflection,
  type Urge,
} from '../model';

export const BACKUP_APP = 'clean-break';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

const LIMIT_MB = MAX_BACKUP_BYTES / (1024 * 1024);
const MAX_ENTRIES = 1_000_000;
const MAX_ACCOUNTS = 100;
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;
const ACTIVITY_ID = /^[a-z0-9-]{1,100}$/;

/** The validated, normalised content, ready for the database. */
export interface BackupData {
  people: Array<Omit<Person, 'id'>>;
  /** `personIndex` is an index into `people`. */
  urges: Array<Omit<Urge, 'id' | 'personId'> & { personIndex: number }>;
  contacts: Array<Omit<Contact, 'id' | 'personId'> & { personIndex: number }>;
  activities: Array<Omit<ActivityDone, 'id'>>;
  /** The user's "why I'm keeping space" list; absent in older files. */
  reasons: string[];
  /** Reflections written at the goal; absent in older files. */
  reflections: Array<Omit<Reflection, 'id' | 'personId'> & { personIndex: number }>;
}

export type BackupResult = { ok: true; data: BackupData } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Messages

/** Thrown by the readers; carries the one sentence shown to the user. */
class BackupProblem extends Error {}

function fail(sentence: string): never {
  throw new BackupProblem(sentence);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withArticle(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A value from the file, quoted and shortened so a message stays one readable line. */
function quote(text: string): string {
  const chars = Array.from(text);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `text (${quote(value)})`;
    case 'number':
      return `a number (${String(value)})`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'a { } entry';
    default:
      return 'something unexpected';
  }
}

/** A size over the limit, in words: "21.3 MB", or "just over 20 MB" when it would round down to the limit. */
function oversize(bytes: number): string {
  const megabytes = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return megabytes > LIMIT_MB ? `${megabytes.toFixed(1)} MB` : `just over ${LIMIT_MB} MB`;
}

// ---------------------------------------------------------------------------------------------
// Field readers

interface Field {
  /** The key in the file. */
  key: string;
  /** What the user would call it. */
  label: string;
  /** For lists: what the entries are called, plural. */
  noun?: string;
}

const FIELDS = {
  exportedAt: { key: 'exportedAt', label: 'export time' },
  people: { key: 'people', label: 'people list', noun: 'people' },
  urges: { key: 'urges', label: 'urge list', noun: 'urges' },
  contacts: { key: 'contacts', label: 'contact list', noun: 'contacts' },
  activities: { key: 'activities', label: 'activity list', noun: 'activities' },
  reasons: { key: 'reasons', label: 'reasons list', noun: 'reasons' },
  reflections: { key: 'reflections', label: 'reflection list', noun: 'reflections' },
  intensity: { key: 'intensity', label: 'intensity' },
  answers: { key: 'answers', label: 'answers' },
  leaning: { key: 'leaning', label: 'leaning' },
  name: { key: 'name', label: 'name' },
  noContactSince: { key: 'noContactSince', label: 'no-contact start date' },
  goalDays: { key: 'goalDays', label: 'goal' },
  accounts: { key: 'accounts', label: 'account list', noun: 'accounts' },
  site: { key: 'site', label: 'site' },
  handle: { key: 'handle', label: 'handle' },
  at: { key: 'at', label: 'time' },
  person: { key: 'person', label: 'person' },
  surface: { key: 'surface', label: 'surface' },
  outcome: { key: 'outcome', label: 'outcome' },
  kind: { key: 'kind', label: 'kind' },
  note: { key: 'note', label: 'note' },
  activity: { key: 'activity', label: 'activity id' },
} as const satisfies Record<string, Field>;

/** One `{ }` object from the file and where it is, in words ("urge 3"). */
interface Entry {
  place: string;
  fields: Readonly<Record<string, unknown>>;
}

function entryOf(value: unknown, place: string): Entry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`${capitalise(place)} should be an entry in { } but is ${describe(value)}.`);
  }
  return { place, fields: value as Record<string, unknown> };
}

/** Only the object's own keys count: `constructor`, `__proto__` and friends are never inherited. */
function own(entry: Entry, field: Field): unknown {
  return Object.hasOwn(entry.fields, field.key) ? entry.fields[field.key] : undefined;
}

function subject(entry: Entry): string {
  return capitalise(entry.place);
}

function invalid(entry: Entry, field: Field, reason: string, shown: string): never {
  fail(`${subject(entry)} has ${withArticle(field.label)} that ${reason} (${shown}).`);
}

function wrongType(entry: Entry, field: Field, expected: string, value: unknown): never {
  fail(`${subject(entry)} has ${withArticle(field.label)} that should be ${expected} but is ${describe(value)}.`);
}

function readRequired(entry: Entry, field: Field): unknown {
  const value = own(entry, field);
  if (value === undefined) fail(`${subject(entry)} is missing its ${field.label}.`);
  return value;
}

function readString(entry: Entry, field: Field, fallback?: string): string {
  const value = fallback !== undefined && own(entry, field) === undefined ? fallback : readRequired(entry, field);
  if (typeof value !== 'string') wrongType(entry, field, 'text', value);
  return value;
}

function readFilledString(entry: Entry, field: Field): string {
  const value = readString(entry, field);
  if (value.trim() === '') fail(`${subject(entry)} has an empty ${field.label}.`);
  return value;
}

function readList(entry: Entry, field: Field, max: number, optional = false): unknown[] {
  const value = optional && own(entry, field) === undefined ? [] : readRequired(entry, field);
  if (!Array.isArray(value)) wrongType(entry, field, 'a list in [ ]', value);
  if (value.length > max) {
    fail(
      `${subject(entry)} has too many ${field.noun ?? 'entries'} (${count(value.length)}); ` +
        `the most allowed is ${count(max)}.`,
    );
  }
  return value;
}

function readInteger(entry: Entry, field: Field, min: number, max: number, unit: string): number {
  const value = readRequired(entry, field);
  if (typeof value !== 'number') wrongType(entry, field, 'a whole number', value);
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(entry, field, `isn't a whole number of ${unit} from ${min} to ${max}`, String(value));
  }
  return value;
}

/** Longer lists (the 13 sites) are left out of the message: a sentence can't carry them kindly. */
const MAX_CHOICES_SHOWN = 7;

function readEnum<T extends string>(entry: Entry, field: Field, allowed: readonly T[]): T {
  const value = readFilledString(entry, field);
  const known = allowed.find((option) => option === value);
  if (known === undefined) {
    const options = allowed.length <= MAX_CHOICES_SHOWN ? `; it should be one of ${allowed.join(', ')}` : '';
    fail(`${subject(entry)} has ${withArticle(field.label)} Clean Break doesn't know (${quote(value)})${options}.`);
  }
  return known;
}

function readName(entry: Entry, field: Field): string {
  const name = readString(entry, field).trim();
  if (name === '') fail(`${subject(entry)} has an empty ${field.label}.`);
  if (name.length > MAX_NAME_LENGTH) {
    invalid(entry, field, `is longer than ${MAX_NAME_LENGTH} characters`, `${count(name.length)} characters`);
  }
  if (/\p{Cc}/u.test(name)) invalid(entry, field, 'contains a hidden control character', quote(name));
  return name;
}

function readNote(entry: Entry, field: Field): string {
  const note = readString(entry, field, '');
  if (note.length > MAX_NOTE_LENGTH) {
    invalid(entry, field, `is longer than ${count(MAX_NOTE_LENGTH)} characters`, `${count(note.length)} characters`);
  }
  return note;
}

// Dates and times -----------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const OUTSIDE_YEARS = `is outside the years ${MIN_YEAR} to ${MAX_YEAR}`;
/** A year with more than four digits or a sign, as in `+099999-01-01`. */
const EXPANDED_YEAR = /^(?:[+-]\d+|\d{5,})-/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a calendar date is wrong, or undefined when it is a real date in the supported years. */
function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return "isn't a real date";
  if (year < MIN_YEAR || year > MAX_YEAR) return OUTSIDE_YEARS;
  return undefined;
}

function readDate(entry: Entry, field: Field): LocalDate {
  const value = readFilledString(entry, field);
  const match = DATE.exec(value);
  if (!match) {
    if (EXPANDED_YEAR.test(value)) invalid(entry, field, OUTSIDE_YEARS, quote(value));
    invalid(entry, field, "isn't written as YYYY-MM-DD", quote(value));
  }
  const problem = calendarProblem(Number(match[1]), Number(match[2]), Number(match[3]));
  if (problem) invalid(entry, field, problem, quote(value));
  return value;
}

/** An ISO 8601 time with a time zone (Z, ±hh:mm, ±hhmm or ±hh), as epoch milliseconds. */
function readTime(entry: Entry, field: Field): number {
  const value = readFilledString(entry, field);
  const match = TIME.exec(value);
  if (!match) {
    if (EXPANDED_YEAR.test(value)) invalid(entry, field, OUTSIDE_YEARS, quote(value));
    invalid(entry, field, "isn't written as an ISO 8601 time like 2026-11-20T23:41:00Z", quote(value));
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes = '0'] =
    match;
  if (!zulu && !sign) invalid(entry, field, 'is missing a time zone, such as Z or +01:00', quote(value));

  const problem = calendarProblem(Number(year), Number(month), Number(day));
  if (problem) invalid(entry, field, problem, quote(value));
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    invalid(entry, field, "isn't a real time of day", quote(value));
  }
  if (Number(offsetHours ?? 0) > 23 || Number(offsetMinutes) > 59) {
    invalid(entry, field, "has a time zone offset that isn't real", quote(value));
  }
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours ?? 0) * 60 + Number(offsetMinutes)) * 60_000;
  return (
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds) -
    offset
  );
}

// References ----------------------------------------------------------------------------------

/** A person named in an urge or contact, as an index into the people list. */
function readPersonRef(entry: Entry, field: Field, indexByName: ReadonlyMap<string, number>): number {
  const name = readString(entry, field);
  // Names are stored trimmed, so the reference is compared trimmed too; otherwise exact.
  const index = indexByName.get(name.trim());
  if (index === undefined) {
    fail(`${subject(entry)} names a person who isn't in this backup's people list (${quote(name)}).`);
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Reading the file

function readHeader(root: Entry): void {
  const app = own(root, { key: 'app', label: 'app' });
  if (app === undefined) fail("This file isn't a Clean Break backup: it doesn't say which app made it.");
  if (app !== BACKUP_APP) fail('This file is from another app, not a Clean Break backup.');

  const version = own(root, { key: 'version', label: 'version' });
  if (version === undefined) fail("This backup has no version number, so Clean Break can't tell how to read it.");
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const shown =
      typeof version === 'string' ? quote(version) : typeof version === 'object' ? describe(version) : String(version);
    fail(`This backup's version number isn't one Clean Break recognises (${shown}).`);
  }
  if (version > BACKUP_VERSION) {
    fail(
      `This backup was made by a newer version of Clean Break (version ${version}). ` +
        'Update the extension, then try again.',
    );
  }

  if (own(root, FIELDS.exportedAt) !== undefined) readTime(root, FIELDS.exportedAt);
}

function readAccounts(person: Entry): Account[] {
  const accounts: Account[] = [];
  const seen = new Set<string>();
  readList(person, FIELDS.accounts, MAX_ACCOUNTS).forEach((value, i) => {
    const entry = entryOf(value, `${person.place}'s account ${i + 1}`);
    const site = readEnum(entry, FIELDS.site, SITES);
    const raw = readString(entry, FIELDS.handle);
    const handle = validateHandle(site, raw);
    // The validator's own advice is written for the options form and may run to several
    // sentences, so the message here stays one sentence of its own.
    if (!handle.ok) invalid(entry, FIELDS.handle, `isn't a valid ${site} account`, quote(raw));
    const key = `${site}\n${handle.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    accounts.push({ site, handle: handle.value });
  });
  return accounts;
}

function readPeople(root: Entry): { people: BackupData['people']; indexByName: Map<string, number> } {
  const people: BackupData['people'] = [];
  const indexByName = new Map<string, number>();
  readList(root, FIELDS.people, MAX_ENTRIES).forEach((value, i) => {
    const entry = entryOf(value, `person ${i + 1}`);
    const name = readName(entry, FIELDS.name);
    const earlier = indexByName.get(name);
    if (earlier !== undefined) {
      fail(
        `Person ${i + 1} has the same name as person ${earlier + 1} (${quote(name)}); ` +
          'each person needs a different name.',
      );
    }
    indexByName.set(name, i);
    people.push({
      name,
      noContactSince: readDate(entry, FIELDS.noContactSince),
      goalDays: readInteger(entry, FIELDS.goalDays, 1, MAX_GOAL_DAYS, 'days'),
      accounts: readAccounts(entry),
    });
  });
  return { people, indexByName };
}

/** Reads each entry of an optional top-level list; `noun` names one entry ("urge"). */
function readEntries<T>(root: Entry, field: Field, noun: string, read: (entry: Entry) => T): T[] {
  return readList(root, field, MAX_ENTRIES, true).map((value, i) => read(entryOf(value, `${noun} ${i + 1}`)));
}

/** How strong a manual urge felt: a whole number from 1 to 5, when given. */
function readIntensity(entry: Entry): Intensity | undefined {
  const value = own(entry, FIELDS.intensity);
  if (value === undefined) return undefined;
  if (typeof value !== 'number') wrongType(entry, FIELDS.intensity, 'a whole number', value);
  const known = INTENSITIES.find((intensity) => intensity === value);
  if (known === undefined) invalid(entry, FIELDS.intensity, "isn't a whole number from 1 to 5", String(value));
  return known;
}

function readUrge(entry: Entry, indexByName: ReadonlyMap<string, number>): BackupData['urges'][number] {
  const at = readTime(entry, FIELDS.at);
  const personIndex = readPersonRef(entry, FIELDS.person, indexByName);
  const site = readEnum(entry, FIELDS.site, URGE_SITES);
  const surface = readEnum(entry, FIELDS.surface, SURFACES);
  // A page is on a site; a manual urge is felt outside the browser; `settings` may be either.
  if (site === ELSEWHERE && (PAGE_SURFACES as readonly string[]).includes(surface)) {
    fail(`${subject(entry)} is on a ${surface} page, which needs a site, but its site is "${ELSEWHERE}".`);
  }
  if (surface === 'manual' && site !== ELSEWHERE) {
    fail(`${subject(entry)} was logged by hand, so its site should be "${ELSEWHERE}" (it is ${quote(site)}).`);
  }
  const urge: BackupData['urges'][number] = { at, personIndex, site, surface, outcome: readEnum(entry, FIELDS.outcome, OUTCOMES) };
  const intensity = readIntensity(entry);
  if (intensity !== undefined) urge.intensity = intensity;
  const note = readNote(entry, FIELDS.note);
  if (note !== '') urge.note = note;
  return urge;
}

function readReflection(entry: Entry, indexByName: ReadonlyMap<string, number>): BackupData['reflections'][number] {
  const at = readTime(entry, FIELDS.at);
  const personIndex = readPersonRef(entry, FIELDS.person, indexByName);
  const value = readRequired(entry, FIELDS.answers);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`${subject(entry)} has answers that should be an entry in { } but are ${describe(value)}.`);
  }
  const given = { place: entry.place, fields: value as Record<string, unknown> };
  const answers: Reflection['answers'] = {};
  for (const question of REFLECTION_QUESTION_IDS) {
    const answer = own(given, { key: question, label: question });
    if (answer === undefined) continue;
    if (typeof answer !== 'string') fail(`${subject(entry)} has an answer to "${question}" that should be text but is ${describe(answer)}.`);
    if (answer.length > MAX_NOTE_LENGTH) {
      fail(
        `${subject(entry)} has an answer to "${question}" that is longer than ${count(MAX_NOTE_LENGTH)} characters ` +
          `(${count(answer.length)} characters).`,
      );
    }
    if (answer.trim() !== '') answers[question] = answer;
  }
  const reflection: BackupData['reflections'][number] = { at, personIndex, answers };
  if (own(entry, FIELDS.leaning) !== undefined) reflection.leaning = readEnum(entry, FIELDS.leaning, REFLECTION_LEANINGS);
  return reflection;
}

function readBackup(root: Entry): BackupData {
  readHeader(root);
  const { people, indexByName } = readPeople(root);
  const urges = readEntries(root, FIELDS.urges, 'urge', (entry) => readUrge(entry, indexByName));
  const contacts = readEntries(root, FIELDS.contacts, 'contact', (entry) => ({
    at: readTime(entry, FIELDS.at),
    personIndex: readPersonRef(entry, FIELDS.person, indexByName),
    kind: readEnum(entry, FIELDS.kind, CONTACT_KINDS),
    note: readNote(entry, FIELDS.note),
  }));
  const activities = readEntries(root, FIELDS.activities, 'activity', (entry) => {
    const at = readTime(entry, FIELDS.at);
    const activityId = readFilledString(entry, FIELDS.activity);
    if (!ACTIVITY_ID.test(activityId)) {
      invalid(entry, FIELDS.activity, 'should be 1 to 100 lowercase letters, digits or dashes', quote(activityId));
    }
    return { at, activityId };
  });
  const reasons = readList(root, FIELDS.reasons, MAX_REASONS, true).map((value, i) => {
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_REASON_LENGTH) {
      fail(`Reason ${i + 1} should be text of 1 to ${MAX_REASON_LENGTH} characters.`);
    }
    return value.trim();
  });
  const reflections = readEntries(root, FIELDS.reflections, 'reflection', (entry) => readReflection(entry, indexByName));
  return { people, urges, contacts, activities, reasons, reflections };
}

/**
 * Checks a backup file completely; nothing in it is used unless all of it is right.
 * `byteLength` is the file's size when known (checked before anything is parsed). Never throws.
 */
export function parseBackup(text: string, byteLength?: number): BackupResult {
  const size = byteLength ?? text.length;
  if (size > MAX_BACKUP_BYTES) {
    return { ok: false, error: `The file is ${oversize(size)}; backups can be at most ${LIMIT_MB} MB.` };
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'This file is empty, so there is nothing in it to restore.' };

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: "This file isn't a backup: it isn't valid JSON, so it may be damaged or cut short." };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const holds = describe(json);
    return { ok: false, error: `This file isn't a Clean Break backup: it holds ${holds} rather than a backup.` };
  }

  try {
    return { ok: true, data: readBackup({ place: 'this backup', fields: json as Record<string, unknown> }) };
  } catch (error) {
    if (error instanceof BackupProblem) return { ok: false, error: error.message };
    return { ok: false, error: "Clean Break couldn't read this backup because of an unexpected problem." };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Makes `name` unique among `used` ("Sam", "Sam (2)", …) so references stay unambiguous. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) {
    const suffix = ` (${n})`;
    const base = Array.from(name);
    while (base.join('').length + suffix.length > MAX_NAME_LENGTH) base.pop();
    candidate = `${base.join('')}${suffix}`;
  }
  used.add(candidate);
  return candidate;
}

function isoTime(at: number): string {
  return new Date(at).toISOString();
}

/**
 * The whole database as a backup file: pretty JSON, people referenced by name. Urges and
 * contacts of a person who no longer exists are left out.
 */
export function serializeBackup(
  data: {
    people: Person[];
    urges: Urge[];
    contacts: Contact[];
    activities: ActivityDone[];
    reasons: string[];
    reflections?: Reflection[];
  },
  now: Date,
): string {
  const nameById = new Map<number, string>();
  const used = new Set<string>();
  const people = data.people.map((person) => {
    const name = uniqueName(person.name.trim(), used);
    if (person.id !== undefined) nameById.set(person.id, name);
    return {
      name,
      noContactSince: person.noContactSince,
      goalDays: person.goalDays,
      accounts: person.accounts.map((account) => ({ site: account.site, handle: account.handle })),
    };
  });
  const urges = data.urges.flatMap((urge) => {
    const person = nameById.get(urge.personId);
    if (person === undefined) return [];
    const { site, surface, outcome, intensity, note } = urge;
    return [{ at: isoTime(urge.at), person, site, surface, outcome, ...(intensity ? { intensity } : {}), ...(note ? { note } : {}) }];
  });
  const contacts = data.contacts.flatMap((contact) => {
    const person = nameById.get(contact.personId);
    return person === undefined ? [] : [{ at: isoTime(contact.at), person, kind: contact.kind, note: contact.note }];
  });
  const activities = data.activities.map((done) => ({ at: isoTime(done.at), activity: done.activityId }));
  const reflections = (data.reflections ?? []).flatMap((reflection) => {
    const person = nameById.get(reflection.personId);
    if (person === undefined) return [];
    const answers = Object.fromEntries(REFLECTION_QUESTION_IDS.flatMap((id) => (reflection.answers[id] ? [[id, reflection.answers[id]]] : [])));
    return [{ at: isoTime(reflection.at), person, answers, ...(reflection.leaning ? { leaning: reflection.leaning } : {}) }];
  });
  return JSON.stringify(
    {
      app: BACKUP_APP,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      people,
      urges,
      contacts,
      activities,
      reasons: [...data.reasons],
      reflections,
    },
    null,
    2,
  );
}

/** `clean-break-backup-2026-11-23.json`, dated in the user's local calendar. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `clean-break-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
