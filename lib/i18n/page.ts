import { i18n } from '#i18n';

/**
 * Names an extension page in the language its messages are in, and says which language that is, so tabs,
 * screen readers and the browser's translate offer follow it. Browsers don't fill `__MSG_…__` in HTML.
 */
export function namePage(title: string): void {
  document.title = title;
  document.documentElement.lang = i18n.t('locale');
}
