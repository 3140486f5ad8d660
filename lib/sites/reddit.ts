import { defineSite, type HideRule } from './types';

// Reddit: new Reddit ("shreddit" web components, attributes in the light DOM) and old Reddit.
// Facts: social-dom-facts §9, §15, §17.8. Usernames are case-insensitive, so every attribute
// match takes the ` i` flag. Rules are kind 'handle'; a username of digits only would be kind
// 'id' to the engine and get no CSS: `identifierKind` reads all-digit handles as ids on every site.
// Chat lives in web components with shadow roots that user CSS cannot reach; only its light-DOM
// entries (notification rows, the compose form, old Reddit messages) are handled here.

const USERNAME = /^[a-z0-9_-]{3,20}$/;
/** Posts and comment pages: /r/<sub>/comments/<id36>/…, /comments/<id36>/…. */
const POST_ID = /^[a-z0-9]{1,13}$/;
/** "u/<name> replied to your comment in r/<sub>" (the title of a notification row). */
const NOTIFICATION_AUTHOR = /^u\/([A-Za-z0-9_-]{3,20})(?![A-Za-z0-9_-])/;
const MESSAGE_HREF = /\/message\/messages\/([a-z0-9]{1,13})(?:[/?#]|$)/i;
const THREAD_PATH = /^\/message\/messages\/([a-z0-9]{1,13})\/?$/i;

/** A username from a URL or a `to=` value: `name`, `u/name`, `/user/name`. */
function usernameOf(raw: string): string | null {
  const name = raw.trim().toLowerCase().replace(/^\/?(?:u|user)\//, '').replace(/\/$/, '');
  return USERNAME.test(name) ? name : null;
}

/**
 * `base` narrowed to links to /user/<name> or /u/<name>, relative or absolute (old Reddit writes
 * `https://old.reddit.com/user/<name>` with no slash). The name ends at `/`, `?` or the end of the
 * href, so `sam_rivera` never matches `sam_rivera2`, and the `/user/` before it keeps `xsam_rivera` out.
 */
function toUser(base: string): string {
  return `:is(${['user', 'u']
    .flatMap((prefix) => [
      `${base}[href*="/${prefix}/{id}/" i]`,
      `${base}[href*="/${prefix}/{id}?" i]`,
      `${base}[href$="/${prefix}/{id}" i]`,
    ])
    .join(', ')})`;
}

/** What marks a hover card as theirs: its label, its author link, the card it loads. No `:has()`, so it nests. */
const HOVERCARD_PARTS = [
  'faceplate-hovercard[label="{id} details" i]',
  `faceplate-hovercard > ${toUser('a')}`,
  'faceplate-partial[src*="/user-hover-card/{id}?" i]',
  'faceplate-partial[src$="/user-hover-card/{id}" i]',
];
/** The hover card new Reddit wraps around an author link, with the card it loads. */
const HOVERCARD = `faceplate-hovercard:is([label="{id} details" i], :has(> ${toUser('a')}, > faceplate-partial[src*="/user-hover-card/{id}?" i], > faceplate-partial[src$="/user-hover-card/{id}" i]))`;

const RULES: HideRule[] = [
  // ── New Reddit.
  {
    surface: 'post',
    kind: 'handle',
    selector: 'article:has(> shreddit-post[author="{id}" i]), article:has(> shreddit-post[author="{id}" i]) + hr',
    seen: 'feed cards <article data-post-id="t3_…"> around shreddit-post (source id 68504868148, 2026-09), each followed by an <hr> separator [KNOW]: both go, so no empty card or doubled rule is left',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: 'shreddit-post[author="{id}" i]',
    seen: 'shreddit-post carries author="<name>" and author-id="t2_…" in feeds and on post pages (FEEDSEL verbatim Wayback 2026-07-31; source ids 20293845247, 52314980435)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: 'shreddit-comment[author="{id}" i]',
    seen: 'shreddit-comment[author="<name>"] with thingid, depth, permalink; its replies sit inside it and go with it (RDTTAG 2025; dmitrii-fediuk/vm 2024-08-21 shreddit-comment[author="AutoModerator"]{display:none}; FEEDSEL)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `shreddit-profile-comment:has(${['shreddit-comment-action-row[author-name="{id}" i]', ...HOVERCARD_PARTS].join(', ')})`,
    seen: 'shreddit-profile-comment (comment cards on profile and saved pages) has no author attribute, only comment-id and href; its nested shreddit-comment-action-row carries author-name (FEEDSEL; source ids 58505364754, 53775348783, 68504868148)',
  },
  {
    surface: 'profile',
    kind: 'handle',
    selector: HOVERCARD,
    seen: 'author hover cards faceplate-hovercard[label="<name> details"] > a[href=".../user/<name>/"] + faceplate-partial[src="/svc/shreddit/user-hover-card/<name>?…"] (source id 68504868148, 2026-09)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: ':is(notification-item, notification-announcement):has([author-name="{id}" i])',
    seen: 'notifications inbox rows notification-item > rpl-inbox-row; rows from a person carry author-name on their menu (RDTINB Sep 2026); rows that name them only in the title are matched by the procedural rule',
  },
  // ── Old Reddit.
  {
    surface: 'post',
    kind: 'handle',
    selector: '.thing:not(.comment, .message)[data-author="{id}" i]',
    seen: 'old Reddit .sitetable > .thing[data-author="<name>"] posts (source ids 37645904204, 29572317821; filter-list template reddit.com#?#.thing[data-author="…"], facts §17.10)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: '.thing.comment[data-author="{id}" i]',
    seen: 'old Reddit .comment[data-author] comments; replies nest inside and go with it (source ids 37645904204, 29572317821)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: '.thing.message[data-author="{id}" i]',
    seen: 'old Reddit inbox and message threads: .thing.message[data-author] ([KNOW], same .thing shape as source ids 37645904204, 29572317821)',
  },
  // ── Both: the compose form addressed to them, and any other link to their profile.
  {
    surface: 'message',
    kind: 'handle',
    selector: `a:is(${['/message/compose/?to=', '/message/compose?to='].flatMap((path) => [`[href$="${path}{id}" i]`, `[href*="${path}{id}&" i]`]).join(', ')})`,
    seen: '"send a message" links /message/compose/?to=<name> (old Reddit profile sidebar; compose URL from facts §9 [KNOW]); the name ends at & or the end of the href',
  },
  {
    surface: 'profile',
    kind: 'handle',
    selector: toUser('a'),
    seen: 'links to /user/<name>/ and /u/<name>/ in every shape: author links, mentions, people search rows (facts §9 URLs; legacy filter-list template a[href="/user/{name}"], source id 29572317821)',
  },
];

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = RULES;

export default defineSite({
  id: 'reddit',
  hosts: ['www.reddit.com', 'reddit.com', 'old.reddit.com', 'new.reddit.com', 'np.reddit.com'],
  home: 'https://www.reddit.com/',
  searchInputs: 'input[name="q"], input[type="search"]',
  health: [
    { page: 'shreddit-post', hooks: 'shreddit-post[author]' },
    { page: 'shreddit-comment', hooks: 'shreddit-comment[author]' },
    { page: '.sitetable > .thing', hooks: '.sitetable > .thing[data-author]' },
  ],
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: 'notification-item',
      read: (row) => {
        const title = row.querySelector('[data-testid="title"]')?.textContent?.trim() ?? '';
        return NOTIFICATION_AUTHOR.exec(title)?.[1] ?? null;
      },
      seen: 'notification-item > rpl-inbox-row [data-testid="title"] (RDTINB Sep 2026); a reply or mention names its author only in the title text, "u/<name> replied to your comment in r/<sub>" ([KNOW] wording)',
    },
  ],
  learn: [
    {
      selector: 'shreddit-post[author][id^="t3_" i]',
      read: (post) => {
        const id = post.id.slice(3).toLowerCase();
        const author = post.getAttribute('author')?.toLowerCase() ?? '';
        return POST_ID.test(id) && USERNAME.test(author) ? { key: `post:${id}`, identifier: author } : null;
      },
      seen: 'shreddit-post id="t3_<id36>" author="<name>" (FEEDSEL 2026-07-31): a post page /r/<sub>/comments/<id36>/ of theirs is shielded once its post is seen, feed or page',
    },
    {
      selector: '.thing[data-author][data-fullname^="t3_"]',
      read: (thing) => {
        const id = (thing.getAttribute('data-fullname') ?? '').slice(3).toLowerCase();
        const author = thing.getAttribute('data-author')?.toLowerCase() ?? '';
        return POST_ID.test(id) && USERNAME.test(author) ? { key: `post:${id}`, identifier: author } : null;
      },
      seen: 'old Reddit post .thing[data-fullname="t3_<id36>"][data-author] (source ids 37645904204, 29572317821)',
    },
    {
      selector: '.thing.message[data-author]',
      read: (thing) => {
        // On a thread page the thread is the URL's; in the inbox, the row's own permalink.
        const here = THREAD_PATH.exec(location.pathname)?.[1];
        const href = thing.querySelector('a[href*="/message/messages/"]')?.getAttribute('href') ?? '';
        const id = (here ?? MESSAGE_HREF.exec(href)?.[1])?.toLowerCase();
        const author = thing.getAttribute('data-author')?.toLowerCase() ?? '';
        return id && USERNAME.test(author) ? { key: `pm:${id}`, identifier: author } : null;
      },
      seen: 'private messages /message/messages/<id36> (RDTINB): an inbox or thread message .thing.message[data-author] links its permalink there ([KNOW])',
    },
  ],
  route(url) {
    const parts = url.pathname.toLowerCase().split('/').filter(Boolean);
    const [first = '', second = '', third = '', fourth = ''] = parts;
    // /user/<name>/ and /u/<name>/ with every tab: /comments/, /submitted/, /saved/, posts in u_<name>.
    if (first === 'user' || first === 'u') {
      const name = usernameOf(second);
      if (!name) return null;
      return third === 'comments' && POST_ID.test(fourth) ? { surface: 'post', identifiers: [name] } : { surface: 'profile', identifiers: [name] };
    }
    if (first === 'message') {
      if (second === 'compose') {
        const name = usernameOf(url.searchParams.get('to') ?? '');
        return name ? { surface: 'message', identifiers: [name] } : null;
      }
      return second === 'messages' && POST_ID.test(third) ? { surface: 'message', identifiers: [`pm:${third}`] } : null;
    }
    if (first === 'r') {
      // A user's own community r/u_<name> is their profile, and its posts are theirs.
      if (second.startsWith('u_')) {
        const name = usernameOf(second.slice(2));
        if (!name) return null;
        return third === 'comments' ? { surface: 'post', identifiers: [name] } : { surface: 'profile', identifiers: [name] };
      }
      // Whose post it is is not in the URL: the key is learned from the post's author attribute.
      return third === 'comments' && POST_ID.test(fourth) ? { surface: 'post', identifiers: [`post:${fourth}`] } : null;
    }
    if (first === 'comments' && POST_ID.test(second)) return { surface: 'post', identifiers: [`post:${second}`] };
    return null;
  },
});
