import { i18n } from '#i18n';
import { format } from 'date-fns';
import { enUS, es, type Locale } from 'date-fns/locale';
import { browser } from 'wxt/browser';

/**
 * Dates and numbers in the language of the messages the browser picked from `_locales`, so they match
 * the words around them; with the browser's own region (es-MX, en-GB) when it speaks that language.
 * Chromium can pick Spanish messages while getUILanguage() still says en-US, when it lacks Spanish menus.
 */
export function uiLanguage(): string {
  const messagesLanguage = i18n.t('locale');
  const browserLanguage = browser.i18n.getUILanguage();
  return browserLanguage.toLowerCase().split('-')[0] === messagesLanguage ? browserLanguage : messagesLanguage;
}

function dateLocale(): Locale {
  return i18n.t('locale') === 'es' ? es : enUS;
}

export function formatDate(date: Date | number, pattern: string): string {
  return format(date, pattern, { locale: dateLocale() });
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}
