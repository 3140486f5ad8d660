/**
 * The backup file: a public, versioned JSON format. No database; its sentences come from `_locales`.
 *
 * Reading is all or nothing. Every value is checked through the small set of readers below,
 * each of which knows where it is reading ("urge 3", "person 1's account 2") so that the one
 * sentence shown to the user says exactly what to fix. Results are built field by field from
 * known keys; the untrusted objects are never copied, spread or merged.
 */
import { i18n } from '#i18n';
import { validateHandle } from '../accounts';
import { formatNumber } from '../i18n/format';
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

function count(n: number): string {
  return formatNumber(n);
}

/** A value from the file, quoted and shortened so a message stays one readable line. */
function quote(text: string): string {
  const chars = Array.from(text);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return i18n.t('backup.value.list');
  switch (typeof value) {
    case 'string':
      return i18n.t('backup.value.text', [quote(value)]);
    case 'number':
      return i18n.t('backup.value.number', [String(value)]);
    case 'boolean':
      return String(value);
    case 'object':
      return i18n.t('backup.value.entry');
    default:
      return i18n.t('backup.value.unexpected');
  }
}

/** A size over the limit, in words: "21.3 MB", or "just over 20 MB" when it would round down to the limit. */
function oversize(bytes: number): string {
  const megabytes = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return megabytes > LIMIT_MB
    ? i18n.t('backup.size.megabytes', [megabytes.toFixed(1)])
    : i18n.t('backup.size.justOver', [String(LIMIT_MB)]);
}

// ---------------------------------------------------------------------------------------------
// Field readers

interface Field {
  /** The key in the file. */
  key: string;
  /** What the user would call it. */
  label: string;
  /** The label after "has" ("an urge list"): the article is the language's to choose. */
  withArticle: string;
  /** For lists: what the entries are called, plural. */
  noun?: string;
}

const FIELDS = {
  exportedAt: {
    key: 'exportedAt',
    label: i18n.t('backup.field.exportedAt.label'),
    withArticle: i18n.t('backup.field.exportedAt.withArticle'),
  },
  people: {
    key: 'people',
    label: i18n.t('backup.field.people.label'),
    withArticle: i18n.t('backup.field.people.withArticle'),
    noun: i18n.t('backup.field.people.noun'),
  },
  urges: {
    key: 'urges',
    label: i18n.t('backup.field.urges.label'),
    withArticle: i18n.t('backup.field.urges.withArticle'),
    noun: i18n.t('backup.field.urges.noun'),
  },
  contacts: {
    key: 'contacts',
    label: i18n.t('backup.field.contacts.label'),
    withArticle: i18n.t('backup.field.contacts.withArticle'),
    noun: i18n.t('backup.field.contacts.noun'),
  },
  activities: {
    key: 'activities',
    label: i18n.t('backup.field.activities.label'),
    withArticle: i18n.t('backup.field.activities.withArticle'),
    noun: i18n.t('backup.field.activities.noun'),
  },
  reasons: {
    key: 'reasons',
    label: i18n.t('backup.field.reasons.label'),
    withArticle: i18n.t('backup.field.reasons.withArticle'),
    noun: i18n.t('backup.field.reasons.noun'),
  },
  reflections: {
    key: 'reflections',
    label: i18n.t('backup.field.reflections.label'),
    withArticle: i18n.t('backup.field.reflections.withArticle'),
    noun: i18n.t('backup.field.reflections.noun'),
  },
  intensity: {
    key: 'intensity',
    label: i18n.t('backup.field.intensity.label'),
    withArticle: i18n.t('backup.field.intensity.withArticle'),
  },
  answers: {
    key: 'answers',
    label: i18n.t('backup.field.answers.label'),
    withArticle: i18n.t('backup.field.answers.withArticle'),
  },
  leaning: {
    key: 'leaning',
    label: i18n.t('backup.field.leaning.label'),
    withArticle: i18n.t('backup.field.leaning.withArticle'),
  },
  name: {
    key: 'name',
    label: i18n.t('backup.field.name.label'),
    withArticle: i18n.t('backup.field.name.withArticle'),
  },
  noContactSince: {
    key: 'noContactSince',
    label: i18n.t('backup.field.noContactSince.label'),
    withArticle: i18n.t('backup.field.noContactSince.withArticle'),
  },
  goalDays: {
    key: 'goalDays',
    label: i18n.t('backup.field.goalDays.label'),
    withArticle: i18n.t('backup.field.goalDays.withArticle'),
  },
  accounts: {
    key: 'accounts',
    label: i18n.t('backup.field.accounts.label'),
    withArticle: i18n.t('backup.field.accounts.withArticle'),
    noun: i18n.t('backup.field.accounts.noun'),
  },
  site: {
    key: 'site',
    label: i18n.t('backup.field.site.label'),
    withArticle: i18n.t('backup.field.site.withArticle'),
  },
  handle: {
    key: 'handle',
    label: i18n.t('backup.field.handle.label'),
    withArticle: i18n.t('backup.field.handle.withArticle'),
  },
  at: {
    key: 'at',
    label: i18n.t('backup.field.at.label'),
    withArticle: i18n.t('backup.field.at.withArticle'),
  },
  person: {
    key: 'person',
    label: i18n.t('backup.field.person.label'),
    withArticle: i18n.t('backup.field.person.withArticle'),
  },
  surface: {
    key: 'surface',
    label: i18n.t('backup.field.surface.label'),
    withArticle: i18n.t('backup.field.surface.withArticle'),
  },
  outcome: {
    key: 'outcome',
    label: i18n.t('backup.field.outcome.label'),
    withArticle: i18n.t('backup.field.outcome.withArticle'),
  },
  kind: {
    key: 'kind',
    label: i18n.t('backup.field.kind.label'),
    withArticle: i18n.t('backup.field.kind.withArticle'),
  },
  note: {
    key: 'note',
    label: i18n.t('backup.field.note.label'),
    withArticle: i18n.t('backup.field.note.withArticle'),
  },
  activity: {
    key: 'activity',
    label: i18n.t('backup.field.activity.label'),
    withArticle: i18n.t('backup.field.activity.withArticle'),
  },
} as const satisfies Record<string, Field>;

/** One `{ }` object from the file and where it is, in words ("urge 3"). */
interface Entry {
  place: string;
  fields: Readonly<Record<string, unknown>>;
}

function entryOf(value: unknown, place: string): Entry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(i18n.t('backup.notEntry', [capitalise(place), describe(value)]));
  }
  return { place, fields: value as Record<string, unknown> };
}

/** Only the object's own keys count: `constructor`, `__proto__` and friends are never inherited. */
function own(entry: Entry, field: Pick<Field, 'key'>): unknown {
  return Object.hasOwn(entry.fields, field.key) ? entry.fields[field.key] : undefined;
}

function subject(entry: Entry): string {
  return capitalise(entry.place);
}

function invalid(entry: Entry, field: Field, reason: string, shown: string): never {
  fail(i18n.t('backup.invalid', [subject(entry), field.withArticle, reason, shown]));
}

function wrongType(entry: Entry, field: Field, expected: string, value: unknown): never {
  fail(i18n.t('backup.wrongType', [subject(entry), field.withArticle, expected, describe(value)]));
}

function readRequired(entry: Entry, field: Field): unknown {
  const value = own(entry, field);
  if (value === undefined) fail(i18n.t('backup.missing', [subject(entry), field.label]));
  return value;
}

function readString(entry: Entry, field: Field, fallback?: string): string {
  const value = fallback !== undefined && own(entry, field) === undefined ? fallback : readRequired(entry, field);
  if (typeof value !== 'string') wrongType(entry, field, i18n.t('backup.expected.text'), value);
  return value;
}

function readFilledString(entry: Entry, field: Field): string {
  const value = readString(entry, field);
  if (value.trim() === '') fail(i18n.t('backup.empty', [subject(entry), field.label]));
  return value;
}

function readList(entry: Entry, field: Field, max: number, optional = false): unknown[] {
  const value = optional && own(entry, field) === undefined ? [] : readRequired(entry, field);
  if (!Array.isArray(value)) wrongType(entry, field, i18n.t('backup.expected.list'), value);
  if (value.length > max) {
    fail(i18n.t('backup.tooMany', [subject(entry), field.noun ?? i18n.t('backup.entries'), count(value.length), count(max)]));
  }
  return value;
}

function readDays(entry: Entry, field: Field, min: number, max: number): number {
  const value = readRequired(entry, field);
  if (typeof value !== 'number') wrongType(entry, field, i18n.t('backup.expected.wholeNumber'), value);
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(entry, field, i18n.t('backup.reason.wholeDays', [String(min), String(max)]), String(value));
  }
  return value;
}

/** Longer lists (the 13 sites) are left out of the message: a sentence can't carry them kindly. */
const MAX_CHOICES_SHOWN = 7;

function readEnum<T extends string>(entry: Entry, field: Field, allowed: readonly T[]): T {
  const value = readFilledString(entry, field);
  const known = allowed.find((option) => option === value);
  if (known === undefined) {
    const options = allowed.length <= MAX_CHOICES_SHOWN ? i18n.t('backup.oneOf', [allowed.join(', ')]) : '';
    fail(i18n.t('backup.unknown', [subject(entry), field.withArticle, quote(value), options]));
  }
  return known;
}

function longerThan(max: number): string {
  return i18n.t('backup.reason.longerThan', [count(max)]);
}

function characters(length: number): string {
  return i18n.t('backup.characters', [count(length)]);
}

function readName(entry: Entry, field: Field): string {
  const name = readString(entry, field).trim();
  if (name === '') fail(i18n.t('backup.empty', [subject(entry), field.label]));
  if (name.length > MAX_NAME_LENGTH) {
    invalid(entry, field, longerThan(MAX_NAME_LENGTH), characters(name.length));
  }
  if (/\p{Cc}/u.test(name)) invalid(entry, field, i18n.t('backup.reason.controlCharacter'), quote(name));
  return name;
}

function readNote(entry: Entry, field: Field): string {
  const note = readString(entry, field, '');
  if (note.length > MAX_NOTE_LENGTH) {
    invalid(entry, field, longerThan(MAX_NOTE_LENGTH), characters(note.length));
  }
  return note;
}

// Dates and times -----------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
/** A year with more than four digits or a sign, as in `+099999-01-01`. */
const EXPANDED_YEAR = /^(?:[+-]\d+|\d{5,})-/;

function outsideYears(): string {
  return i18n.t('backup.reason.outsideYears', [String(MIN_YEAR), String(MAX_YEAR)]);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a calendar date is wrong, or undefined when it is a real date in the supported years. */
function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return i18n.t('backup.reason.notADate');
  if (year < MIN_YEAR || year > MAX_YEAR) return outsideYears();
  return undefined;
}

function readDate(entry: Entry, field: Field): LocalDate {
  const value = readFilledString(entry, field);
  const match = DATE.exec(value);
  if (!match) {
    if (EXPANDED_YEAR.test(value)) invalid(entry, field, outsideYears(), quote(value));
    invalid(entry, field, i18n.t('backup.reason.dateFormat'), quote(value));
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
    if (EXPANDED_YEAR.test(value)) invalid(entry, field, outsideYears(), quote(value));
    invalid(entry, field, i18n.t('backup.reason.timeFormat'), quote(value));
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes = '0'] =
    match;
  if (!zulu && !sign) invalid(entry, field, i18n.t('backup.reason.noTimeZone'), quote(value));

  const problem = calendarProblem(Number(year), Number(month), Number(day));
  if (problem) invalid(entry, field, problem, quote(value));
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    invalid(entry, field, i18n.t('backup.reason.notATime'), quote(value));
  }
  if (Number(offsetHours ?? 0) > 23 || Number(offsetMinutes) > 59) {
    invalid(entry, field, i18n.t('backup.reason.badOffset'), quote(value));
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
    fail(i18n.t('backup.unknownPerson', [subject(entry), quote(name)]));
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Reading the file

function readHeader(root: Entry): void {
  const app = own(root, { key: 'app' });
  if (app === undefined) fail(i18n.t('backup.noApp'));
  if (app !== BACKUP_APP) fail(i18n.t('backup.otherApp'));

  const version = own(root, { key: 'version' });
  if (version === undefined) fail(i18n.t('backup.noVersion'));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const shown =
      typeof version === 'string' ? quote(version) : typeof version === 'object' ? describe(version) : String(version);
    fail(i18n.t('backup.unknownVersion', [shown]));
  }
  if (version > BACKUP_VERSION) {
    fail(i18n.t('backup.newerVersion', [String(version)]));
  }

  if (own(root, FIELDS.exportedAt) !== undefined) readTime(root, FIELDS.exportedAt);
}

function readAccounts(person: Entry): Account[] {
  const accounts: Account[] = [];
  const seen = new Set<string>();
  readList(person, FIELDS.accounts, MAX_ACCOUNTS).forEach((value, i) => {
    const entry = entryOf(value, i18n.t('backup.place.account', [person.place, String(i + 1)]));
    const site = readEnum(entry, FIELDS.site, SITES);
    const raw = readString(entry, FIELDS.handle);
    const handle = validateHandle(site, raw);
    // The validator's own advice is written for the options form and may run to several
    // sentences, so the message here stays one sentence of its own.
    if (!handle.ok) invalid(entry, FIELDS.handle, i18n.t('backup.reason.notAnAccount', [site]), quote(raw));
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
    const entry = entryOf(value, i18n.t('backup.place.person', [String(i + 1)]));
    const name = readName(entry, FIELDS.name);
    const earlier = indexByName.get(name);
    if (earlier !== undefined) {
      fail(i18n.t('backup.sameName', [String(i + 1), String(earlier + 1), quote(name)]));
    }
    indexByName.set(name, i);
    people.push({
      name,
      noContactSince: readDate(entry, FIELDS.noContactSince),
      goalDays: readDays(entry, FIELDS.goalDays, 1, MAX_GOAL_DAYS),
      accounts: readAccounts(entry),
    });
  });
  return { people, indexByName };
}

/** Reads each entry of an optional top-level list; `place` names the entry at a position ("urge 3"). */
function readEntries<T>(root: Entry, field: Field, place: (position: string) => string, read: (entry: Entry) => T): T[] {
  return readList(root, field, MAX_ENTRIES, true).map((value, i) => read(entryOf(value, place(String(i + 1)))));
}

/** How strong a manual urge felt: a whole number from 1 to 5, when given. */
function readIntensity(entry: Entry): Intensity | undefined {
  const value = own(entry, FIELDS.intensity);
  if (value === undefined) return undefined;
  if (typeof value !== 'number') wrongType(entry, FIELDS.intensity, i18n.t('backup.expected.wholeNumber'), value);
  const known = INTENSITIES.find((intensity) => intensity === value);
  if (known === undefined) invalid(entry, FIELDS.intensity, i18n.t('backup.reason.intensity'), String(value));
  return known;
}

function readUrge(entry: Entry, indexByName: ReadonlyMap<string, number>): BackupData['urges'][number] {
  const at = readTime(entry, FIELDS.at);
  const personIndex = readPersonRef(entry, FIELDS.person, indexByName);
  const site = readEnum(entry, FIELDS.site, URGE_SITES);
  const surface = readEnum(entry, FIELDS.surface, SURFACES);
  // A page is on a site; a manual urge is felt outside the browser; `settings` may be either.
  if (site === ELSEWHERE && (PAGE_SURFACES as readonly string[]).includes(surface)) {
    fail(i18n.t('backup.pageWithoutSite', [subject(entry), surface, ELSEWHERE]));
  }
  if (surface === 'manual' && site !== ELSEWHERE) {
    fail(i18n.t('backup.manualOnSite', [subject(entry), ELSEWHERE, quote(site)]));
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
    fail(i18n.t('backup.answersNotEntry', [subject(entry), describe(value)]));
  }
  const given = { place: entry.place, fields: value as Record<string, unknown> };
  const answers: Reflection['answers'] = {};
  for (const question of REFLECTION_QUESTION_IDS) {
    const answer = own(given, { key: question });
    if (answer === undefined) continue;
    if (typeof answer !== 'string') fail(i18n.t('backup.answerNotText', [subject(entry), question, describe(answer)]));
    if (answer.length > MAX_NOTE_LENGTH) {
      fail(i18n.t('backup.answerTooLong', [subject(entry), question, count(MAX_NOTE_LENGTH), count(answer.length)]));
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
  const urges = readEntries(root, FIELDS.urges, (n) => i18n.t('backup.place.urge', [n]), (entry) => readUrge(entry, indexByName));
  const contacts = readEntries(root, FIELDS.contacts, (n) => i18n.t('backup.place.contact', [n]), (entry) => ({
    at: readTime(entry, FIELDS.at),
    personIndex: readPersonRef(entry, FIELDS.person, indexByName),
    kind: readEnum(entry, FIELDS.kind, CONTACT_KINDS),
    note: readNote(entry, FIELDS.note),
  }));
  const activities = readEntries(root, FIELDS.activities, (n) => i18n.t('backup.place.activity', [n]), (entry) => {
    const at = readTime(entry, FIELDS.at);
    const activityId = readFilledString(entry, FIELDS.activity);
    if (!ACTIVITY_ID.test(activityId)) {
      invalid(entry, FIELDS.activity, i18n.t('backup.reason.activityId'), quote(activityId));
    }
    return { at, activityId };
  });
  const reasons = readList(root, FIELDS.reasons, MAX_REASONS, true).map((value, i) => {
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_REASON_LENGTH) {
      fail(i18n.t('backup.badReason', [String(i + 1), count(MAX_REASON_LENGTH)]));
    }
    return value.trim();
  });
  const reflections = readEntries(root, FIELDS.reflections, (n) => i18n.t('backup.place.reflection', [n]), (entry) => readReflection(entry, indexByName));
  return { people, urges, contacts, activities, reasons, reflections };
}

/**
 * Checks a backup file completely; nothing in it is used unless all of it is right.
 * `byteLength` is the file's size when known (checked before anything is parsed). Never throws.
 */
export function parseBackup(text: string, byteLength?: number): BackupResult {
  const size = byteLength ?? text.length;
  if (size > MAX_BACKUP_BYTES) {
    return { ok: false, error: i18n.t('backup.tooBig', [oversize(size), String(LIMIT_MB)]) };
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: i18n.t('backup.emptyFile') };

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: i18n.t('backup.notJson') };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const holds = describe(json);
    return { ok: false, error: i18n.t('backup.notAnObject', [holds]) };
  }

  try {
    return { ok: true, data: readBackup({ place: i18n.t('backup.place.backup'), fields: json as Record<string, unknown> }) };
  } catch (error) {
    if (error instanceof BackupProblem) return { ok: false, error: error.message };
    return { ok: false, error: i18n.t('backup.unexpected') };
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
