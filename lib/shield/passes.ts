import { browser } from 'wxt/browser';
import type { Site } from '../model';

/** After a deliberate "Continue anyway", the person is not shielded again in that tab for a while. */
export const PASS_MS = 10 * 60_000;
const KEY = 'shieldPasses';

interface Pass {
  tabId: number;
  site: Site;
  personId: number;
  until: number;
}

async function readPasses(now: number): Promise<Pass[]> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as Pass[]).filter((pass) => pass.until > now) : [];
}

export async function grantPass(tabId: number, site: Site, personId: number, now: number): Promise<void> {
  const passes = (await readPasses(now)).filter(
    (pass) => !(pass.tabId === tabId && pass.site === site && pass.personId === personId),
  );
  passes.push({ tabId, site, personId, until: now + PASS_MS });
  await browser.storage.session.set({ [KEY]: passes });
}

/** The passes held in this tab on this site: whom the user chose to see, and until when. */
export async function passesIn(tabId: number, site: Site, now: number): Promise<Array<Pick<Pass, 'personId' | 'until'>>> {
  return (await readPasses(now))
    .filter((pass) => pass.tabId === tabId && pass.site === site)
    .map(({ personId, until }) => ({ personId, until }));
}
