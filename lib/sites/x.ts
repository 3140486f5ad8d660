import { defineSite, type GuardedRoute, type HideRule } from './types';

// Top-level paths that are X's own pages, never a username (X1CB RESERVED_PATHS, plus a few more
// of X's own paths). X never hands these out as handles, so a missing one can't shield anybody.
const RESERVED = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'settings', 'i', 'compose', 'login', 'logout',
  'signup', 'tos', 'privacy', 'about', 'help', 'jobs', 'download', 'hashtag', 'intent', 'share', 'account',
]);
const HANDLE = /^[a-z0-9_]{1,15}$/;
const USER_ID = /^\d{1,20}$/;
// A 1:1 conversation id: the two people's numeric user ids, `-` in URLs, `:` in test ids (XIDP).
const PAIR = /^(\d{1,20})(?:-|:|%3a)(\d{1,20})$/;

/** Both people of a 1:1 chat: the engine can't know which one is the viewer, so it matches either. */
function chatWith(segment: string): GuardedRoute | null {
  const pair = PAIR.exec(segment);
  return pair ? { surface: 'message', identifiers: [pair[1]!, pair[2]!] } : null;
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  // ── Posts. Hiding the virtualised row, not the article inside it, leaves no empty gap: X measures
  // the row at height 0 and moves the next rows up. Never anchored on css-/r- classes.
  {
    surface: 'post',
    kind: 'handle',
    selector: 'div[data-testid="cellInnerDiv"]:has(article[data-testid="tweet"] [data-testid="User-Name"] a[href="/{id}" i])',
    seen: 'timeline row whose tweet author block links to /<handle>: their posts, replies, and reposts of them (CPFT Selectors.TWEET script.js:2261, 2026-08; XRV captured cells 2023-12..2024-08; FEEDSEL 2026-09)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: 'div[data-testid="cellInnerDiv"]:has(article[data-testid="tweet"] [data-testid="UserAvatar-Container-{id}" i])',
    seen: 'the avatar testid carries the handle in the tweet and in a quoted tweet, whose User-Name has no links: catches a friend quoting them (XRV quotation_test.fs 2024-08; CPFT getQuotedTweetDetails script.js:5609, 2026-08)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: 'div[data-testid="cellInnerDiv"]:has(article[data-testid="tweet"] :is(a[href="/{id}" i] [data-testid="socialContext"], [data-testid="socialContext"] a[href="/{id}" i]))',
    seen: 'their reposts of others: socialContext ("<Name> reposted") sits in a link to the reposter (X1CB extractRetweetInfo 2025-26; CPFT getTweetType script.js:5636, 2026-08)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: 'article[data-testid="tweet"]:has([data-testid="User-Name"] a[href="/{id}" i], [data-testid="UserAvatar-Container-{id}" i], a[href="/{id}" i] [data-testid="socialContext"], [data-testid="socialContext"] a[href="/{id}" i])',
    seen: 'the same tweets where they render outside a timeline row (modals, embeds) (CPFT script.js:2261, 2026-08; X1CB 2025-26)',
  },
  // ── Accounts: Who to follow, You might like, follower lists, people search results.
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: 'div[data-testid="cellInnerDiv"]:has([data-testid="UserCell"] [data-testid="UserAvatar-Container-{id}" i])',
    seen: 'account rows in timelines, lists and people search, hidden as the whole row (XRV list-member UserCell 2023-12; CPFT script.js:3523, 2026-08)',
  },
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: '[data-testid="UserCell"]:has([data-testid="UserAvatar-Container-{id}" i], a[href="/{id}" i][tabindex="-1"])',
    seen: 'Who to follow rows: avatar testid or the avatar/handle links (tabindex=-1; a bio mention of them has none) (XRV UserCell 2023-12; CPFT script.js:3523, 2026-08; X1CB 2025-26)',
  },
  {
    surface: 'suggestion',
    kind: 'id',
    selector: '[data-testid="UserCell"]:has([data-testid="{id}-follow"], [data-testid="{id}-unfollow"])',
    seen: 'follow buttons carry the numeric user id: [data-testid="<id>-follow"] (XRV 2023-12; X1CB processFollowButtons 2025-26; source id 16991242191)',
  },
  // ── Their hover card (#layers portal).
  {
    surface: 'profile',
    kind: 'handle',
    selector: '[data-testid="HoverCard"]:has([data-testid="UserAvatar-Container-{id}" i], a[href="/{id}/following" i], a[href="/{id}/verified_followers" i], a[href="/{id}/followers" i])',
    seen: 'hover card with their avatar or their follow-list links; a bio mention alone does not match (CPFT script.js:4809, 2026-08; X1CB 2025-26)',
  },
  {
    surface: 'profile',
    kind: 'id',
    selector: '[data-testid="HoverCard"]:has([data-testid="{id}-follow"], [data-testid="{id}-unfollow"])',
    seen: 'hover card with their id-keyed follow button (CPFT script.js:4809, 2026-08; X1CB processFollowButtons 2025-26)',
  },
  // ── The Message button, only on THEIR profile: the header links to their own follow lists.
  {
    surface: 'profile',
    kind: 'handle',
    selector: '[data-testid="primaryColumn"]:has(a[href="/{id}/following" i], a[href="/{id}/verified_followers" i], a[href="/{id}/followers" i]) [data-testid="sendDMFromProfile"]',
    seen: 'Message button (now opens the XChat drawer), in the column whose header links to /<handle>/following and /verified_followers (XADP live 2026-08-11; CPFT URL_PROFILE_RE script.js:2354, 2026-08; source id 55435572556, late 2025)',
  },
  // ── Search typeahead and recent searches.
  {
    surface: 'search',
    kind: 'handle',
    selector: ':is([data-testid="typeaheadResult"], [data-testid="typeaheadRecentSearchesItem"], [data-testid="TypeaheadUser"]):has(a[href="/{id}" i], [data-testid="UserAvatar-Container-{id}" i])',
    seen: 'typeahead user rows hold a[role=link][href="/<handle>"] and their avatar (CPFT script.js:5922, 7564, 2026-08; X1CB processTypeahead 2025-26; source id 58814074945; TypeaheadUser pre-2024)',
  },
  // ── XChat inbox, requests and the chat drawer.
  {
    surface: 'message',
    kind: 'handle',
    selector: '[data-testid^="dm-conversation-item-"]:is([aria-description*=", @{id}, " i], [aria-description^="@{id}, " i])',
    seen: 'XChat row aria-description "<Name>, @<handle>, <last message>, <time>" (or no name); the ", " either side keeps @samriv2 and most mentions in the last message out (XDUMP 2025-26; XIDP 2026; XTR late 2025)',
  },
  {
    surface: 'message',
    kind: 'id',
    selector: '[data-testid^="dm-conversation-item-{id}:"], [data-testid^="dm-conversation-item-"][data-testid$=":{id}"]',
    seen: 'XChat row test id dm-conversation-item-<idA>:<idB>; the id is matched whole on either side (XIDP 2026; CPFT script.js:4211-4273, 2026-08)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: ':is([data-testid="chat-drawer-root"], [data-testid="dm-container"]):has([data-testid^="dm-conversation-item-"][data-selected="true"][aria-description*=", @{id}, " i]) [data-testid="dm-conversation-panel"]',
    seen: 'their conversation opened in the drawer, which has no URL to shield: the panel beside their selected row (CPFT script.js:5058, 2026-08; XCTL 2026; XIDP data-selected 2026)',
  },
  {
    surface: 'message',
    kind: 'id',
    selector: ':is([data-testid="chat-drawer-root"], [data-testid="dm-container"]):has([data-testid^="dm-conversation-item-"][data-selected="true"]:is([data-testid^="dm-conversation-item-{id}:"], [data-testid$=":{id}"])) [data-testid="dm-conversation-panel"]',
    seen: 'the same, keyed on the id in the selected row test id (CPFT script.js:5058, 2026-08; XIDP 2026)',
  },
  // ── Legacy /messages inbox and the old DMDrawer.
  {
    surface: 'message',
    kind: 'handle',
    selector: 'div[data-testid="cellInnerDiv"]:has([data-testid="conversation"] a[data-testid="DM_Conversation_Avatar"][href="/{id}" i])',
    seen: 'legacy inbox row: the avatar a[data-testid=DM_Conversation_Avatar] is a link to the profile (source ids 1438916624, 52204184484, 2025; CPFT script.js:5058, 2026-08)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: '[data-testid="conversation"]:has(a[data-testid="DM_Conversation_Avatar"][href="/{id}" i], [data-testid="UserAvatar-Container-{id}" i])',
    seen: 'legacy conversation rows outside a virtualised list, e.g. in the old DMDrawer (source ids 1438916624, 52204184484, 2025; CPFT script.js:5058, 2026-08)',
  },
];

export default defineSite({
  id: 'x',
  hosts: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
  home: 'https://x.com/home',
  searchInputs: [
    'input[data-testid="SearchBox_Search_Input"]',
    'form[role="search"] input[type="text"]',
    'form[role="search"] input[type="search"]',
    '[data-testid="dm-search-bar"] input',
    'input[data-testid="dm-search-bar"]',
  ].join(', '),
  health: [
    {
      page: '[data-testid="primaryColumn"] [data-testid="cellInnerDiv"] article',
      hooks: 'article[data-testid="tweet"] [data-testid="User-Name"] a[href^="/"]',
    },
    { page: '[data-testid="dm-inbox-panel"], [data-testid="dm-container"]', hooks: '[data-testid^="dm-conversation-item-"][aria-description]' },
  ],
  route(url) {
    const [first = '', second = '', third = '', fourth = ''] = url.pathname.toLowerCase().split('/').filter(Boolean);
    if (first === 'i') {
      // XChat: /i/chat/<idA>-<idB>, and a request from them at /i/chat/requests/<idA>-<idB> (XIDP, XCTL).
      if (second === 'chat') return third === 'requests' ? chatWith(fourth) : chatWith(third);
      // /i/user/<id> opens the profile of a numeric user id [KNOW].
      if (second === 'user' && USER_ID.test(third)) return { surface: 'profile', identifiers: [third] };
      return null;
    }
    // Legacy DMs: /messages/<idA>-<idB> (CPFT isOnMessagesPage).
    if (first === 'messages') return chatWith(second);
    // Intent pages show a profile card: /intent/user?screen_name=… or ?user_id=… [KNOW].
    if (first === 'intent' && (second === 'user' || second === 'follow')) {
      const who = (url.searchParams.get('screen_name') ?? url.searchParams.get('user_id') ?? '').toLowerCase();
      return HANDLE.test(who) || USER_ID.test(who) ? { surface: 'profile', identifiers: [who] } : null;
    }
    if (RESERVED.has(first) || !HANDLE.test(first)) return null;
    // /<handle>/status/<id> and everything under it: /photo/1, /video/1, /quotes, /retweets, /likes (CPFT).
    if (second === 'status' && third) return { surface: 'post', identifiers: [first] };
    // Every other page under /<handle> is theirs: the tabs (/with_replies, /media, /likes,
    // /highlights, /articles, /affiliates, /superfollows), the follow lists, /photo, /lists (CPFT).
    return { surface: 'profile', identifiers: [first] };
  },
});
