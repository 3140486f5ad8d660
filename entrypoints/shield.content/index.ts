import './curtain.css';
import { SITE_HOST_PATTERNS } from '@/lib/sites/hosts';
import { adapterForHost } from '@/lib/sites';
import { sendMessage } from '@/lib/messaging';
import type { ShieldHello } from '@/lib/shield/hello';
import { goToShield, liftCurtainLocally, shieldBlocker, watchRoutes } from './routes';
import { watchSearches } from './search';
import { startCensus } from './census';
import { watchDom } from './dom';
import { proceduralScanner } from './procedural';

export default defineContentScript({
  matches: SITE_HOST_PATTERNS,
  runAt: 'document_start',
  async main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (!adapter) return liftCurtainLocally();

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

    const block = shieldBlocker(adapter);
    const checkRoute = watchRoutes(ctx, adapter, hello, block);
    const scan = proceduralScanner(adapter, hello, block, () => checkRoute(true));
    watchDom(ctx, () => checkRoute(), scan ?? undefined);
    if (scan) {
      // The worker left the curtain down for this site: lift it once what is parsed is scanned.
      scan([document.documentElement]);
      liftCurtainLocally();
    }
    watchSearches(ctx, adapter, hello.targets);
    startCensus(ctx, adapter, hello.selectors);
  },
});
