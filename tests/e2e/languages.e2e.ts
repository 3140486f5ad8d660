/**
 * Clean Break in the reader's language: Spanish messages in a Spanish Chromium, English elsewhere, and the
 * manifest's name and description from _locales. Firefox ESR here has no Spanish language pack, so Spanish
 * is checked in Chromium only; both browsers get the English run and the built _locales.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BROWSERS, launch, type BrowserName, type ExtensionSession, type TestPage } from './harness';
import { ARTIFACTS, openExtensionPage, seedSamWithAnUrge } from './support';
import { shiftPerformanceNow } from './friction-support';

const OUTPUT = resolve(import.meta.dirname, '../..', process.env.CLEAN_BREAK_OUT ?? '.output');
const BUILD_DIRS: Record<BrowserName, string> = { chromium: 'chrome-mv3', firefox: 'firefox-mv3' };
const PROFILE_URL = 'https://www.instagram.com/sam.rivera/';



const missingMessages = (page: TestPage) => page.console.filter((line) => line.includes('[i18n]'));

describe.each(BROWSERS)('built _locales for %s', (browserName) => {
  it('ships English and Spanish messages and takes the name and description from them', () => {
    const dir = join(OUTPUT, BUILD_DIRS[browserName]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ default_locale: 'en', name: '__MSG_extension_name__', description: '__MSG_extension_description__' });
    for (const language of ['en', 'es']) expect(existsSync(join(dir, '_locales', language, 'messages.json'))).toBe(true);
  });
});

describe.each(BROWSERS)('English in %s', (browserName) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launch(browserName);
    await seedSamWithAnUrge(session);
  });
  afterAll(() => session?.close());

  it('shows the popup in English with every message found', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="streak-days"]');
    expect(await popup.text('.streak-caption')).toBe('days of no contact with Sam');
    expect(await popup.text('[data-testid="urges"] p')).toBe('1 urge resisted today');
    expect(missingMessages(popup)).toEqual([]);
  });

  it('shows the privacy page in English', async () => {
    const privacy = await openExtensionPage(session, 'privacy.html');
    await privacy.waitFor('table');
    expect(await privacy.text('h1')).toBe('Privacy');
    expect(await privacy.text('h2')).toBe('What is kept, and where');
    // A readable column, as in Settings, not text from edge to edge.
    expect(await privacy.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).toBe('760px');
  });
});

describe('Spanish in chromium', () => {
  let session: ExtensionSession;
  let urgeId: number;
  beforeAll(async () => {
    session = await launch('chromium', () => null, { language: 'es' });
    urgeId = await seedSamWithAnUrge(session);
  });
  afterAll(() => session?.close());

  it('names and describes the extension in Spanish', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    const [name, description] = await popup.evaluate(() => {
      const { i18n } = (globalThis as unknown as { chrome: { i18n: { getMessage(name: string): string } } }).chrome;
      return [i18n.getMessage('extension_name'), i18n.getMessage('extension_description')];
    });
    expect(name).toBe('Clean Break');
    expect(description).toMatch(/^Mantén el contacto cero/);
  });

  it('shows the popup in Spanish, with numbers and plurals for Spanish', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.waitFor('[data-testid="streak-days"]');
    expect(await popup.text('[data-testid="streak-days"]')).toBe('9');
    expect(await popup.text('.streak-caption')).toBe('días sin contacto con Sam');
    expect(await popup.text('[data-testid="streak-progress"]')).toBe('Día 9 de 30 · faltan 21');
    expect(await popup.text('[data-testid="urges"] p')).toBe('1 impulso resistido hoy');
    expect(await popup.text('.popup-header button')).toBe('Ajustes');
    expect(await popup.text('[data-testid="manual-urge-open"]')).toBe('Sentí un impulso');
    expect(await popup.evaluate(() => document.querySelector('.popup-header button')?.getAttribute('aria-label'))).toBe('Abrir ajustes');
    expect(missingMessages(popup)).toEqual([]);
    await popup.screenshot(join(ARTIFACTS, 'languages-popup-es-chromium.png'), { fullPage: true });
  });

  it('shows the pause page in Spanish', async () => {
    const pause = await openExtensionPage(session, `pause.html?urge=${urgeId}&to=${encodeURIComponent(PROFILE_URL)}`);
    await pause.waitFor('[data-testid="shield-day"]');
    expect(await pause.text('[data-testid="shield-day"]')).toBe('Día 9 de 30');
    expect(await pause.text('h1')).toBe('Las ganas de mirar son fuertes ahora mismo. Pasan, casi siempre en unos pocos minutos.');
    expect(await pause.text('[data-testid="go-back"]')).toBe('Volver');
    // Late at night the way on starts with urge surfing; by day it is the hold button.
    const onward = await pause.evaluate(() => document.querySelector('.shield-actions button:not([data-testid="go-back"])')?.textContent);
    expect(onward).toMatch(/^Continuar de todos modos…?$/);
    expect(missingMessages(pause)).toEqual([]);
    await pause.screenshot(join(ARTIFACTS, 'languages-pause-es-chromium.png'), { fullPage: true });
  });

  it('shows the welcome page in Spanish', async () => {
    const welcome = await openExtensionPage(session, 'welcome.html');
    await welcome.waitFor('[data-testid="welcome-glance"]');
    expect(await welcome.text('h1')).toBe('Te damos la bienvenida a Clean Break');
    expect(await welcome.text('#done-heading')).toBe('✓ Todo listo');
    expect(missingMessages(welcome)).toEqual([]);
  });

  it('shows the settings in Spanish, with the page named in Spanish', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.waitFor('#friction-heading');
    expect(await options.evaluate(() => [document.title, document.documentElement.lang])).toEqual(['Clean Break · Ajustes', 'es']);
    expect(await options.text('.tabs a[aria-current="page"]')).toBe('Ajustes');
    expect(await options.text('#people-heading')).toBe('De quién te estás dando espacio');
    expect(await options.text('#friction-heading')).toBe('Una protección que se sostiene');
    expect(await options.text('[data-testid="pause-card"] p.small')).toBe(
      'Pausar hace que vuelva a aparecer. Antes espera 10 minutos, en una página que debe quedar abierta. Reanudar siempre es instantáneo.',
    );
    expect(await options.text('#backup-heading')).toBe('Tus datos');
    expect(await options.evaluate(() => document.querySelector('select[name="late-night-start"]')?.closest('label')?.firstChild?.textContent)).toBe('Desde');
    expect(missingMessages(options)).toEqual([]);
    await options.screenshot(join(ARTIFACTS, 'languages-options-es-chromium.png'), { fullPage: true });
  });

  it('shows the progress tab and the privacy page in Spanish', async () => {
    const progress = await openExtensionPage(session, 'options.html#progress');
    await progress.waitFor('[data-testid="progress-view"]');
    expect(await progress.text('#daily-title')).toBe('Impulsos por día, últimos 30 días');
    expect(await progress.text('#streaks-heading')).toBe('Tus rachas');
    expect(await progress.text('[data-testid="longest-streak"]')).toBe('9 días');
    expect(missingMessages(progress)).toEqual([]);
    await progress.screenshot(join(ARTIFACTS, 'languages-progress-es-chromium.png'), { fullPage: true });
    const privacy = await openExtensionPage(session, 'privacy.html');
    await privacy.waitFor('table');
    expect(await privacy.evaluate(() => document.title)).toBe('Privacidad · Clean Break');
    expect(await privacy.text('h1')).toBe('Privacidad');
    expect(await privacy.text('h2')).toBe('Qué se guarda y dónde');
    expect(missingMessages(privacy)).toEqual([]);
    await privacy.screenshot(join(ARTIFACTS, 'languages-privacy-es-chromium.png'), { fullPage: true });
  });

  it('asks for the sentence in Spanish on the cooldown page, and takes it typed without accents', async () => {
    const action = encodeURIComponent(JSON.stringify({ kind: 'pause', scope: 'everywhere', length: 'hour' }));
    const cooldown = await openExtensionPage(session, `cooldown.html?action=${action}`);
    await cooldown.waitFor('[data-testid="cooldown-remaining"]');
    expect(await cooldown.evaluate(() => document.title)).toBe('Una pausa antes de cambiar la protección · Clean Break');
    expect(await cooldown.text('#wait-heading')).toBe('Una pausa antes de cambiar la protección');
    expect(await cooldown.text('[data-testid="cooldown-streak"]')).toBe('Día 9 de 30 tomando distancia de Sam.');
    expect(await cooldown.text('[data-testid="keep-protection"]')).toBe('Mantener mi protección');
    await shiftPerformanceNow(cooldown, 10 * 60_000);
    await cooldown.waitFor('[data-testid="cooldown-confirm"]');
    expect(await cooldown.text('[data-testid="cooldown-remaining"]')).toBe('La espera terminó.');
    expect(await cooldown.text('[data-testid="cooldown-confirm"] label')).toBe('Para continuar, escribe: “Tomo esta decisión con cuidado.”');
    const goDisabled = () => cooldown.evaluate(() => (document.querySelector('[data-testid="cooldown-go"]') as HTMLButtonElement).disabled);
    await cooldown.fill('input[name="commitment"]', 'I am making this choice with care.');
    expect(await goDisabled()).toBe(true);
    await cooldown.fill('input[name="commitment"]', 'tomo esta decision con cuidado');
    expect(await goDisabled()).toBe(false);
    await cooldown.screenshot(join(ARTIFACTS, 'languages-cooldown-es-chromium.png'), { fullPage: true });
    await cooldown.click('[data-testid="cooldown-go"]');
    await cooldown.waitFor('[data-testid="cooldown-done"]');
    expect(await cooldown.text('[data-testid="cooldown-done"]')).toMatch(/^Hecho: /);
    expect(missingMessages(cooldown)).toEqual([]);
  });
});
