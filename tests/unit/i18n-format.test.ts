import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDate, formatNumber, uiLanguage } from '../../lib/i18n/format';
import { messageLookup } from './i18n-messages';

describe('locale formatting', () => {
  it('formats dates and numbers in English for an English browser', () => {
    expect(formatDate(new Date(2026, 2, 5), 'EEEE, MMMM d')).toBe('Thursday, March 5');
    expect(formatNumber(12345)).toBe('12,345');
    expect(uiLanguage()).toBe('en-US');
  });

  it('formats dates and numbers in Spanish for a Spanish browser', () => {
    fakeBrowser.i18n.getMessage = messageLookup('es') as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = () => 'es-ES';
    expect(formatDate(new Date(2026, 2, 5), "EEEE, d 'de' MMMM")).toBe('jueves, 5 de marzo');
    expect(formatNumber(12345)).toBe('12.345');
    expect(uiLanguage()).toBe('es-ES');
  });

  it('follows the messages when the browser lacks menus in their language', () => {
    fakeBrowser.i18n.getMessage = messageLookup('es') as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    expect(uiLanguage()).toBe('es');
    expect(formatDate(new Date(2026, 2, 5), 'EEEE')).toBe('jueves');
  });
});
