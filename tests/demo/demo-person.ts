/**
 * The person the demo and the screenshots set up: the fixtures' person, twelve days into a
 * thirty-day goal, with a few urges already resisted today and one reason.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSON } from '../fixtures/person';
import { localDateDaysAgo } from '../e2e/support';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export const DEMO_BACKUP = {
  app: 'clean-break',
  version: 1,
  exportedAt: new Date().toISOString(),
  people: [{ name: PERSON.name, noContactSince: localDateDaysAgo(12), goalDays: 30, accounts: PERSON.accounts }],
  urges: [
    { at: minutesAgo(200), person: PERSON.name, site: 'instagram', surface: 'story', outcome: 'resisted' },
    { at: minutesAgo(90), person: PERSON.name, site: 'instagram', surface: 'profile', outcome: 'resisted' },
    { at: minutesAgo(20), person: PERSON.name, site: 'x', surface: 'search', outcome: 'resisted' },
  ].filter((urge) => new Date(urge.at).toDateString() === new Date().toDateString()),
  contacts: [],
  activities: [],
  reasons: ['I want my evenings back.', "I deserve someone who doesn't keep me guessing."],
};

/** The extension's id in a Chromium context that loaded it. */
export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}

/** Imports the demo backup through Settings, as a person restoring a backup would. */
export async function setUpDemoPerson(context: BrowserContext, id: string): Promise<void> {
  const file = join(tmpdir(), `clean-break-demo-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(DEMO_BACKUP));
  const options: Page = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.setInputFiles('input[type="file"]', file);
  await options.waitForSelector('[data-testid="backup-message"]');
  await options.close();
}
