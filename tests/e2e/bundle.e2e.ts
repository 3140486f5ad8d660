import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUTPUT = resolve(import.meta.dirname, '../..', process.env.CLEAN_BREAK_OUT ?? '.output');
const TARGETS = ['chrome-mv3', 'firefox-mv3'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Ways code could reach the network or run code it didn't ship with. */
const FORBIDDEN = [
  /\bfetch\(/,
  /\bXMLHttpRequest\b/,
  /\bnew WebSocket\b/,
  /\bsendBeacon\(/,
  /\bnew EventSource\b/,
  /\bimportScripts\(/,
  /(?<![.\w])eval\(/,
  /\bnew Function\(/,
];

describe.each(TARGETS)('the built %s extension', (target) => {
  const dir = join(OUTPUT, target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('ships no code that makes network requests or evaluates strings', () => {
    const found = filesUnder(dir)
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => {
        const code = readFileSync(file, 'utf8');
        return FORBIDDEN.filter((pattern) => pattern.test(code)).map((pattern) => `${file}: ${pattern}`);
      });
    expect(found).toEqual([]);
  });

  it('asks for only the permissions it uses, and the supported sites only', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'scripting', 'storage', 'unlimitedStorage']);
    // Asked for only when milestone notifications are turned on.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    for (const pattern of manifest.host_permissions as string[]) expect(pattern).toMatch(/^\*:\/\/[a-z*.]+\.[a-z]+\/\*$/);
  });

  it('runs its pages under a strict CSP: its own scripts only, no eval, no host to reach', () => {
    const policy = new Map<string, string[]>(
      String(manifest.content_security_policy?.extension_pages ?? '')
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name!, sources]),
    );
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // Every source list names the extension's own files or nothing: no host, scheme or keyword.
    const opened = [...policy]
      .filter(([name]) => name.endsWith('-src'))
      .flatMap(([name, sources]) => sources.filter((source) => source !== "'self'" && source !== "'none'").map((source) => `${name} ${source}`));
    expect(opened).toEqual([]);
    expect([...policy.values()].flat().filter((source) => /unsafe|:|\*/.test(source))).toEqual([]);
  });

  it('declares in the Firefox build alone that nothing is collected', () => {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (target.startsWith('firefox')) expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    else expect(gecko).toBeUndefined();
  });
});
