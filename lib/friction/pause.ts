import { startOfDay, addDays } from 'date-fns';
import type { Site } from '../model';
import { SITES } from '../model';

/** Where protection is paused: everywhere, or on one site. */
export type PauseScope = Site | 'everywhere';
export const PAUSE_LENGTHS = ['hour', 'today'] as const;
/** An hour, or the rest of today (until local midnight). */
export type PauseLength = (typeof PAUSE_LENGTHS)[number];

/** Epoch ms each pause ends at; a pause that has ended is as good as none. */
export interface ProtectionPause {
  everywhere?: number;
  sites: Partial<Record<Site, number>>;
}

export const NO_PAUSE: ProtectionPause = { sites: {} };

export function pauseEnd(length: PauseLength, now: Date): number {
  return length === 'hour' ? now.getTime() + 60 * 60_000 : startOfDay(addDays(now, 1)).getTime();
}

/** When protection on the site comes back, or null when it is not paused. */
export function pausedUntil(pause: ProtectionPause, site: Site, now: number): number | null {
  const ends = [pause.everywhere, pause.sites[site]].filter((end): end is number => end !== undefined && end > now);
  return ends.length > 0 ? Math.max(...ends) : null;
}

/** The pauses still running, for the popup and options to name. */
export function activePauses(pause: ProtectionPause, now: number): Array<{ scope: PauseScope; until: number }> {
  const active: Array<{ scope: PauseScope; until: number }> = [];
  if (pause.everywhere !== undefined && pause.everywhere > now) active.push({ scope: 'everywhere', until: pause.everywhere });
  for (const site of SITES) {
    const until = pause.sites[site];
    if (until !== undefined && until > now) active.push({ scope: site, until });
  }
  return active;
}

export function withPause(pause: ProtectionPause, scope: PauseScope, until: number): ProtectionPause {
  return scope === 'everywhere' ? { ...pause, everywhere: until } : { ...pause, sites: { ...pause.sites, [scope]: until } };
}

/** Ends a pause at once: resuming only strengthens protection, so it needs no cooldown. */
export function withoutPause(pause: ProtectionPause, scope: PauseScope): ProtectionPause {
  if (scope === 'everywhere') return { sites: pause.sites };
  const sites = { ...pause.sites };
  delete sites[scope];
  return { ...pause, sites };
}

export function isPauseScope(value: unknown): value is PauseScope {
  return value === 'everywhere' || (SITES as readonly unknown[]).includes(value);
}

/** Reads a stored pause defensively: anything malformed counts as no pause. */
export function readPause(stored: unknown): ProtectionPause {
  if (typeof stored !== 'object' || stored === null) return NO_PAUSE;
  const raw = stored as { everywhere?: unknown; sites?: unknown };
  const sites: Partial<Record<Site, number>> = {};
  if (typeof raw.sites === 'object' && raw.sites !== null) {
    for (const site of SITES) {
      const until = (raw.sites as Record<string, unknown>)[site];
      if (typeof until === 'number' && Number.isFinite(until)) sites[site] = until;
    }
  }
  return typeof raw.everywhere === 'number' && Number.isFinite(raw.everywhere) ? { everywhere: raw.everywhere, sites } : { sites };
}
