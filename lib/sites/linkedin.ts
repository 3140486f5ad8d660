import { defineSite, type HideRule } from './types';

// LinkedIn. Facts: social-dom-facts §8, §15, §17.4. LinkedIn is mid-migration from Ember BEM
// classes (`feed-shared-update-v2`, `msg-conversation-listitem`) to React with hashed classes
// and `data-view-name` attributes, so every surface has a rule for each markup. The BEM classes
// are LinkedIn's own component names, not hashed ones; the React classes are never used.
// An account is the vanity slug of /in/<slug>/, stored lowercased and percent-encoded. Rules are
// kind 'handle'; a vanity of digits only would be kind 'id' to the engine and get no CSS:
// `identifierKind` reads all-digit handles as ids on every site.

/** Internal member ids (`/in/ACoAAB…`), which search results also link to (SAF Quirk 4). */
const MEMBER_ID = /^ACoA[A-Za-z0-9_-]{10,}$/;
const SLUG = /^[\p{L}\p{M}\p{N}-]{3,100}$/u;
const THREAD_PATH = /^\/messaging\/thread\/([^/]+)\/?$/;
const CONTACT_INFO_HREF = /\/in\/([^/?#]+)\/overlay\/contact-info/;

/** A slug from a URL path in the stored form: lowercased, NFC, percent-encoded (lowercase hex). */
function slugOf(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const slug = decoded.normalize('NFC').toLowerCase();
  return SLUG.test(slug) ? encodeURIComponent(slug).toLowerCase() : null;
}

/** The learned key of a message thread URL, the same in `route` and the learn rule. */
function threadKey(pathname: string): string | null {
  const thread = THREAD_PATH.exec(pathname);
  return thread ? `thread:${thread[1]!.toLowerCase()}` : null;
}

/**
 * `base` narrowed to links to /in/<slug>, relative or absolute: the slug ends at `/`, `?`, `#` or
 * the end of the href, so `sam-rivera-4b2a91` never matches `sam-rivera-4b2a912`, and the `/in/`
 * before it keeps `xsam-rivera-4b2a91` out. Hrefs carry query strings (`?miniProfileUrn=…`).
 */
function toProfile(base: string): string {
  return `:is(${[
    `${base}[href*="/in/{id}/" i]`,
    `${base}[href*="/in/{id}?" i]`,
    `${base}[href*="/in/{id}#" i]`,
    `${base}[href$="/in/{id}" i]`,
  ].join(', ')})`;
}

/** Links naming who a feed update is by, or who acted on it (the social-context header). */
const FEED_ACTOR = toProfile(
  `:is(${[
    'a.update-components-actor__meta-link',
    '.update-components-actor a',
    '.update-components-header a',
    'a[data-view-name="feed-actor-image"]',
    'a[data-view-name="feed-actor-name"]',
    '[data-view-name="feed-header-actor"] a',
    'a[data-view-name="feed-header-actor"]',
  ].join(', ')})`,
);

/** A comment's own author links (legacy markup), not a mention inside its text. */
const LEGACY_COMMENT_AUTHOR = toProfile(
  ':is(a.comments-comment-meta__description-container, a.comments-comment-meta__image-link, .comments-comment-meta__actor a)',
);
const COMMENT_ACTOR = toProfile(':is(a[data-view-name="comment-actor-picture"], a[data-view-name="comment-actor-description"])');
const REPLY_ACTOR = toProfile(':is(a[data-view-name="reply-actor-picture"], a[data-view-name="reply-actor-description"])');

/** Links that exist only on THEIR profile page: its contact-info overlay and its activity list. */
const OWN_PROFILE_LINK = ':is(a[href*="/in/{id}/overlay/contact-info" i], a[href*="/in/{id}/recent-activity/" i])';

const RULES: HideRule[] = [
  // ── Feed updates: theirs, their reposts, and updates they liked or commented on.
  {
    surface: 'post',
    kind: 'handle',
    selector: `.feed-shared-update-v2:has(${FEED_ACTOR})`,
    seen: 'legacy feed card .feed-shared-update-v2[role=article][data-urn^="urn:li:activity:"], author a.update-components-actor__meta-link[href*="/in/<vanity>"] (LIAKU linkedin-dom-v7 2026; source id 71183562718, Oct 2026); social-context header .update-components-header__text-view "<Name> reposted this" (source id 71183562718)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `[data-view-name="feed-full-update"]:has(${FEED_ACTOR})`,
    seen: '2025-26 attribute markup [data-view-name="feed-full-update"] with a[data-view-name="feed-actor-image"][href="/in/<vanity>"] and [data-view-name="feed-header-actor"] (LIAKU 2026; source ids 11800432162, 58414314777, 2025); it also wraps the legacy card, so the whole card goes',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `:is([data-testid="mainFeed"] [role="listitem"], [role="listitem"][componentkey^="update-card-focus"]):has(${FEED_ACTOR})`,
    seen: 'server-driven feed rows [data-testid="mainFeed"] [role="listitem"] (LIAKU 2026) and activity cards [role=listitem][componentkey^="update-card-focus"] (source id 71183562718, Oct 2026)',
  },
  // ── Comments and replies: by their own author link, never by a mention in the text.
  {
    surface: 'comment',
    kind: 'handle',
    selector: `article.comments-comment-entity:not(.comments-comment-entity--reply):has(${LEGACY_COMMENT_AUTHOR}:not(.comments-comment-entity--reply *))`,
    seen: 'legacy comment article.comments-comment-entity, author a.comments-comment-meta__description-container / __image-link (source ids 71183562718 Oct 2026, 52680431720, 12844585463); a reply of theirs under someone else\'s comment does not take the parent with it',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `article.comments-comment-entity--reply:has(${LEGACY_COMMENT_AUTHOR})`,
    seen: 'legacy reply <article> carries comments-comment-entity--reply (source id 71183562718, Oct 2026)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `[data-view-name="comment-container"]:has(${COMMENT_ACTOR})`,
    seen: 'React comments [data-view-name="comment-container"] with a[data-view-name="comment-actor-picture|comment-actor-description"][href="/in/<vanity>"] (source ids 11095552643, 11137619695, 51964664739, 2025-26)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `[data-view-name="comment-container"]:has(${REPLY_ACTOR}):not(:has([data-view-name="comment-container"] ${REPLY_ACTOR}))`,
    seen: 'React replies are tagged reply-actor-picture|reply-actor-description (source ids 11095552643, 11266224701); hidden as the innermost comment-container holding their reply. Reply containers are modelled, [KNOW]',
  },
  // ── Their profile's Message link, if their profile renders at a URL that isn't theirs.
  {
    surface: 'profile',
    kind: 'handle',
    selector: `main:has(${OWN_PROFILE_LINK}) :is(a[href*="/messaging/compose/?profileUrn="], a[href*="/messaging/compose?profileUrn="], button[aria-label^="Message " i], .pv-s-profile-actions--message)`,
    seen: 'Message is a[href*="/messaging/compose/?profileUrn="] since Feb 2026, legacy button[aria-label^="Message"] / .pv-s-profile-actions--message (SAF Quirk 1 2026-02-28; XADP LinkedIn sibling); scoped to the page that links to their own contact-info overlay or activity list ([KNOW])',
  },
  // ── People you may know, invitations, People also viewed.
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: `:is(.discover-entity-type-card, li.mn-pymk-list__item, [data-view-name="cohort-card"], [data-view-name="pymk-card"], [data-view-name="invitation-card"], li.invitation-card):has(${toProfile('a')})`,
    seen: '/mynetwork cards .discover-entity-type-card / .mn-pymk-list__item (source ids 56282257484, 8968045270), React div[data-view-name="cohort-card"], "pymk-card", invitations div[data-view-name="invitation-card"] (source ids 24396720132, 30543420914, 55033021438, 2025)',
  },
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: `section:has(#browsemap_recommendation, [id^="pymk_recommendation"]) li:has(${toProfile('a')})`,
    seen: 'profile side cards .pv-profile-card:has(#pymk_recommendation_from_industry|school|title), #browsemap_recommendation "People also viewed" (LIPW 2025)',
  },
  // ── Search.
  {
    surface: 'search',
    kind: 'handle',
    selector: `:is([data-view-name="people-search-result"], [data-view-name="search-entity-result-universal-template"], li.reusable-search__result-container):has(${toProfile(':is(a[data-view-name="search-result-lockup-title"], [data-view-name="people-search-result"] > a, .entity-result__title-text a)')})`,
    seen: 'people results [data-view-name="people-search-result"] (SAF §14 2026-02-28; source ids 6701087193, 51934619013), title a[data-view-name="search-result-lockup-title"]; legacy li.reusable-search__result-container .entity-result__title-text a (source id 53632370238). Keyed on the title link, so a mutual-connection line naming them keeps the other result',
  },
  {
    surface: 'search',
    kind: 'handle',
    selector: `:is([role="listbox"] [role="option"], .search-global-typeahead__hit):has(${toProfile('a')})`,
    seen: 'global search typeahead: no retrieved selector (facts §8, §17.4); modelled as listbox options linking to /in/<vanity> [KNOW]',
  },
  // ── Messaging: rows that link to them, and chat windows whose header links to them.
  {
    surface: 'message',
    kind: 'handle',
    selector: `:is(li.msg-conversation-listitem, .msg-overlay-list-bubble__convo-card-container):has(${toProfile('a')})`,
    seen: 'inbox rows li.msg-conversation-listitem (SAF §14 2026-02-28) and overlay rows .msg-overlay-list-bubble__convo-card-container (LIPW 2025), in the variant that links the profile; rows with only a name are matched by the procedural rule',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: `:is(.msg-overlay-conversation-bubble, .msg-convo-wrapper):has(${toProfile(':is(.msg-overlay-bubble-header a, a.msg-thread__link-to-profile, .msg-entity-lockup a, .msg-title-bar a)')})`,
    seen: 'open chat windows .msg-overlay-conversation-bubble / .msg-convo-wrapper, header .msg-overlay-bubble-header (LIPW 2025; source ids 70349726061, 43632490807); thread header link .msg-thread__link-to-profile (SAF 2026-02-28)',
  },
  // ── Any other link to their profile: mentions, mutual-connection lines, hover-card triggers.
  {
    surface: 'profile',
    kind: 'handle',
    selector: toProfile('a'),
    seen: 'profile links /in/<vanity>/ in every shape LinkedIn writes them, absolute with ?miniProfileUrn=… or relative (SAF Quirk 4 2026-02-28; LIAKU 2026)',
  },
];

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = RULES;

export default defineSite({
  id: 'linkedin',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  home: 'https://www.linkedin.com/feed/',
  searchInputs: [
    'input.search-global-typeahead__input',
    'input[role="combobox"]',
    'input[type="search"]',
    'input[name="searchTerm"]',
    'input#search-conversations',
  ].join(', '),
  health: [
    {
      page: ':is(.feed-shared-update-v2, [data-view-name="feed-full-update"])',
      hooks: ':is(a.update-components-actor__meta-link, a[data-view-name="feed-actor-image"])[href]',
    },
    {
      page: 'li.msg-conversation-listitem',
      hooks: 'li.msg-conversation-listitem :is(.msg-conversation-listitem__participant-names, .msg-conversation-card__participant-names)',
    },
  ],
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: ':is(li.msg-conversation-listitem, .msg-overlay-list-bubble__convo-card-container)',
      read: (row) =>
        row.querySelector('.msg-conversation-listitem__participant-names, .msg-conversation-card__participant-names')?.textContent ?? null,
      seen: 'inbox and overlay rows show only the participant names in h3 .msg-conversation-listitem__participant-names / .msg-conversation-card__participant-names, no profile link (SAF §14 2026-02-28; facts §17.4). Matched by name: another account also named exactly like them is hidden too',
    },
    {
      action: 'shield',
      surface: 'profile',
      selector: 'a[href*="/overlay/contact-info"]',
      read: (link) => {
        const slug = CONTACT_INFO_HREF.exec(link.getAttribute('href') ?? '');
        return slug ? slugOf(slug[1]!) : null;
      },
      seen: 'their profile rendered at a URL without their vanity (/in/ACoAA… member id links from search, SAF Quirk 4 2026-02-28): the top card links to /in/<vanity>/overlay/contact-info/, which only their own profile does ([KNOW])',
    },
  ],
  learn: [
    {
      // Not in an overlay chat window: those float over any page, the thread page included.
      selector: ':is(a.msg-thread__link-to-profile, .msg-entity-lockup a, .msg-title-bar a)[href*="/in/"]:not(.msg-overlay-conversation-bubble *)',
      read(link) {
        const key = threadKey(location.pathname);
        const slug = /\/in\/([^/?#]+)/.exec(link.getAttribute('href') ?? '');
        const identifier = slug ? slugOf(slug[1]!) : null;
        return key && identifier ? { key, identifier } : null;
      },
      seen: 'an open thread /messaging/thread/<id>/ has an opaque id; its header .msg-thread__link-to-profile / .msg-entity-lockup__entity-title links to the other person (SAF 2026-02-28; thread URL [KNOW])',
    },
  ],
  route(url) {
    const thread = threadKey(url.pathname);
    if (thread) return { surface: 'message', identifiers: [thread] };
    const [first = '', second = ''] = url.pathname.split('/').filter(Boolean);
    // /in/<vanity>/ and everything under it: /recent-activity/…, /details/…, /overlay/….
    if (first === 'in') {
      if (MEMBER_ID.test(second)) return { surface: 'profile', identifiers: [`member:${second.toLowerCase()}`] };
      const slug = slugOf(second);
      return slug ? { surface: 'profile', identifiers: [slug] } : null;
    }
    // Post permalinks /posts/<vanity>_<title>-activity-<id>-<hash>/: slugs never hold "_".
    if (first === 'posts') {
      const slug = slugOf(second.split('_', 1)[0] ?? '');
      return slug && second.includes('_') ? { surface: 'post', identifiers: [slug] } : null;
    }
    // The connect dialog for them: /preload/custom-invite/?vanityName=<vanity> (SAF).
    if (first === 'preload' && second === 'custom-invite') {
      const slug = slugOf(url.searchParams.get('vanityName') ?? '');
      return slug ? { surface: 'profile', identifiers: [slug] } : null;
    }
    return null;
  },
});
