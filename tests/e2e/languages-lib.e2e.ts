/**
 * Words built in lib/ reach the reader in their language: the popup's suggested activity and a backup's
 * problem, in Spanish in a Spanish Chromium and in English in both browsers (Firefox ESR here has no
 * Spanish language pack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BROWSERS, launch, type ExtensionSession } from './harness';
import { ARTIFACTS, localDateDaysAgo, openExtensionPage, writeTempFile } from './support';
import { chromeMessages } from '../unit/i18n-messages';

const BACKUP = {
  app: 'clean-break',
  version: 1,
  people: [{ name: 'Sam', noContactSince: localDateDaysAgo(9), goalDays: 30, accounts: [{ site: 'instagram', handle: 'sam.rivera' }] }],
};
const BAD_BACKUP = { ...BACKUP, people: [{ ...BACKUP.people[0], noContactSince: '2026-02-30' }] };

function activityTitles(language: 'en' | 'es'): string[] {
  return Object.entries(chromeMessages(language))
    .filter(([name]) => /^lib_activities_\w+_title$/.test(name))
    .map(([, { message }]) => message);
}

async function importBackup(session: ExtensionSession, name: string, backup: object): Promise<string> {
  const options = await openExtensionPage(session, 'options.html');
  await options.waitFor('input[type="file"]');
  await options.upload('input[type="file"]', writeTempFile(name, JSON.stringify(backup)));
  await options.waitFor('[data-testid="backup-message"]');
  const message = await options.text('[data-testid="backup-message"]');
  await options.close();
  return message;
}

const cases = [
  ...BROWSERS.map((browserName) => ({ browserName, language: 'en' as const })),
  { browserName: 'chromium' as const, language: 'es' as const },
];

describe.each(cases)('lib words in $browserName, $language', ({ browserName, language }) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launch(browserName, () => null, language === 'es' ? { language: 'es' } : undefined);
  });
  afterAll(() => session?.close());

  it('says exactly what is wrong with a backup', async () => {
    const message = await importBackup(session, `lib-bad-${language}.json`, BAD_BACKUP);
    expect(message).toContain(
      language === 'es'
        ? 'La persona 1 tiene una fecha de inicio sin contacto que no es una fecha real ("2026-02-30").'
        : 'Person 1 has a no-contact start date that isn’t a real date ("2026-02-30").',
    );
  });

  it('suggests an activity in the same language', async () => {
    await importBackup(session, `lib-good-${language}.json`, BACKUP);
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="activity-title"]');
    expect(activityTitles(language)).toContain(await popup.text('[data-testid="activity-title"]'));
    await popup.screenshot(join(ARTIFACTS, `languages-lib-popup-${language}-${browserName}.png`), { fullPage: true });
  });
});
