import { defineSite, type HideRule } from './types';

// TikTok web. Facts: social-dom-facts §7 (SAF TikTok references 2026-01-31/02-28, TTAD 2025-26),
// §15, §17.3. The stable hooks are `data-e2e` attributes and `/@<uniqueId>` hrefs; class names are
// `css-<hash>-DivSomething`, so only a class *substring* the facts name is ever used, never a hash.

/** TikTok usernames (uniqueId): letters, digits, periods, underscores, 2 to 24 (lowercased). */
const HANDLE = /^[a-z0-9._]{2,24}$/;
/** `/@<handle>/video/<id>` and photo posts `/@<handle>/photo/<id>` open one post of theirs. */
const POST_SEGMENTS = new Set(['video', 'photo']);

/**
 * Every shape of a link to their profile or to one of their posts: relative or absolute, bare, with
 * a query (`?lang=en`) or a path (`/video/<id>`). The handle always sits between `@` and the end of
 * the href, `/` or `?`, so `sam.rivera` never matches `sam.rivera2`, `real.sam.rivera` or `sam.riv`.
 */
const HREFS = [
  '[href="/@{id}" i]',
  '[href^="/@{id}/" i]',
  '[href^="/@{id}?" i]',
  '[href$="tiktok.com/@{id}" i]',
  '[href*="tiktok.com/@{id}/" i]',
  '[href*="tiktok.com/@{id}?" i]',
];
const LINK = `:is(${HREFS.map((href) => `a${href}`).join(', ')})`;
/** Text where a link to them is a mention by someone else: captions and comment bodies. */
const TEXT = ':is([data-e2e="video-desc"], [data-e2e="browse-video-desc"], [data-e2e="search-card-desc"], [data-e2e="search-card-video-caption"], [data-e2e^="comment-level-"])';
/** A link to them that is not a mention: the author's avatar, name, or their post's own link. */
const AUTHOR = `${LINK}:not(${TEXT} a)`;

/** The author of a comment (`-1`) or reply (`-2`): the username element and its profile link, either way round. */
const commentAuthor = (level: 1 | 2) => {
  const username = `[data-e2e="comment-username-${level}"]`;
  return `:is(${LINK} ${username}, ${username} ${LINK}, ${username}${LINK})`;
};
/** A comment, or a reply under it, as one element. */
const COMMENT = ':is([data-e2e="comment-item"], [class*="DivCommentItemWrapper"])';

/** The text an element shows, trimmed; null when it shows none. */
function shownText(element: Element | null | undefined): string | null {
  const text = element?.textContent?.trim();
  return text ? text : null;
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'post',
    kind: 'handle',
    selector: `[data-e2e="recommend-list-item-container"]:has(${AUTHOR})`,
    seen: 'For You / Following items article[data-e2e="recommend-list-item-container"] (a div in older builds), author = avatar and video-author-uniqueid links to /@<uniqueId>; a mention in video-desc does not count (TTAD 2025-26; SAF 2026-01-31)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `:is([data-e2e="search_video-item"], [data-e2e="search_top-item"], [class*="DivItemContainerForSearch"], [data-e2e="user-post-item"]):has(${AUTHOR})`,
    seen: 'search result cards search_video-item / search_top-item and their DivItemContainerForSearch cell (video link /@<uniqueId>/video/<id>, author search-card-user-name), and profile grid cells user-post-item that link to their videos (SAF 2026-01-31; source id 61340779524; DivItemContainerForSearch in scraper code)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `${COMMENT}:has(${commentAuthor(1)})`,
    seen: 'comment item [data-e2e="comment-item"] / DivCommentItemWrapper whose level-1 author comment-username-1 links to /@<uniqueId>; hides their comment with the replies under it (SAF 2026-01-31)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `${COMMENT}:has(${commentAuthor(2)}):not(:has([data-e2e="comment-username-1"]))`,
    seen: 'their reply under someone else\'s comment: the innermost comment element with a level-2 author comment-username-2 linking to them and no level-1 author (SAF 2026-01-31, "replies use -2")',
  },
  {
    surface: 'search',
    kind: 'handle',
    selector: `[data-e2e="search-user-card"]:is(:has(${LINK}), ${HREFS.join(', ')})`,
    seen: 'Users tab cards [data-e2e="search-user-card"] with search-username / search-nickname and a /@<uniqueId> link (SAF 2026-01-31; source id 61340779524)',
  },
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: `[data-e2e="following-accounts"] :is(li:has(${LINK}), ${LINK})`,
    seen: 'Following / suggested accounts panel [data-e2e="following-accounts"]: rows link to /@<uniqueId> with following-user-avatar and following-user-title (SAF TIKTOK_FULL_SELECTORS 2026-01-31)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: `[data-e2e="chat-item"]:has(${LINK})`,
    seen: 'messages [data-e2e="chat-item"] with sender link a[href*="@"] (their messages in a group chat, and their videos shared into a chat) (SAF TIKTOK_FULL_SELECTORS 2026-01-31)',
  },
];

export default defineSite({
  id: 'tiktok',
  hosts: ['www.tiktok.com', 'm.tiktok.com', 'tiktok.com'],
  home: 'https://www.tiktok.com/foryou',
  // The header box is input[data-e2e="search-user-input"] (SAF 2026-01-31); a name="q" search box
  // on the search page and in the DM list are covered by type/name.
  searchInputs: 'input[data-e2e="search-user-input"], input[type="search"], input[name="q"]',
  health: [
    {
      page: '[data-e2e="recommend-list-item-container"]',
      hooks: '[data-e2e="recommend-list-item-container"] a[href*="/@"]',
    },
    { page: '[data-e2e="comment-list"] [data-e2e="comment-level-1"]', hooks: '[data-e2e="comment-username-1"]' },
    { page: '[data-e2e="chat-list-item"]', hooks: '[data-e2e="chat-list-item"] [class*="PInfoNickname"]' },
  ],
  route(url) {
    const [first = '', second = '', third = ''] = url.pathname.toLowerCase().split('/').filter(Boolean);
    if (!first.startsWith('@')) return null;
    const handle = first.slice(1);
    if (!HANDLE.test(handle)) return null;
    if (POST_SEGMENTS.has(second) && third) return { surface: 'post', identifiers: [handle] };
    // /@<handle> and anything under it (/live, /collection/<name>, /playlist/<name>) is theirs.
    return { surface: 'profile', identifiers: [handle] };
  },
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: '[data-e2e="chat-list-item"]',
      // The nickname is the row's first paragraph, should its class name change.
      read: (row) => shownText(row.querySelector('[class*="PInfoNickname"]') ?? row.querySelector('p')),
      seen: 'chat list rows [data-e2e="chat-list-item"] show only the nickname (PInfoNickname), never the @uniqueId: matched by the name as entered, or a handle shown as the nickname (SAF validated 2026-01-31)',
    },
    {
      action: 'shield',
      surface: 'message',
      selector: '[data-e2e="chat-uniqueid"]',
      read: (header) => shownText(header),
      seen: 'an open conversation has no URL of its own; its header shows [data-e2e="chat-uniqueid"] "@<uniqueId>" beside chat-nickname (SAF TIKTOK_FULL_SELECTORS 2026-01-31)',
    },
  ],
});
