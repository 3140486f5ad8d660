import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

/** The messages a browser would load from `_locales/<lang>/messages.json`, built from `locales/<lang>.yml`. */
export function chromeMessages(language: 'en' | 'es'): Record<string, { message: string }> {
  const text = readFileSync(resolve(__dirname, '../../locales', `${language}.yml`), 'utf8');
  return generateChromeMessages(parseMessagesText(text, 'YAML'));
}

/** browser.i18n.getMessage as browsers implement it: `$1`…`$9` take the substitutions, `$$` is a dollar sign. */
export function messageLookup(language: 'en' | 'es') {
  const messages = chromeMessages(language);
  return (name: string, substitutions?: string | string[]): string => {
    const message = messages[name]?.message;
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    return message.replace(/\$(\$|[1-9])/g, (_, token: string) =>
      token === '$' ? '$' : (subs[Number(token) - 1] ?? ''),
    );
  };
}
