import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SITE_HOST_PATTERNS } from '@/lib/sites/hosts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');

describe('store listing and changelog', () => {
  const listing = read('docs/store-listing.md');

  it('keeps the short description within the Chrome Web Store limit of 132 characters', () => {
    const short = /## Short description[\s\S]*?\n> (.+)\n/.exec(listing)?.[1];
    expect(short).toBeDefined();
    expect(short!.length).toBeLessThanOrEqual(132);
  });

  it('justifies every host the manifest asks for', () => {
    expect(SITE_HOST_PATTERNS.filter((pattern) => !listing.includes(`\`${pattern}\``))).toEqual([]);
  });

  it('has a changelog entry for the version in package.json', () => {
    const { version } = JSON.parse(read('package.json')) as { version: string };
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## ${version.replaceAll('.', '\\.')}\\b`, 'm'));
  });
});
