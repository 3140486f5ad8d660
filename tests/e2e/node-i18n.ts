/**
 * Test files run in Node and import some of the extension's own modules (the sync encoding, the
 * fixtures' handles), which read their words through `#i18n` when they load. Node has no
 * `browser.i18n`: give it the English messages, as a browser in English would.
 */
import { messageLookup } from '../unit/i18n-messages';

const english = messageLookup('en');
(globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: english, getUILanguage: () => 'en-US' } };
