import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageLookup } from './i18n-messages';

// The lists of activities and backup fields read their words when their module loads, so each
// test loads the modules afresh after the browser starts speaking Spanish.
function speakSpanish(): void {
  fakeBrowser.i18n.getMessage = messageLookup('es') as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'es-ES';
}

describe('lib in Spanish', () => {
  beforeEach(() => {
    vi.resetModules();
    speakSpanish();
  });
  afterEach(() => vi.resetModules());

  it('names an activity and its group in Spanish', async () => {
    const { activityById, ACTIVITY_GROUPS } = await import('@/lib/activities');
    expect(activityById('walk-20')).toMatchObject({
      title: 'Sal a caminar 20 minutos',
      detail: 'Deja el móvil en el bolsillo y busca por el camino cinco cosas en las que nunca te habías fijado.',
    });
    expect(ACTIVITY_GROUPS.calm.label).toBe('Baja el ritmo');
  });

  it('says what is wrong with a backup in Spanish, with the field and place in Spanish words', async () => {
    const { parseBackup } = await import('@/lib/backup/format');
    const file = { app: 'clean-break', version: 1, people: [{ name: 'Sam', noContactSince: '2026-02-30', goalDays: 30, accounts: [] }] };
    expect(parseBackup(JSON.stringify(file))).toEqual({
      ok: false,
      error: 'La persona 1 tiene una fecha de inicio sin contacto que no es una fecha real ("2026-02-30").',
    });
    expect(parseBackup('')).toEqual({ ok: false, error: 'Este archivo está vacío, así que no hay nada que restaurar.' });
  });

  it('writes a progress summary with Spanish dates and numbers', async () => {
    const { dailyUrgeSummary } = await import('@/lib/insights/summaries');
    const days = [
      { day: '2026-11-01', count: 1200 },
      { day: '2026-11-02', count: 3 },
    ];
    expect(dailyUrgeSummary(days, 1)).toBe(
      '1203 impulsos en los últimos 2 días, la mayoría el 1 de nov (1200). Está marcado 1 día con una recaída.',
    );
  });

  it('names the busiest kinds in a sentence that agrees with any label, singular or plural', async () => {
    const { categorySummary } = await import('@/lib/insights/summaries');
    const kinds = [
      { key: 'story', label: 'Sus historias', count: 12 },
      { key: 'search', label: 'Buscar a esa persona', count: 8 },
    ];
    expect(categorySummary(kinds, 'kind')).toBe('La mayoría, en «Sus historias»: 12 de 20. Después, «Buscar a esa persona», con 8.');
  });
});
