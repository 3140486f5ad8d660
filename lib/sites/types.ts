import type { PageSurface, Site } from '../model';

/** What a hide rule keeps out of view. `profile` covers header parts like the Message button. */
export type HideSurface = 'post' | 'story' | 'comment' | 'message' | 'search' | 'suggestion' | 'profile';

/** Which of an account's identifiers a selector template takes. */
export type IdentifierKind = 'handle' | 'id';

export interface HideRule {
  surface: HideSurface;
  /** A CSS selector with `{id}` where the escaped identifier goes (inside a quoted attribute value). */
  selector: string;
  kind: IdentifierKind;
  /** Where the hook was seen and when, from the reference facts. */
  seen: string;
}

/** A page that is the person (their profile, story, thread or post): replaced by the shield. */
export interface GuardedRoute {
  surface: PageSurface;
  /**
   * The handles or ids in the URL, lowercased. Usually one; a 1:1 chat URL that names both
   * people (X's `/i/chat/<idA>-<idB>`) gives both, and the engine matches either.
   */
  identifiers: string[];
}

/**
 * How the adapter knows its hooks still fit the site: on a page where `page` matches (a feed,
 * an inbox), `hooks` (structural anchors, not keyed on anyone) must match too.
 */
export interface HealthCheck {
  page: string;
  hooks: string;
}

/**
 * For what CSS cannot key on: an element that shows the person only as text (a chat row with a
 * display name, an open chat's header). `read` returns the name, handle, phone number or id the
 * element shows; the engine compares it with the person. `hide` keeps the element out of view
 * (inline, no identifier written); `shield` replaces the page, for a chat with no URL of its own.
 */
export type ProceduralRule = (
  | { action: 'hide'; surface: HideSurface }
  | { action: 'shield'; surface: PageSurface }
) & {
  /** Candidate elements: structural, keyed on no one. */
  selector: string;
  read(element: Element): string | null;
  seen: string;
};

/**
 * Pairs an opaque id the site uses in URLs (a thread, a channel, a conversation) with one of the
 * person's identifiers, from an element that shows both. The key is namespaced (`thread:123`),
 * and `route()` returns the same form, so a URL with only the opaque id is shielded once learned.
 */
export interface LearnRule {
  selector: string;
  read(element: Element): { key: string; identifier: string } | null;
  seen: string;
}

export interface SiteAdapter {
  id: Site;
  /** Exact host names the adapter runs on. */
  hosts: readonly string[];
  /** Where "Go back" lands when there is no page to go back to. */
  home: string;
  /** The person a URL opens, if any. Pure: the engine compares the identifier with the accounts. */
  route(url: URL): GuardedRoute | null;
  /** Inputs whose typed query may be a search for the person. */
  searchInputs: string;
  health?: readonly HealthCheck[];
  procedural?: readonly ProceduralRule[];
  learn?: readonly LearnRule[];
}

export function defineSite(adapter: SiteAdapter): SiteAdapter {
  return adapter;
}

/** A handle is numeric when it is an id (Facebook profile id, X user id). */
export function identifierKind(handle: string): IdentifierKind {
  return /^\d+$/.test(handle) ? 'id' : 'handle';
}
