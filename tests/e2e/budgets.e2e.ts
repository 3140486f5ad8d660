import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUDGETS, contentScripts, LIBRARY_MARKERS, pageScripts, pageScriptsGzip } from '../bench/bundles';
import { SITES } from '@/lib/model';

const OUTPUT = resolve(import.meta.dirname, '../..', process.env.CLEAN_BREAK_OUT ?? '.output');

describe.each(['chrome-mv3', 'firefox-mv3'])('bundle budgets of the %s build', (target) => {
  const dir = join(OUTPUT, target);

  it('gives every site its own content script, each within budget and free of Dexie and Preact', () => {
    const scripts = contentScripts(dir);
    expect(scripts).toHaveLength(SITES.length);
    for (const script of scripts) {
      expect({ file: script.file, libraries: script.libraries }).toEqual({ file: script.file, libraries: [] });
      expect(script.gzip, script.file).toBeLessThanOrEqual(BUDGETS.contentScript);
    }
  });

  it('keeps all of the popup’s JavaScript within budget, with no database code', () => {
    expect(pageScriptsGzip(dir, 'popup.html')).toBeLessThanOrEqual(BUDGETS.popup);
    const withDexie = pageScripts(dir, 'popup.html').filter((file) => readFileSync(file, 'utf8').includes(LIBRARY_MARKERS.Dexie));
    expect(withDexie).toEqual([]);
  });
});
