import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMessagesText, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function parsed(language: string): Map<string, ParsedMessage> {
  const text = readFileSync(join(root, 'locales', `${language}.yml`), 'utf8');
  const messages = parseMessagesText(text, 'YAML').filter((message) => !message.key[0]?.startsWith('@@'));
  return new Map(messages.map((message) => [message.key.join('.'), message]));
}

/** What a translation has to keep from the English: the same forms and the same substitutions. */
function shape(message: ParsedMessage): string {
  const forms = message.type === 'plural' ? Object.keys(message.plurals).join(',') : 'single';
  return `${message.type} forms=${forms} substitutions=${message.substitutions} named=${message.namedSubstitutions.join(',')}`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const english = parsed('en');
const spanish = parsed('es');

describe('locales', () => {
  it('Spanish has every English message and no other', () => {
    const missing = [...english.keys()].filter((key) => !spanish.has(key));
    const extra = [...spanish.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('each Spanish message has the same plural forms and substitutions as the English', () => {
    const mismatched = [...english].flatMap(([key, message]) => {
      const translation = spanish.get(key);
      return translation && shape(translation) !== shape(message)
        ? [`${key}: en ${shape(message)} / es ${shape(translation)}`]
        : [];
    });
    expect(mismatched).toEqual([]);
  });

  it('no message is empty or left with a substitution beyond its count', () => {
    const empty = [...english, ...spanish].flatMap(([key, message]) => {
      const texts = message.type === 'plural' ? Object.values(message.plurals) : [message.message];
      return texts.some((text) => text.trim() === '') ? [key] : [];
    });
    expect(empty).toEqual([]);
  });

  it('every key the code asks for exists in English', () => {
    const used = ['entrypoints', 'components', 'lib'].flatMap((dir) =>
      sourceFiles(join(root, dir)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bi18n\.t\(\s*'([^']+)'/g)].map((match) => match[1] ?? ''),
      ),
    );
    expect(used.length).toBeGreaterThan(0);
    expect([...new Set(used)].filter((key) => !english.has(key))).toEqual([]);
  });
});
