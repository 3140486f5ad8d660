import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import { targetNamed, type Target } from '@/lib/shield/targets';
import type { SiteAdapter } from '@/lib/sites/types';
import type { Guard } from './guard';

const SEARCH_SETTLE_MS = 500;

/** What a search box holds: an <input>'s value, or a contenteditable box's text (WhatsApp). */
function searchQuery(node: EventTarget | undefined, selector: string): string | null {
  if (!(node instanceof HTMLElement) || !node.matches(selector)) return null;
  if (node instanceof HTMLInputElement) return node.value;
  return node.isContentEditable ? (node.textContent ?? '') : null;
}

/** Logs one `search` urge per search for the person; the results themselves are hidden by CSS. */
export function watchSearches(ctx: ContentScriptContext, adapter: SiteAdapter, targets: () => Target[], guard: Guard): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loggedFor: EventTarget | undefined;
  // The adapter's selector: one this browser can't parse throws on every keystroke.
  const queryIn = (input: EventTarget | undefined) => guard.run(() => searchQuery(input, adapter.searchInputs), null);
  ctx.addEventListener(
    document,
    'input',
    (event) => {
      // The real input may sit in a shadow root (Reddit's search box): take the innermost target.
      const input = event.composedPath()[0];
      const query = queryIn(input);
      if (query === null) return;
      if (query.trim() === '') loggedFor = undefined;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const target = targetNamed(targets(), queryIn(input));
        if (!target || loggedFor === input) return;
        loggedFor = input;
        const report = { personId: target.personId, site: adapter.id, surface: 'search' as const, outcome: 'resisted' as const };
        sendMessage('cs-bg-log-urge', { ...report, at: Date.now() }).catch(() => undefined);
      }, SEARCH_SETTLE_MS);
    },
    { capture: true },
  );
  // A new search starts when the box is left and used again.
  ctx.addEventListener(document, 'focusout', (event) => {
    if (event.target === loggedFor) loggedFor = undefined;
  }, { capture: true });
}

