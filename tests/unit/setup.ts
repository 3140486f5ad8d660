import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageLookup } from './i18n-messages';

const englishMessage = messageLookup('en');

// The fake browser leaves i18n unimplemented; unit tests read the English messages a browser would.
function speakEnglish(): void {
  fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
}

speakEnglish();

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});
