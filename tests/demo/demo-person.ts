/**
 * The person the demo and the screenshots set up: the fixtures' person, twelve days into a
 * thirty-day goal, with a few urges already resisted today and one reason.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PERSON } from '../fixtures/person';
import { localDateDaysAgo, removeTempFiles, writeTempFile } from '../e2e/support';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A small deterministic generator, so every run draws the same history. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const SITES = ['instagram', 'instagram', 'x', 'facebook', 'tiktok', 'whatsapp'] as const;
const SURFACES = ['profile', 'story', 'story', 'message', 'search', 'post'] as const;
/** Late evening and the small hours come up most, as they do for most people. */
const HOURS = [8, 12, 17, 19, 21, 22, 22, 23, 23, 0, 0, 1, 1, 2];
const HISTORY_DAYS = 40;
const SLIP_DAYS_AGO = 12;

/** Forty days of history: urges easing off from about nine a day, one slip twelve days ago, a few activities a week. */
function history() {
  const random = seeded(7);
  const urges: object[] = [];
  const activities: object[] = [];
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo -= 1) {
    const day = new Date();
    day.setDate(day.getDate() - daysAgo);
    const count = Math.max(0, Math.round(9 * (daysAgo / HISTORY_DAYS) + random() * 3 - 1));
    for (let i = 0; i < count; i += 1) {
      const at = new Date(day);
      at.setHours(HOURS[Math.floor(random() * HOURS.length)]!, Math.floor(random() * 60), 0, 0);
      const pick = Math.floor(random() * SITES.length);
      urges.push({ at: at.toISOString(), person: PERSON.name, site: SITES[pick], surface: SURFACES[pick], outcome: random() < 0.9 ? 'resisted' : 'overrode' });
    }
    if (daysAgo % 9 === 0) {
      const at = new Date(day);
      at.setHours(23, 10, 0, 0);
      urges.push({ at: at.toISOString(), person: PERSON.name, site: 'elsewhere', surface: 'manual', outcome: 'resisted', intensity: 4, note: 'Wanted to text.' });
    }
    if (random() < 0.4) {
      const at = new Date(day);
      at.setHours(18, 30, 0, 0);
      activities.push({ at: at.toISOString(), activity: 'walk-20' });
    }
  }
  return { urges, activities };
}

const { urges: earlier, activities } = history();
const slipAt = new Date();
slipAt.setDate(slipAt.getDate() - SLIP_DAYS_AGO);
slipAt.setHours(22, 40, 0, 0);

export const DEMO_BACKUP = {
  app: 'clean-break',
  version: 1,
  exportedAt: new Date().toISOString(),
  people: [{ name: PERSON.name, noContactSince: localDateDaysAgo(HISTORY_DAYS), goalDays: 30, accounts: PERSON.accounts }],
  urges: [
    ...earlier,
    ...[
      { at: minutesAgo(200), person: PERSON.name, site: 'instagram', surface: 'story', outcome: 'resisted' },
      { at: minutesAgo(90), person: PERSON.name, site: 'instagram', surface: 'profile', outcome: 'resisted' },
      { at: minutesAgo(20), person: PERSON.name, site: 'x', surface: 'search', outcome: 'resisted' },
    ].filter((urge) => new Date(urge.at).toDateString() === new Date().toDateString()),
  ],
  contacts: [{ at: slipAt.toISOString(), person: PERSON.name, kind: 'i-reached-out', note: 'Texted happy birthday. Felt worse after.' }],
  activities,
  reasons: ['I want my evenings back.', "I deserve someone who doesn't keep me guessing."],
};

/** The extension's id in a Chromium context that loaded it. */
export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}

/** Imports the demo backup through Settings, as a person restoring a backup would. */
export async function setUpDemoPerson(context: BrowserContext, id: string): Promise<void> {
  const file = writeTempFile('demo-backup.json', JSON.stringify(DEMO_BACKUP));
  const options: Page = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.setInputFiles('input[type="file"]', file);
  await options.waitForSelector('[data-testid="backup-message"]');
  await options.close();
  removeTempFiles();
}
