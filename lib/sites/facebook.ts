import { defineSite, type HideRule, type IdentifierKind } from './types';

// Facebook (Comet) and Messenger inside it. Facts: social-dom-facts §5, §6, §15, §17.
// Every hook is an href shape, a role/aria attribute or a data-pagelet; never the atomic classes.
// An account is a vanity (`sam.rivera.77`, kind 'handle') or a numeric profile id (kind 'id'),
// so every rule that keys on a link comes in both kinds.

/** Top-level paths that are Facebook's own pages, never a vanity. */
const RESERVED = new Set([
  'about', 'ad_campaign', 'ads', 'adsmanager', 'ajax', 'api', 'bookmarks', 'business', 'business_help',
  'careers', 'checkpoint', 'comment', 'commerce', 'community', 'composer', 'confirmemail', 'dialog',
  'developers', 'events', 'feeds', 'find-friends', 'friends', 'fundraisers', 'gaming', 'games', 'graphql',
  'groups', 'hashtag', 'help', 'home.php', 'instant_games', 'jobs', 'l.php', 'latest', 'legal', 'lite',
  'live', 'login', 'login.php', 'logout.php', 'marketplace', 'me', 'media', 'memories', 'messages',
  'messenger_media', 'mobile', 'notes', 'notifications', 'offers', 'onthisday', 'page', 'pages', 'people',
  'permalink.php', 'photo', 'photo.php', 'photos', 'places', 'plugins', 'policies', 'policy.php',
  'privacy', 'profile.php', 'r.php', 'recover', 'reel', 'reels', 'reg', 'saved', 'search', 'security',
  'settings', 'share', 'sharer', 'sharer.php', 'signup', 'stories', 'story.php', 'support', 'terms',
  'topic', 'video', 'video.php', 'videos', 'watch', 'weather',
]);
/** Vanities are letters, digits and periods; a bare numeric id works as a path too (`/4`). */
const VANITY = /^[a-z0-9.]{1,50}$/;
const DIGITS = /^\d+$/;
const MESSENGER_HOSTS = new Set(['www.messenger.com', 'messenger.com']);
/** Second path segments under a vanity that open one item of theirs rather than a profile tab. */
const ITEM_SEGMENTS = new Set(['posts', 'videos', 'photos']);

/**
 * Links whose href has one of the shapes, written `:is(a[href*="<part>"]:is(<shapes>), …)`, the
 * shapes grouped by a part of the href they all hold: a link without that part fails the one
 * substring test and its shapes are never tried, which is what nearly every link on a feed is. The
 * parts are also what the compiler's `:has()` prefilter tests (lib/shield/css.ts), so a part that
 * holds the identifier's right boundary (`{id}?`) turns away a longer vanity's posts there too. The
 * outer `:is()` is the list the compiler joins every identifier's links into.
 */
function keyedLinks(groups: [part: string, shapes: string[]][], { anyCase = false } = {}): string {
  const flag = anyCase ? ' i' : '';
  return `:is(${groups.map(([part, shapes]) => `a[href${part}${flag}]:is(${shapes.join(', ')})`).join(', ')})`;
}

/**
 * Links to an account's profile in every shape Facebook writes them: relative or absolute, bare or
 * with a query (`?comment_id=…`, `?__cft__…`) or a tab path. Each alternative ends the identifier at
 * the end of the href, `?`, `&` or `/`, so `sam.rivera.77` never matches `sam.rivera.778` and
 * `100004567890123` never matches `1000045678901234`. Absolute ones use `facebook.com/` as the left
 * boundary so that every host (www, web, m, bare) is covered.
 */
const PROFILE_LINK: Record<IdentifierKind, string> = {
  handle: keyedLinks(
    [
      ['*="{id}?"', ['[href^="/{id}?" i]', '[href*="facebook.com/{id}?" i]']],
      ['*="{id}/"', ['[href^="/{id}/" i]', '[href*="facebook.com/{id}/" i]']],
      ['$="{id}"', ['[href="/{id}" i]', '[href$="facebook.com/{id}" i]']],
    ],
    { anyCase: true },
  ),
  id: keyedLinks([
    [
      '*="{id}"',
      [
        '[href="/profile.php?id={id}"]',
        '[href^="/profile.php?id={id}&"]',
        '[href$="facebook.com/profile.php?id={id}"]',
        '[href*="facebook.com/profile.php?id={id}&"]',
        '[href="/{id}"]',
        '[href^="/{id}?"]',
        '[href^="/{id}/"]',
        '[href$="facebook.com/{id}"]',
        '[href*="facebook.com/{id}?"]',
        '[href*="facebook.com/{id}/"]',
        // Authors inside groups link to their group profile, /groups/<gid>/user/<uid>/ ([KNOW]).
        '[href*="/groups/"][href*="/user/{id}/"]',
      ],
    ],
  ]),
};

/**
 * The author link of a comment or reply: a profile link carrying `comment_id=` (the name and the
 * avatar both link to `/<vanity>?comment_id=…`). A mention inside the comment text links to the
 * profile without it, so a friend's comment that names them stays.
 */
const COMMENT_AUTHOR: Record<IdentifierKind, string> = {
  handle: keyedLinks([['*="{id}?"', ['[href^="/{id}?" i][href*="comment_id="]', '[href*="facebook.com/{id}?" i][href*="comment_id="]']]], {
    anyCase: true,
  }),
  id: keyedLinks([
    [
      '*="{id}"',
      [
        '[href^="/profile.php?id={id}&"][href*="comment_id="]',
        '[href*="facebook.com/profile.php?id={id}&"][href*="comment_id="]',
        '[href^="/{id}?"][href*="comment_id="]',
        '[href*="facebook.com/{id}?"][href*="comment_id="]',
        '[href*="/groups/"][href*="/user/{id}/"][href*="comment_id="]',
      ],
    ],
  ]),
};

/**
 * Links into a 1:1 thread with them; the thread id is their numeric user id. Covers
 * `/messages/t/<id>/`, `/messages/e2ee/t/<id>/`, messenger.com `/t/<id>/` and `/e2ee/t/<id>/`,
 * relative or absolute, and message requests (`/requests/t/<id>/`).
 */
const THREAD_LINK = keyedLinks([['*="/t/{id}"', ['[href*="/t/{id}/"]', '[href*="/t/{id}?"]', '[href$="/t/{id}"]']]]);

/** Their own profile tabs, which only their own profile header links to (mutual friends link to `/<them>`). */
const OWN_FRIENDS_TAB: Record<IdentifierKind, string> = {
  handle: ':is(a[href^="/{id}/friends" i], a[href*="facebook.com/{id}/friends" i])',
  id: 'a[href*="/profile.php?id={id}&sk=friends"]',
};

/** The header's Message button, by its localised labels (EN, ES, VI per the facts). */
const MESSAGE_BUTTON =
  ':is(div[role="button"], a):is([aria-label="Message" i], [aria-label="Mensaje" i], [aria-label="Enviar mensaje" i], [aria-label="Nhắn tin" i])';

/** A chat window: a dialog or complementary region with a composer. */
const CHAT_WINDOW = ':has([role="textbox"], [contenteditable="true"])';
/** …that links to no other thread than theirs (the Chats list and the right rail link to many). */
const ONLY_THEIR_THREAD = `:not(:has(a[href*="/t/"]:not(${THREAD_LINK})))`;

/** Rules keyed only on the numeric id: story buckets and thread links never carry a vanity. */
const THREAD_AND_STORY_RULES: HideRule[] = [
  {
    surface: 'story',
    kind: 'id',
    selector: ':is(a[href^="/stories/{id}/"], a[href^="/stories/{id}?"], a[href*="facebook.com/stories/{id}/"])',
    seen: 'story tray cards and stories-in-feed are links /stories/<bucketId>/<cardId>/?source=story_tray|from_feed, bucketId = owner id (FBCMF 2026-07, FBFIX, source ids 37288052628, 20520744019)',
  },
  {
    surface: 'message',
    kind: 'id',
    selector: `:is([role="row"], [role="listitem"], li):has(${THREAD_LINK}):not(:has([role="row"], [role="listitem"], li))`,
    seen: 'Messenger inbox rows [role=navigation] [role=grid] [role=row] (CAPR 2026-01), right-rail contacts and the Chats list: innermost rows holding a /messages/t/<id>/ link (MSGR Apr 2026, FBBLK 2025, FBCMF right rail)',
  },
  {
    surface: 'message',
    kind: 'id',
    selector: THREAD_LINK,
    seen: 'any other entry into the thread: chat heads, contact links, Message buttons that are links; FBBLK removes exactly a[href^="/messages/t/<id>/"] on facebook.com and messenger.com (2025); MSGR regex ^(?:/messages)?(?:/e2ee)?/t/(\\d+)',
  },
  {
    surface: 'message',
    kind: 'id',
    selector: `:is(div[role="dialog"], div[role="complementary"])${CHAT_WINDOW}:has(${THREAD_LINK})${ONLY_THEIR_THREAD}`,
    seen: 'docked chat window: a dialog/complementary region with a composer linking only to their thread. THIN, [KNOW/unverified] (facts §5 "Chat heads", §17.1); the Chats list and right rail link to many threads and stay',
  },
];

const KINDS: readonly IdentifierKind[] = ['handle', 'id'];

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = KINDS.flatMap((kind): HideRule[] => {
  const profile = PROFILE_LINK[kind];
  return [
    {
      surface: 'post',
      kind,
      selector: `div[aria-posinset]:has(:is(h4, h5) ${profile})`,
      seen: 'feed units are div[aria-posinset]; the author (and, on a share, the sharer: "<Name> shared a post") is the h4/h5 header link (FBCMF news.js 2026-07-05). Also hides posts whose header tags them ("is with <Name>")',
    },
    {
      surface: 'post',
      kind,
      // An article inside a feed unit is hidden with its unit by the rule above, or holds no
      // author link of theirs; skipping it spares the browser one subtree walk per post.
      selector: `div[role="article"]:not(div[aria-posinset] *):has(:is(h4, h5) ${profile})`,
      seen: 'post nodes rendered as div[role="article"] (main column, post viewer dialog, profile feeds) with the h4/h5 author link (FBCMF news.js 2026-07-05)',
    },
    {
      surface: 'post',
      kind,
      selector: `div[data-pagelet*="FeedUnit_"]:has(:is(h4, h5) ${profile})`,
      seen: 'legacy feed units div[data-pagelet*="FeedUnit_"] (FBCMF news.js 2026-07-05, legacy branch)',
    },
    {
      surface: 'comment',
      kind,
      // Comments and replies carry an aria-label in every language; posts that hold them need no
      // walk. Their author is looked for first: almost no comment is theirs, so the innermost test
      // rarely runs.
      selector: `div[role="article"][aria-label]:has(${COMMENT_AUTHOR[kind]}):not(:has(div[role="article"]))`,
      seen: 'comments div[role="article"][aria-label^="Comment by <Name>"], replies "Reply by <Name>", localised (the attribute is always there); author = profile link outside the text (FBCMT 2025-26). Matched by the ?comment_id= author link, never the name; only innermost articles, so a post or parent comment holding theirs stays',
    },
    {
      surface: 'suggestion',
      kind,
      selector: `:is(div[aria-posinset], div[role="article"]):has(a[href*="/friends/"][role="link"]) :is(li, [role="listitem"]):has(${profile}):not(:has(li, [role="listitem"]))`,
      seen: 'People You May Know unit = feed unit containing a[href*="/friends/"][role="link"] (FBCMF news.js 2026-07-05); the cards inside are innermost list items linking to the profile (modelled, [KNOW])',
    },
    {
      surface: 'search',
      kind,
      selector: `[role="listbox"] [role="option"]:has(${profile})`,
      seen: 'top bar search input[type="search"][role="combobox"] opens a listbox of typeahead and recent-search rows (source ids 51832565803, 55509518728, 2025); rows link to the profile',
    },
    {
      surface: 'search',
      kind,
      selector: `[role="listbox"] ${profile}`,
      seen: 'listbox rows whose link is the option itself, and @-mention suggestions (source ids 51832565803, 55509518728)',
    },
    {
      surface: 'message',
      kind,
      selector: `div[role="complementary"] :is(li, [role="listitem"], [role="row"]):has(${profile}):not(:has(li, [role="listitem"], [role="row"]))`,
      seen: 'right rail div[role="complementary"] (FBCMF news.js 2026-07-05): rows that link to their profile (birthdays, contacts); innermost rows only',
    },
    {
      surface: 'message',
      kind,
      selector: `div[role="dialog"]${CHAT_WINDOW}:has(:is(h2, h3, h4, [role="banner"]) ${profile})`,
      seen: 'docked chat window whose header links to their profile. THIN: no source has a stable selector for docked windows (facts §5 "Chat heads", §17.1); modelled as a dialog with a composer',
    },
    {
      surface: 'profile',
      kind,
      selector: `div[data-pagelet="ProfileHeader"]:has(${OWN_FRIENDS_TAB[kind]}) ${MESSAGE_BUTTON}`,
      seen: 'Message button div[data-pagelet="ProfileHeader"] div[aria-label="Message"][role="button"], "Mensaje"/"Nhắn tin" (FBPH 2025); scoped to THEIR header by its link to their own friends tab, which mutual-friend links on other profiles never are ([KNOW])',
    },
    ...(kind === 'id' ? THREAD_AND_STORY_RULES : []),
  ];
});

export default defineSite({
  id: 'facebook',
  hosts: ['www.facebook.com', 'facebook.com', 'm.facebook.com', 'web.facebook.com', 'www.messenger.com', 'messenger.com'],
  home: 'https://www.facebook.com/',
  // The top bar box is `input[type="search"][role="combobox"]` labelled "Search Facebook", localised
  // ("Buscar en Facebook"); Messenger's own search is a search input too. Structure, not the label.
  searchInputs: 'input[type="search"], input[role="combobox"]',
  health: [
    // A feed with units must still have authors in h4/h5 links (FBCMF news.js 2026-07-05).
    { page: 'div[role="main"] div[aria-posinset]', hooks: 'div[aria-posinset] :is(h4, h5) a[href]' },
    // The Messenger inbox list must still be grid rows holding thread links (CAPR 2026-01, MSGR).
    { page: '[role="navigation"] [role="grid"] [role="row"]', hooks: '[role="navigation"] [role="grid"] [role="row"] a[href*="/t/"]' },
  ],
  route(url) {
    const parts = url.pathname.toLowerCase().split('/').filter(Boolean);
    const id = url.searchParams.get('id') ?? '';

    // Messenger: /messages/t/<id>/, /messages/e2ee/t/<id>/; messenger.com /t/<id>/, /e2ee/t/<id>/.
    const messenger = MESSENGER_HOSTS.has(url.hostname.toLowerCase());
    if (parts[0] === 'messages' || messenger) {
      const thread = parts.slice(messenger ? 0 : 1);
      if (thread[0] === 'e2ee') thread.shift();
      const [t = '', other = ''] = thread;
      return t === 't' && VANITY.test(other) ? { surface: 'message', identifiers: [other] } : null;
    }

    const [first = '', second = '', third = '', fourth = ''] = parts;
    if (first === 'profile.php') return DIGITS.test(id) ? { surface: 'profile', identifiers: [id] } : null;
    if (first === 'permalink.php' || first === 'story.php' || first === 'photo.php') {
      return DIGITS.test(id) ? { surface: 'post', identifiers: [id] } : null;
    }
    // /stories/<bucketId>/<cardId>/: the bucket id is the owner's numeric id.
    if (first === 'stories') return DIGITS.test(second) ? { surface: 'story', identifiers: [second] } : null;
    // Profiles without a vanity: /people/<Name>/<id>/ ([KNOW]); group profiles /groups/<gid>/user/<id>/.
    if (first === 'people') return DIGITS.test(third) ? { surface: 'profile', identifiers: [third] } : null;
    if (first === 'groups' && third === 'user') {
      return DIGITS.test(fourth) ? { surface: 'profile', identifiers: [fourth] } : null;
    }
    if (RESERVED.has(first) || first.endsWith('.php') || !VANITY.test(first)) return null;
    if (ITEM_SEGMENTS.has(second) && third) return { surface: 'post', identifiers: [first] };
    // /<vanity> and every tab under it (/friends, /photos, /about, /about_overview, …).
    return { surface: 'profile', identifiers: [first] };
  },
});
