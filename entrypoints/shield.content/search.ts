import { sendMessage } from '@/lib/messaging';
import { targetNamed, type Target } from '@/lib/shield/targets';
import type { SiteAdapter } from '@/lib/sites/types';

const SEARCH_SETTLE_MS = 500;

/** Logs one `search` urge per search for the person; the results themselves are hidden by CSS. */
export function watchSearches(ctx: InstanceType<typeof ContentScriptContext>, adapter: SiteAdapter, targets: Target[]): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loggedFor: EventTarget | null = null;
  ctx.addEventListener(
    document,
    'input',
    (event) => {
      // The real input may sit in a shadow root (Reddit's search box): take the innermost target.
      const input = event.composedPath()[0];
      if (!(input instanceof HTMLInputElement) || !input.matches(adapter.searchInputs)) return;
      if (input.value.trim() === '') loggedFor = null;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const target = targetNamed(targets, input.value);
        if (!target || loggedFor === input) return;
        loggedFor = input;
        void sendMessage('cs-bg-log-urge', { personId: target.personId, site: adapter.id, surface: 'search', outcome: 'resisted' });
      }, SEARCH_SETTLE_MS);
    },
    { capture: true },
  );
  // A new search starts when the box is left and used again.
  ctx.addEventListener(document, 'focusout', (event) => {
    if (event.target === loggedFor) loggedFor = null;
  }, { capture: true });
}

