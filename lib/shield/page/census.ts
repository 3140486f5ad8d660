import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import { checkHealth } from '@/lib/shield/health';
import type { SiteAdapter } from '@/lib/sites/types';

const SAMPLE_MS = 2_000;
const REPORT_MS = 10_000;
const HEALTH_AFTER_MS = [3_000, 12_000];

/**
 * Counts what the stylesheet kept out of view and checks the adapter still fits the page.
 * Hiding itself is pure CSS; this only samples, a few times a minute, while the tab is visible.
 */
export function startCensus(ctx: ContentScriptContext, adapter: SiteAdapter, selectors: string[]): void {
  // One unparseable selector would make the whole query throw; keep only the ones this browser reads.
  const readable = selectors.filter((selector) => CSS.supports(`selector(${selector})`));
  const query = readable.join(',');
  const counted = new WeakSet<Element>();
  let pending = 0;

  const sample = () => {
    if (!query || document.visibilityState !== 'visible') return;
    for (const element of document.querySelectorAll(query)) {
      if (counted.has(element)) continue;
      counted.add(element);
      pending += 1;
    }
  };
  const report = () => {
    if (pending === 0) return;
    const count = pending;
    pending = 0;
    sendMessage('cs-bg-kept-out-of-view', { count }).catch(() => (pending += count));
  };

  ctx.setInterval(sample, SAMPLE_MS);
  ctx.setInterval(report, REPORT_MS);
  ctx.addEventListener(window, 'pagehide', () => {
    sample();
    report();
  });

  for (const delay of HEALTH_AFTER_MS) {
    ctx.setTimeout(() => {
      const healthy = checkHealth(document, adapter.health ?? []);
      if (healthy !== null) void sendMessage('cs-bg-health', { healthy }).catch(() => undefined);
    }, delay);
  }
}
