import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { SHIELD_REVISION_KEY } from '@/lib/shield/revision';
import { SITE_HOSTS } from '@/lib/sites/hosts';
import { sendMessage } from '@/lib/messaging';
import type { ShieldHello } from '@/lib/shield/hello';
import { hidesAnyone } from '@/lib/shield/targets';
import { pageHealth } from '@/lib/shield/health';
import type { SiteAdapter } from '@/lib/sites/types';
import { goToShield, shieldBlocker, watchRoutes } from './routes';
import { liftCurtainLocally, liftCurtainOnceParsed } from './curtain';
import { watchSearches } from './search';
import { startCensus } from './census';
import { watchDom } from './dom';
import { proceduralScanner } from './procedural';
import { createGuard } from './guard';

interface RunningShield {
  /** Takes a newer answer from the worker: new targets, learned keys and passes. */
  refresh(next: ShieldHello): void;
}

/** Starts the engine's watchers for a page with someone to hide. */
function startShield(ctx: ContentScriptContext, adapter: SiteAdapter, hello: ShieldHello, answeredFor: string): RunningShield {
  const health = pageHealth((healthy) => void sendMessage('cs-bg-health', { healthy }).catch(() => undefined));
  const guard = createGuard(health.failed);
  const block = shieldBlocker(adapter);
  const checkRoute = watchRoutes(ctx, adapter, hello, guard, block, answeredFor);
  const census = startCensus(ctx, adapter, hello.census, guard, health);
  const scan = proceduralScanner(adapter, hello, guard, block, () => checkRoute(true), census.hidden);
  watchDom(
    ctx,
    () => checkRoute(),
    (roots) => {
      scan?.(roots);
      census.added(roots);
    },
    scan !== null,
  );
  // What is parsed so far; the observer reports the rest, scanned before it is painted.
  scan?.([document.documentElement]);
  watchSearches(ctx, adapter, () => hello.targets, guard);
  return {
    refresh(next) {
      hello.targets = next.targets;
      hello.passed = next.passed;
      census.countWith(next.census);
      checkRoute(true);
      scan?.([document.documentElement]);
    },
  };
}

function onShieldRevision(ctx: ContentScriptContext, changed: () => Promise<void>): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SHIELD_REVISION_KEY in changes) void changed();
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
}

/** A timer never waits longer than this; past it, it waits again. */
const LONGEST_WAIT_MS = 24 * 60 * 60_000;

/**
 * A pause or a pass ends by itself, with nothing stored changing: the page asks again then.
 * A hidden tab asks once it is shown, as does one whose timer slept with the computer: a tab
 * nobody sees needs no new rules yet, and a profile it shows is shielded when it is seen.
 * Returns the setter for each answer's `changesAt`.
 */
function onAnswerExpiry(ctx: ContentScriptContext, ask: () => void): (changesAt: number | null) => void {
  let expiresAt: number | null = null;
  let timer: number | undefined;
  const arm = (at: number | null) => {
    expiresAt = at;
    clearTimeout(timer);
    timer = at === null ? undefined : ctx.setTimeout(check, Math.min(Math.max(at - Date.now(), 0), LONGEST_WAIT_MS));
  };
  const check = () => {
    if (expiresAt === null || document.visibilityState !== 'visible') return;
    if (Date.now() < expiresAt) return arm(expiresAt);
    expiresAt = null;
    ask();
  };
  ctx.addEventListener(document, 'visibilitychange', check);
  ctx.addEventListener(window, 'focus', check);
  return arm;
}

/**
 * The one shield engine, bound to one site's adapter. Each site gets its own content script
 * (`entrypoints/<site>.content.ts`) so a page loads only its own site's data, not all thirteen.
 */
export function defineShieldScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: SITE_HOSTS[adapter.id],
    runAt: 'document_start',
    async main(ctx) {
      // The match patterns are wider than the adapter (e.g. business.facebook.com): never blank those.
      if (!adapter.hosts.includes(location.hostname.toLowerCase())) return liftCurtainLocally(ctx);

      let hello: ShieldHello;
      const askedFor = location.href;
      try {
        hello = await sendMessage('cs-bg-shield-hello', {});
      } catch {
        // Without the worker there are no rules to wait for; never leave the site blank.
        return liftCurtainLocally(ctx);
      }
      if (hello.site === null) return liftCurtainLocally(ctx);
      if (hello.block) return goToShield(hello.block.urgeId);

      let shield = hello.targets.length > 0 ? startShield(ctx, adapter, hello, askedFor) : null;
      // The rules are in. With nobody to hide there is nothing a half-parsed page could show.
      if (hidesAnyone(hello.targets, hello.passed)) liftCurtainOnceParsed(ctx);
      else liftCurtainLocally(ctx);
      // A change in options or by sync reaches this tab without a reload: the worker replaces the
      // page's hiding rules, and the script takes the new targets. One ask at a time, so the
      // worker always replaces the rules the page has.
      let asking = Promise.resolve();
      const askAgain = async () => {
        const reaskedFor = location.href;
        const next = await sendMessage('cs-bg-shield-hello', { again: true }).catch(() => null);
        if (!next || next.site === null) return;
        if (next.block) return goToShield(next.block.urgeId);
        expiry(next.changesAt);
        if (shield) shield.refresh(next);
        else if (next.targets.length > 0) shield = startShield(ctx, adapter, next, reaskedFor);
      };
      const queueAsk = () => (asking = asking.then(askAgain).catch(() => undefined));
      const expiry = onAnswerExpiry(ctx, queueAsk);
      expiry(hello.changesAt);
      onShieldRevision(ctx, queueAsk);
    },
  });
}
