import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { targetFor } from '@/lib/shield/targets';
import type { ShieldHello } from '@/lib/shield/hello';
import type { SiteAdapter } from '@/lib/sites/types';
import type { PageSurface } from '@/lib/model';
import type { Guard } from './guard';

/** Blanks the page on the way to the shield after a client-side navigation. On <body>: the curtain's lift on <html> is put back as soon as it changes. */
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

/** Leaves for the shield, once: blanks the page first so nothing of the person paints. */
export function shieldBlocker(adapter: SiteAdapter): (personId: number, surface: PageSurface) => void {
  let leaving = false;
  return (personId, surface) => {
    if (leaving) return;
    leaving = true;
    blankPage();
    sendMessage('cs-bg-log-urge', { personId, site: adapter.id, surface, outcome: 'resisted', at: Date.now() })
      .then(({ urgeId }) => goToShield(urgeId))
      .catch(() => location.replace(adapter.home));
  };
}

/**
 * Catches client-side navigation into the person's pages before the site paints them. Returns
 * the check, which the DOM observer also runs: any render needs a DOM change, and observer
 * callbacks run before paint, so browsers without the Navigation API are covered too.
 */
export function watchRoutes(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  hello: ShieldHello,
  guard: Guard,
  block: (personId: number, surface: PageSurface) => void,
  /** The address the worker's answer was for: the page may have moved since, in script. */
  answeredFor: string,
): (again?: boolean) => void {
  let lastHref = answeredFor;

  /** Whom the URL opens, if anyone. `route` and what it returns are the adapter's: both run under the guard. */
  const opened = (href: string) =>
    guard.run(() => {
      const route = adapter.route(new URL(href));
      const target = route && targetFor(hello.targets, route.identifiers);
      return route && target ? { personId: target.personId, surface: route.surface } : null;
    }, null);

  const check = (href: string, again = false) => {
    if (href === lastHref && !again) return;
    lastHref = href;
    const page = opened(href);
    if (page && !hello.passed.includes(page.personId)) block(page.personId, page.surface);
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
  ctx.addEventListener(window, 'hashchange', () => check(location.href));
  check(location.href);
  // `again`: the same URL may name them now that a key was learned.
  return (again = false) => check(location.href, again);
}
