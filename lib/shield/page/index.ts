import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_HOSTS } from '@/lib/sites/hosts';
import { sendMessage } from '@/lib/messaging';
import type { ShieldHello } from '@/lib/shield/hello';
import { pageHealth } from '@/lib/shield/health';
import type { SiteAdapter } from '@/lib/sites/types';
import { goToShield, liftCurtainLocally, shieldBlocker, watchRoutes } from './routes';
import { watchSearches } from './search';
import { startCensus } from './census';
import { watchDom } from './dom';
import { proceduralScanner } from './procedural';
import { createGuard } from './guard';

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
      if (!adapter.hosts.includes(location.hostname.toLowerCase())) return liftCurtainLocally();

      let hello: ShieldHello;
      try {
        hello = await sendMessage('cs-bg-shield-hello', {});
      } catch {
        // Without the worker there are no rules to wait for; never leave the site blank.
        return liftCurtainLocally();
      }
      if (hello.site === null) return liftCurtainLocally();
      if (hello.block) return goToShield(hello.block.urgeId);
      if (hello.targets.length === 0) return;

      const health = pageHealth((healthy) => void sendMessage('cs-bg-health', { healthy }).catch(() => undefined));
      const guard = createGuard(health.failed);
      const block = shieldBlocker(adapter);
      const checkRoute = watchRoutes(ctx, adapter, hello, guard, block);
      const scan = proceduralScanner(adapter, hello, guard, block, () => checkRoute(true));
      const countKeptOutOfView = startCensus(ctx, adapter, hello.census, guard, health);
      watchDom(
        ctx,
        () => checkRoute(),
        (roots) => {
          scan?.(roots);
          countKeptOutOfView(roots);
        },
        scan !== null,
      );
      if (scan) {
        // The worker left the curtain down for this site: lift it once what is parsed is scanned.
        scan([document.documentElement]);
        liftCurtainLocally();
      }
      watchSearches(ctx, adapter, hello.targets, guard);
    },
  });
}
