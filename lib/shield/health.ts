import { browser } from 'wxt/browser';
import type { Site } from '../model';
import type { HealthCheck } from '../sites/types';

const KEY = 'siteHealth';

export interface SiteHealth {
  healthy: boolean;
  at: number;
}

/**
 * Whether the adapter's hooks still fit this page: null when the page is not one the checks
 * know (no feed, no inbox), so an unrelated page never raises an alarm.
 */
export function checkHealth(root: ParentNode, checks: readonly HealthCheck[]): boolean | null {
  const applicable = checks.filter((check) => root.querySelector(check.page) !== null);
  if (applicable.length === 0) return null;
  return applicable.every((check) => root.querySelector(check.hooks) !== null);
}

export async function readSiteHealth(): Promise<Partial<Record<Site, SiteHealth>>> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Partial<Record<Site, SiteHealth>>) : {};
}

export async function recordSiteHealth(site: Site, healthy: boolean, now: number): Promise<void> {
  const health = await readSiteHealth();
  await browser.storage.local.set({ [KEY]: { ...health, [site]: { healthy, at: now } } });
}
