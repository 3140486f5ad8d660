import { defineSite, type HideRule } from './types';

// Top-level paths that are Instagram's own pages, never a username.
const RESERVED = new Set([
  'p', 'reel', 'reels', 'stories', 'explore', 'direct', 'accounts', 'about', 'legal', 'developer',
  'api', 'challenge', 'emails', 'web', 'oauth', 'session', 'privacy', 'terms', 'help',
]);
const PROFILE_TABS = new Set(['', 'reels', 'tagged', 'followers', 'following', 'saved']);
const USERNAME = /^[a-z0-9._]{1,30}$/;
const THREAD_PATH = /^\/direct\/t\/(\d{1,40})\/?$/;
const PROFILE_HREF = /^\/([a-z0-9._]{1,30})\/$/i;

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'story',
    kind: 'handle',
    selector: 'div[data-pagelet="story_tray"] li:has([aria-label*=" {id}," i])',
    seen: 'story tray li whose label is "Story by <username>, not seen", localised ("Historia de …") (IGSTF, IGHS 2025)',
  },
  {
    surface: 'story',
    kind: 'handle',
    selector: '[role="button"][aria-label^="Story by {id}," i], [role="menuitem"][aria-label^="Story by {id}," i]',
    seen: 'story buttons outside the tray container, and the older role=menuitem form (IGCLONE ~2023)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: 'article:has(header a[href="/{id}/" i])',
    seen: 'feed and modal posts: author is the first profile link in the header (SAF IG reference 2026-01)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: 'article ul li:has(> div h3 a[href="/{id}/" i])',
    seen: 'comments: article ul li with the username link in h3 (SAF 2026-02)',
  },
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: 'div:has(> a[href="/{id}/" i]):has(button)',
    seen: 'suggested-account cards: a profile link beside a Follow button (dgtvan/Page-Editor)',
  },
  {
    surface: 'search',
    kind: 'handle',
    selector: 'a[href="/{id}/" i]',
    seen: 'search results and recent searches are links to /<username>/ (IGSPIDER 2025); hides any other link to them too',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: '[role="listitem"]:has(img[alt="{id}\'s profile picture" i]), [role="listitem"]:has(img[alt$=" {id}" i])',
    seen: 'inbox rows have no link since 2025: the avatar alt names the username, localised (SAF 2026-02-28)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: '[aria-label="Thread list" i] [role="button"]:has(img[alt="{id}\'s profile picture" i])',
    seen: 'inbox rows rendered as bare role=button rows (a17-so outreach selectors, 2025)',
  },
];

export default defineSite({
  id: 'instagram',
  hosts: ['www.instagram.com', 'instagram.com', 'm.instagram.com'],
  home: 'https://www.instagram.com/',
  searchInputs: 'input[aria-label="Search input" i], input[placeholder="Search" i], input[type="search"]',
  health: [
    { page: 'main article', hooks: 'article header a[href^="/"][href$="/"]' },
    { page: 'main [data-pagelet="story_tray"] li', hooks: '[data-pagelet="story_tray"] li [aria-label]' },
  ],
  learn: [
    {
      selector: 'header a[href^="/"][href$="/"]',
      read(element) {
        const thread = THREAD_PATH.exec(location.pathname);
        const profile = PROFILE_HREF.exec(element.getAttribute('href') ?? '');
        return thread && profile ? { key: `thread:${thread[1]}`, identifier: profile[1]!.toLowerCase() } : null;
      },
      seen: 'an open thread /direct/t/<id>/ links its header to the other person\'s profile; rows carry no link (SAF 2026-02-28)',
    },
  ],
  route(url) {
    const thread = THREAD_PATH.exec(url.pathname);
    if (thread) return { surface: 'message', identifiers: [`thread:${thread[1]}`] };
    const [first = '', second = '', third = ''] = url.pathname.toLowerCase().split('/').filter(Boolean);
    if (first === 'stories' && second !== 'highlights' && USERNAME.test(second)) {
      return { surface: 'story', identifiers: [second] };
    }
    if (RESERVED.has(first) || !USERNAME.test(first)) return null;
    if ((second === 'p' || second === 'reel') && third) return { surface: 'post', identifiers: [first] };
    return PROFILE_TABS.has(second) ? { surface: 'profile', identifiers: [first] } : null;
  },
});
