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

/**
 * What one page reports about its site: what the health checks found, or that adapter code
 * failed. A failure is reported once, however often it recurs, and the page stays unhealthy
 * after it: a later check that finds the hooks in place does not clear it.
 */
export interface PageHealth {
  /** What the adapter's health checks found; null on a page they don't know. */
  checked(healthy: boolean | null): void;
  /** Adapter code threw. */
  failed(): void;
}

export function pageHealth(send: (healthy: boolean) => void): PageHealth {
  let failed = false;
  return {
    checked(healthy) {
      if (healthy !== null && !failed) send(healthy);
    },
    failed() {
      if (failed) return;
      failed = true;
      send(false);
    },
  };
}

export async function readSiteHealth(): Promise<Partial<Record<Site, SiteHealth>>> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Partial<Record<Site, SiteHealth>>) : {};
}

export async function recordSiteHealth(site: Site, healthy: boolean, now: number): Promise<void> {
  const health = await readSiteHealth();
  await browser.storage.local.set({ [KEY]: { ...health, [site]: { healthy, at: now } } });
}
