import type { Site, Surface } from '../model';

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
  surface: Surface;
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

export interface SiteAdapter {
  id: Site;
  /** Exact host names the adapter runs on. */
  hosts: readonly string[];
  /** Where "Go back" lands when there is no page to go back to. */
  home: string;
  /** The person a URL opens, if any. Pure: the engine compares the identifier with the accounts. */
  route(url: URL): GuardedRoute | null;
  rules: readonly HideRule[];
  /** Inputs whose typed query may be a search for the person. */
  searchInputs: string;
  health?: readonly HealthCheck[];
}

export function defineSite(adapter: SiteAdapter): SiteAdapter {
  return adapter;
}

/** A handle is numeric when it is an id (Facebook profile id, X user id). */
export function identifierKind(handle: string): IdentifierKind {
  return /^\d+$/.test(handle) ? 'id' : 'handle';
}
