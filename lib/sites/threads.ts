import { defineSite, type HideRule } from './types';

// Threads (threads.com; threads.net redirects). Facts: social-dom-facts §4 (SAF Threads reference
// 2026-01-30, THRD 2025-26), §15. There is no <article>: posts are [data-pressable-container="true"];
// people are `/@<username>` links; classes are Instagram-style atomic hashes, never used here.

/** Threads usernames are Instagram usernames (lowercased). */
const USERNAME = /^[a-z0-9._]{1,30}$/;
/** An open conversation, `/messages/t/<thread_id>/`: the id is opaque, learned per person. */
const THREAD_PATH = /^\/messages\/t\/([a-z0-9_-]{1,64})\/?$/i;
const PROFILE_PATH = /^\/@([a-z0-9._]{1,30})\/?$/i;

/**
 * A link to their profile, relative or absolute, bare, with a trailing `/` or a query. The handle
 * always sits between `@` and the end of the href, `/` or `?`: `sam.rivera` never matches
 * `sam.rivera2`, `real.sam.rivera` or `sam.riv`.
 */
const PROFILE = `:is(${[
  'a[href="/@{id}" i]',
  'a[href="/@{id}/" i]',
  'a[href^="/@{id}?" i]',
  'a[href$="threads.com/@{id}" i]',
  'a[href$="threads.net/@{id}" i]',
  'a[href*="threads.com/@{id}?" i]',
  'a[href*="threads.net/@{id}?" i]',
].join(', ')})`;
/** The permalink of one of their posts or replies. */
const PERMALINK = `:is(${[
  'a[href^="/@{id}/post/" i]',
  'a[href*="threads.com/@{id}/post/" i]',
  'a[href*="threads.net/@{id}/post/" i]',
].join(', ')})`;
/**
 * A post or reply of theirs: the container holding their timestamp permalink (the author's own
 * link to the post, with the time in it). Mentions, "replying to" lines and links to their profile
 * in someone else's post never carry the time. Innermost only: a friend's post that quotes theirs
 * keeps its own part when the quote is a container of its own.
 */
const THEIR_POST = `[data-pressable-container="true"]:has(${PERMALINK} time):not(:has([data-pressable-container="true"] ${PERMALINK} time))`;

const THREAD_LINK = 'a[href*="/messages/t/"]';

/** The first text an element shows (a DM row's username comes before its preview and time). */
function firstText(element: Element): string | null {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) return text;
  }
  return null;
}

/** The thread id a DM row links to. */
function threadOf(link: Element): string | null {
  const href = link.getAttribute('href') ?? '';
  let path: string;
  try {
    path = new URL(href, 'https://www.threads.com').pathname;
  } catch {
    return null;
  }
  return THREAD_PATH.exec(path)?.[1] ?? null;
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'post',
    kind: 'handle',
    selector: THEIR_POST,
    seen: 'posts and replies are [data-pressable-container="true"] with author a[href*="/@"] and the timestamp permalink a[href*="/post/"] > time (SAF Threads ref 2026-01-30; THRD "Timestamp link → /@username/post/<id>" 2025-26)',
  },
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: `div:has(> ${PROFILE}):has(button, [role="button"]):not(:has(a[href*="/post/"])):not([data-pressable-container="true"] *)`,
    seen: 'Follow suggestions on /search: cards with profile pic, username link /@<username>, display name and a Follow button (THRD 2025-26); outside posts only',
  },
  {
    surface: 'search',
    kind: 'handle',
    selector: `[data-pressable-container="true"]:has(${PROFILE} img):not(:has(a[href*="/post/"]))`,
    seen: 'profile results (/search?q=…&filter=profiles) rendered as pressable rows with their profile pic linking to /@<username> and a Follow button, no post permalink; a bio that mentions them has no picture (THRD 2025-26; SAF 2026-01-30)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: `${THREAD_LINK}:has(img[alt="{id}'s profile picture" i], img[alt$=" {id}" i])`,
    seen: 'inbox rows whose avatar alt names the username, "<username>\'s profile picture" or localised "Foto del perfil de <username>", as on Instagram, whose UI Threads shares (SAF IG 2026-02-28; THRD 2025-26); rows without such an alt are the procedural rule',
  },
];

export default defineSite({
  id: 'threads',
  hosts: ['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net'],
  home: 'https://www.threads.com/',
  // /search has a searchbox "Search" (type=search, placeholder "Search") (THRD 2025-26).
  searchInputs: 'input[type="search"], input[placeholder="Search" i], input[aria-label="Search" i]',
  health: [
    {
      page: '[data-pressable-container="true"] a[href*="/post/"]',
      hooks: '[data-pressable-container="true"] a[href^="/@"][href*="/post/"] time',
    },
    { page: `${THREAD_LINK}[role="link"]`, hooks: `${THREAD_LINK} img` },
  ],
  learn: [
    {
      selector: THREAD_LINK,
      read(row) {
        const thread = threadOf(row);
        const shown = firstText(row)?.replace(/^@/, '').toLowerCase() ?? '';
        return thread && USERNAME.test(shown) ? { key: `thread:${thread.toLowerCase()}`, identifier: shown } : null;
      },
      seen: 'inbox rows are links to /messages/t/<thread_id>/ showing profile picture, username, preview and age (THRD 2025-26)',
    },
    {
      selector: 'a[href^="/@"]',
      read(link) {
        const thread = THREAD_PATH.exec(location.pathname);
        const profile = PROFILE_PATH.exec(link.getAttribute('href') ?? '');
        // The header's "View profile" link; links inside messages (senders, shared profiles) and the nav don't count.
        if (!thread || !profile || link.closest('[role="grid"], [role="row"], [role="gridcell"], nav, [data-pressable-container="true"]')) return null;
        return { key: `thread:${thread[1]!.toLowerCase()}`, identifier: profile[1]!.toLowerCase() };
      },
      seen: 'an open thread /messages/t/<thread_id>/ has a header with profile pic, username and a "View profile" link to /@<username>; messages sit in a grid (THRD 2025-26)',
    },
  ],
  route(url) {
    const thread = THREAD_PATH.exec(url.pathname);
    if (thread) return { surface: 'message', identifiers: [`thread:${thread[1]!.toLowerCase()}`] };
    const [first = '', second = '', third = ''] = url.pathname.toLowerCase().split('/').filter(Boolean);
    if (first === 'search') {
      // "Search posts from <username>" on their profile: /search?from_author=<username> lists only
      // their posts, a view of their profile (THRD).
      const author = (url.searchParams.get('from_author') ?? '').replace(/^@/, '').toLowerCase();
      return USERNAME.test(author) ? { surface: 'profile', identifiers: [author] } : null;
    }
    if (!first.startsWith('@')) return null;
    const username = first.slice(1);
    if (!USERNAME.test(username)) return null;
    // /@<username>/post/<code> (+ /media).
    if (second === 'post' && third) return { surface: 'post', identifiers: [username] };
    // /@<username> and its tabs /replies, /media, /reposts.
    return { surface: 'profile', identifiers: [username] };
  },
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: THREAD_LINK,
      read: firstText,
      seen: 'inbox rows are links to /messages/t/<thread_id>/ whose first text is the username, then preview and age (THRD 2025-26)',
    },
  ],
});
