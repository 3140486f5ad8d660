import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, adapterForHost } from '@/lib/sites';
import { SITE_HOSTS } from '@/lib/sites/hosts';
import { SITE_RULES } from '@/lib/sites/rules';
import { SITES } from '@/lib/model';
import { validateHandle } from '@/lib/accounts';
import { SITE_FIXTURES } from '../fixtures';
import { PERSON } from '../fixtures/person';

/** Whether a `*://*.example.com/*`-style match pattern covers a host name. */
function patternCovers(pattern: string, host: string): boolean {
  const patternHost = /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
  if (patternHost.startsWith('*.')) {
    const base = patternHost.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === patternHost;
}

const identifiersOn = (site: string) =>
  PERSON.accounts.filter((account) => account.site === site).map((account) => account.handle.toLowerCase());

describe('the adapter registry', () => {
  it('has one adapter per site id, each a known site', () => {
    const ids = ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(SITES).toContain(id);
  });

  it('gives every host to exactly one adapter, inside that site’s permission patterns', () => {
    const hosts = ADAPTERS.flatMap((adapter) => adapter.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const adapter of ADAPTERS) {
      for (const host of adapter.hosts) {
        expect(adapterForHost(host.toUpperCase())).toBe(adapter);
        expect(SITE_HOSTS[adapter.id].some((pattern) => patternCovers(pattern, host)), host).toBe(true);
      }
    }
  });

  it('has rules for every adapter, and no rules without one', () => {
    expect(Object.keys(SITE_RULES).sort()).toEqual(ADAPTERS.map((adapter) => adapter.id).sort());
  });

  it('has fixtures for every adapter and an adapter for every fixture folder', () => {
    expect(SITE_FIXTURES.map((fixtures) => fixtures.site).sort()).toEqual(ADAPTERS.map((adapter) => adapter.id).sort());
  });
});

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s adapter', (site, adapter) => {
  it('declares every rule with a template slot, a kind and where its hook was seen', () => {
    expect(SITE_RULES[site].length).toBeGreaterThan(0);
    for (const rule of SITE_RULES[site]) {
      expect(rule.selector).toContain('{id}');
      expect(['handle', 'id']).toContain(rule.kind);
      expect(rule.seen.length).toBeGreaterThan(10);
    }
    for (const rule of [...(adapter.procedural ?? []), ...(adapter.learn ?? [])]) {
      expect(rule.selector).not.toContain('{id}');
      expect(rule.seen.length).toBeGreaterThan(10);
    }
  });

  it('never keys a selector on hashed class names', () => {
    const selectors = [
      ...SITE_RULES[site].map((rule) => rule.selector),
      ...(adapter.procedural ?? []).map((rule) => rule.selector),
      ...(adapter.learn ?? []).map((rule) => rule.selector),
      ...(adapter.health ?? []).flatMap((check) => [check.page, check.hooks]),
    ];
    for (const selector of selectors) {
      // Atomic/hashed classes: css-175oi2r, r-1awozwy, x1lliihq, _aacl, O4POs, name_c91bad.
      expect(selector, selector).not.toMatch(/\.(css-[a-z0-9]+|r-[a-z0-9]{5,}|x[a-z0-9]{6,}|_a[a-z0-9]{3})\b/);
    }
  });

  it('uses account handles the options page accepts', () => {
    for (const account of PERSON.accounts.filter((entry) => entry.site === site)) {
      expect(validateHandle(account.site, account.handle)).toEqual({ ok: true, value: account.handle });
    }
  });

  const fixtures = SITE_FIXTURES.find((entry) => entry.site === site);
  const pages = fixtures?.pages ?? [];
  it.each(pages.map((page) => [page.name, page] as const))('routes the %s as its fixture expects', (_, page) => {
    const url = new URL(page.url);
    expect(adapterForHost(url.hostname)).toBe(adapterFor(site));
    const route = adapter.route(url);
    const namesPerson = route?.identifiers.some((identifier) => identifiersOn(site).includes(identifier.toLowerCase()));
    // Learned keys (thread:…, convo:…) name the person only once learned, so they are not asserted here.
    const learnable = route?.identifiers.some((identifier) => /^[a-z]+:/.test(identifier) && !identifier.startsWith('did:'));
    if (page.shield && !learnable && !page.shieldedByContent) {
      expect(route?.surface).toBe(page.shield);
      expect(namesPerson).toBe(true);
    }
    if (!page.shield || page.shieldedByContent) expect(namesPerson ?? false).toBe(false);
  });
});
