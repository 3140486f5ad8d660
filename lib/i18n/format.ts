import { format } from 'date-fns';
import { enUS, es, type Locale } from 'date-fns/locale';
import { browser } from 'wxt/browser';

/**
 * Dates and numbers in the language the browser shows its own menus in, the same one `_locales` follows.
 * Date patterns come from the messages files, so each language also picks its own word order.
 */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

function dateLocale(): Locale {
  return uiLanguage().toLowerCase().startsWith('es') ? es : enUS;
}

export function formatDate(date: Date | number, pattern: string): string {
  return format(date, pattern, { locale: dateLocale() });
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}
