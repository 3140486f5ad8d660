import { sendMessage } from '@/lib/messaging';
import type { Target } from '@/lib/shield/targets';
import type { SiteAdapter } from '@/lib/sites/types';

const SEARCH_SETTLE_MS = 500;

/** The person a typed query is looking for: one of their handles, or their name. */
function searchedTarget(targets: Target[], rawQuery: string): Target | undefined {
  const query = rawQuery.trim().toLowerCase().replace(/^@/, '').replace(/\s+/g, ' ');
  if (query.length < 2) return undefined;
  return targets.find(
    (target) => target.identifiers.includes(query) || target.name.trim().toLowerCase().replace(/\s+/g, ' ') === query,
  );
}

/** Logs one `search` urge per search for the person; the results themselves are hidden by CSS. */
export function watchSearches(ctx: InstanceType<typeof ContentScriptContext>, adapter: SiteAdapter, targets: Target[]): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loggedFor: EventTarget | null = null;
  ctx.addEventListener(
    document,
    'input',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || !input.matches(adapter.searchInputs)) return;
      if (input.value.trim() === '') loggedFor = null;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const target = searchedTarget(targets, input.value);
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

