import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { targetFor } from '@/lib/shield/targets';
import type { ShieldHello } from '@/lib/shield/hello';
import type { SiteAdapter } from '@/lib/sites/types';
import type { Surface } from '@/lib/model';

/** Lifts the static curtain when the worker can't answer; an inline style beats its author rule. */
export function liftCurtainLocally(): void {
  document.documentElement.style.setProperty('opacity', '1', 'important');
}

/**
 * Blanks the page on the way to the shield after a client-side navigation. On <body>, because
 * the worker's user-origin rule that lifted the curtain on <html> outranks any inline style there.
 */
function blankPage(): void {
  (document.body ?? document.documentElement).style.setProperty('opacity', '0', 'important');
}

function shieldUrl(urgeId: number, blockedUrl: string): string {
  const params = new URLSearchParams({ urge: String(urgeId), to: blockedUrl });
  return `${browser.runtime.getURL('/pause.html')}?${params.toString()}`;
}

/** Replaces the page (and its history entry) with the pause page. */
export function goToShield(urgeId: number): void {
  location.replace(shieldUrl(urgeId, location.href));
}

/** Catches client-side navigation into the person's pages before the site paints them. */
export function watchRoutes(ctx: InstanceType<typeof ContentScriptContext>, adapter: SiteAdapter, hello: ShieldHello): void {
  let lastHref = location.href;
  let leaving = false;

  const check = (href: string) => {
    if (leaving || href === lastHref) return;
    lastHref = href;
    const route = adapter.route(new URL(href));
    const target = route && targetFor(hello.targets, route.identifiers);
    if (!route || !target || hello.passed.includes(target.personId)) return;
    leaving = true;
    blankPage();
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
