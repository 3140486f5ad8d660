import './curtain.css';
import { SITE_HOST_PATTERNS } from '@/lib/sites/hosts';
import { adapterForHost } from '@/lib/sites';
import { sendMessage } from '@/lib/messaging';
import type { ShieldHello } from '@/lib/shield/hello';
import { goToShield, liftCurtainLocally, watchRoutes } from './routes';
import { watchSearches } from './search';
import { startCensus } from './census';

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
    watchRoutes(ctx, adapter, hello);
    watchSearches(ctx, adapter, hello.targets);
    startCensus(ctx, adapter, hello.selectors);
  },
});
