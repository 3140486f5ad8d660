import './curtain.css';
import { browser } from 'wxt/browser';
import { SITE_HOST_PATTERNS } from '@/lib/sites/hosts';
import { adapterForHost } from '@/lib/sites';
import { sendMessage } from '@/lib/messaging';
import { targetFor, type Target } from '@/lib/shield/targets';
import type { ShieldHello } from '@/lib/shield/hello';
import type { SiteAdapter } from '@/lib/sites/types';
import type { Surface } from '@/lib/model';

/** Set on <html> only when the worker can't answer, or on the way to the shield: no identifiers. */
function setCurtain(open: boolean): void {
  document.documentElement.style.setProperty('opacity', open ? '1' : '0', 'important');
}

function shieldUrl(urgeId: number, blockedUrl: string): string {
  const params = new URLSearchParams({ urge: String(urgeId), to: blockedUrl });
  return `${browser.runtime.getURL('/pause.html')}?${params.toString()}`;
}

function goToShield(urgeId: number): void {
  location.replace(shieldUrl(urgeId, location.href));
}

export default defineContentScript({
  matches: SITE_HOST_PATTERNS,
  runAt: 'document_start',
  async main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (!adapter) return setCurtain(true);

    let hello: ShieldHello;
    try {
      hello = await sendMessage('cs-bg-shield-hello', {});
    } catch {
      // Without the worker there are no rules to wait for; never leave the site blank.
      return setCurtain(true);
    }
    if (hello.block) return goToShield(hello.block.urgeId);
    if (hello.targets.length === 0) return;
    watchRoutes(ctx, adapter, hello);
    watchSearches(ctx, adapter, hello.targets);
  },
});

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
function watchSearches(ctx: InstanceType<typeof ContentScriptContext>, adapter: SiteAdapter, targets: Target[]): void {
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

/** Catches client-side navigation into the person's pages before the site paints them. */
function watchRoutes(ctx: InstanceType<typeof ContentScriptContext>, adapter: SiteAdapter, hello: ShieldHello): void {
  let lastHref = location.href;
  let leaving = false;

  const check = (href: string) => {
    if (leaving || href === lastHref) return;
    lastHref = href;
    const route = adapter.route(new URL(href));
    const target = route && targetFor(hello.targets, route.identifiers);
    if (!route || !target || hello.passed.includes(target.personId)) return;
    leaving = true;
    setCurtain(false);
    void block(adapter, target.personId, route.surface);
  };

  // The Navigation API reports same-document navigations before the site renders them.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) {
    ctx.addEventListener(navigation, 'navigate' as never, ((event: Event) => {
      const destination = (event as Event & { destination?: { url?: string } }).destination?.url;
      if (destination) check(destination);
    }) as never);
  }
  ctx.addEventListener(window, 'popstate', () => check(location.href));
  // Any render needs a DOM change, and observer callbacks run before paint: a cheap URL compare
  // here catches pushState navigations in browsers without the Navigation API.
  const observer = new MutationObserver(() => check(location.href));
  observer.observe(document, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}

async function block(adapter: SiteAdapter, personId: number, surface: Surface): Promise<void> {
  try {
    const { urgeId } = await sendMessage('cs-bg-log-urge', { personId, site: adapter.id, surface, outcome: 'resisted' });
    goToShield(urgeId);
  } catch {
    location.replace(adapter.home);
  }
}
