import { defineSite, type GuardedRoute, type HideRule } from './types';

// Bluesky's web app is react-native-web: testIDs render as data-testid and are what its own e2e
// tests use (facts §2). Handles are domain names, compared without case; a DID (did:plc:…) names
// the same person for good, so the DID half of the rules survives a handle change: it reaches
// the page in avatar and image URLs (cdn.bsky.app/img/<kind>/plain/<did>/<cid>@jpeg).
const HANDLE = /^(?=.{3,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const DID = /^did:(plc:[a-z2-7]{24}|web:[a-z0-9.-]{3,253})$/;
const CONVO = /^[A-Za-z0-9_-]{4,64}$/;
/** /messages/<segment> pages that are not a conversation. */
const MESSAGES_PAGES = new Set(['settings', 'inbox', 'requests', 'new']);

/** Feed and thread items: posts, reposts, replies, notification rows. */
const ITEM = ':is([data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"])';
/** A link to their profile outside a post's text: a repost line, a reply line, an avatar, a card. */
const PROFILE_LINK = 'a[href="/profile/{id}" i]:not([data-testid="postText"] a)';
/** Their avatar or their images, by DID. */
const THEIR_IMAGE = 'img[src*="/plain/{id}/"]';
/** A chat-list row: the row element holds the conversation link and the avatar beside it. */
const CHAT_ROW = 'div:has(> a[href^="/messages/"])';

function actorOf(segment: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(segment).toLowerCase();
  } catch {
    return null;
  }
  return HANDLE.test(name) || DID.test(name) ? name : null;
}

function convoOf(href: string | null): string | null {
  const id = /^\/messages\/([^/?#]+)\/?(?:[?#]|$)/.exec(href ?? '')?.[1];
  return id && CONVO.test(id) && !MESSAGES_PAGES.has(id.toLowerCase()) ? id : null;
}

/** The handle a chat row shows as "@handle" text, from its avatar link or its text. */
function rowHandle(row: Element): string | null {
  for (const link of row.querySelectorAll('a[href^="/profile/"]')) {
    const actor = actorOf((link.getAttribute('href') ?? '').slice('/profile/'.length));
    if (actor) return actor;
  }
  return shownHandle(row);
}

/** The "@handle" line of a chat row: the only text handle its link shows. */
function shownHandle(row: Element): string | null {
  const link = row.querySelector(':scope > a[href^="/messages/"]');
  for (const element of link?.querySelectorAll('*') ?? []) {
    if (element.children.length > 0) continue;
    const text = element.textContent?.trim() ?? '';
    if (text.startsWith('@') && actorOf(text.slice(1))) return text.slice(1).toLowerCase();
  }
  return null;
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'post',
    kind: 'handle',
    selector: '[data-testid="feedItem-by-{id}" i]',
    seen: 'feed item Link testID feedItem-by-<author handle>: their posts, others\' reposts of them, notification rows (BSKY PostFeedItem, source ids 1244542328, 60456764331, 2025); exact value, so samriv.bsky.social.evil.com never matches',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: '[data-testid="postThreadItem-by-{id}" i]',
    seen: 'thread items and replies testID postThreadItem-by-<handle> (BSKY PostThreadItem, source ids 1234016145, 1253020597, 2025)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `${ITEM}:has(${PROFILE_LINK})`,
    seen: 'their reposts of others: the reason line is a Link to /profile/<reposter> labelled "Reposted by <name>" (BSKY PostFeedReason, 2025); also reply lines and avatars that link them. A mention inside postText does not count',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `${ITEM}:has(a[href^="/profile/{id}/post/" i])`,
    seen: 'a quote embed of their post: QuoteEmbed Link to /profile/<handle>/post/<rkey>, title "Post by <handle>" (BSKY Post/Embed QuoteEmbed 2025; source id 71628542298 quoteEmbed)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `${ITEM}:has(${THEIR_IMAGE})`,
    seen: 'their avatar or images by DID, .../img/avatar/plain/<did>/<cid>@jpeg (source id 71628542298, 2025-26 [AUTO]): catches their posts, quotes and likes after a handle change',
  },
  {
    surface: 'search',
    kind: 'handle',
    selector: 'a[data-testid="searchAutoCompleteResult-{id}" i]',
    seen: 'desktop search typeahead a[data-testid="searchAutoCompleteResult-<handle>"] to /profile/<handle>, label "View <handle>\'s profile" (BSKY desktop Search, source ids 14338352331, 1397618355, 2025)',
  },
  {
    surface: 'search',
    kind: 'handle',
    selector: `[role="option"]:is([aria-label*=" {id}'s " i], [aria-label$=" {id}" i], :has(${THEIR_IMAGE}))`,
    seen: 'the listbox typeahead: div[role=option] labelled "View <handle>\'s profile" (localised: "Ver el perfil de <handle>"), with their avatar (source id 20847188735, 2025-26)',
  },
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: PROFILE_LINK,
    seen: 'any other link to their profile: suggested-follow and people cards (ProfileCard.Link), avatar links, hover-card links, "Reposted by" lines (BSKY PostMeta @00da368d, ProfileHoverCard, 2025); mentions in post text stay',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: `${CHAT_ROW}:has(a[href="/profile/{id}" i], ${THEIR_IMAGE})`,
    seen: 'chat list row (ChatListItem @03c6bd6f): a[href="/messages/<convoId>"] beside PreviewableUserAvatar, which links /profile/<handle> and shows their avatar by DID',
  },
];

export default defineSite({
  id: 'bluesky',
  hosts: ['bsky.app'],
  home: 'https://bsky.app/',
  searchInputs: 'input[data-testid="searchTextInput"], input[role="search"], input[type="search"]',
  health: [
    { page: '[data-testid^="feedItem-by-"]', hooks: '[data-testid^="feedItem-by-"] a[href^="/profile/"]' },
    { page: '[data-testid^="postThreadItem-by-"]', hooks: '[data-testid^="postThreadItem-by-"] a[href^="/profile/"]' },
  ],
  route(url): GuardedRoute | null {
    const [first = '', second = '', third = '', fourth = ''] = url.pathname.split('/').filter(Boolean);
    if (first === 'profile') {
      const actor = actorOf(second);
      if (!actor) return null;
      // /profile/<name>/post/<rkey> and its /liked-by, /reposted-by, /quotes.
      if (third === 'post' && fourth) return { surface: 'post', identifiers: [actor] };
      // The profile and everything under it: followers, follows, known-followers, search, their lists and feeds.
      return { surface: 'profile', identifiers: [actor] };
    }
    // A starter pack they made: /starter-pack/<name>/<rkey>, short form /start/<name>/<rkey>.
    if ((first === 'starter-pack' || first === 'start') && third) {
      const actor = actorOf(second);
      return actor ? { surface: 'profile', identifiers: [actor] } : null;
    }
    // A conversation id is opaque; it names them once learned from their chat-list row.
    if (first === 'messages') {
      const convo = convoOf(`/messages/${second}`);
      return convo ? { surface: 'message', identifiers: [`convo:${convo}`] } : null;
    }
    return null;
  },
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: CHAT_ROW,
      read: (row) => shownHandle(row),
      seen: 'chat rows whose avatar is not a link: the conversation link is labelled with the display name and shows "@<handle>" as text; its hint "Go to conversation with <handle>" is not rendered on the web (BSKY ChatListItem @03c6bd6f)',
    },
  ],
  learn: [
    {
      selector: CHAT_ROW,
      read(row) {
        const convo = convoOf(row.querySelector(':scope > a[href^="/messages/"]')?.getAttribute('href') ?? null);
        const handle = rowHandle(row);
        return convo && handle ? { key: `convo:${convo}`, identifier: handle } : null;
      },
      seen: 'chat list row a[href="/messages/<convoId>"] with their handle in the avatar link or "@handle" line (BSKY ChatListItem @03c6bd6f); then /messages/<convoId> is shielded by URL',
    },
    {
      selector: 'a[data-testid="dmBtn"][href^="/messages/"]',
      read(button) {
        // Only on a profile the user let through: the Message button links the conversation with
        // the profile in the URL. The notification bell that reused the testid is a button, not a link.
        const actor = actorOf(/^\/profile\/([^/]+)/.exec(location.pathname)?.[1] ?? '');
        const convo = convoOf(button.getAttribute('href'));
        return actor && convo ? { key: `convo:${convo}`, identifier: actor } : null;
      },
      seen: 'profile Message button a[data-testid="dmBtn"] to /messages/<convoId>, label "Message <handle>"; the 2025 bell reused testID dmBtn as a button labelled "Get notified when … posts" (BSKY MessageProfileButton, source ids 17103382008, 3468633214, 1330621283)',
    },
  ],
});
