import { defineSite, type HideRule } from './types';

// Snapchat Web is thin in the facts (social-dom-facts §14, §17.2): one 2025 bot with hashed
// classes only, plus role-based fallbacks. Assumed here, and unverified: chat rows are the
// children of a role=listbox or role=list, the name a row shows is user text marked with the
// non-hashed class `nonIntl` (as message senders are) or a title attribute, an open
// conversation sits in [role="main"] under a <header> naming the friend, and a row may link
// /web/<conversationUUID>. Rows show display names, so the person is matched by their name
// (or username, for friends without a display name) as text.

const CONVERSATION = /^\/web\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
const USERNAME = /^[a-z0-9._-]{3,15}$/;
const ROWS = ':is([role="listbox"], [role="list"]) > *, [class*="ChatListItem"], nav li';

/** The name a row or header shows: user text in `.nonIntl`, else a title attribute. */
function shownName(element: Element): string | null {
  const text = element.querySelector('.nonIntl')?.textContent?.trim();
  if (text) return text;
  const titled = element.matches('[title]') ? element : element.querySelector('[title]');
  return titled?.getAttribute('title')?.trim() || null;
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: [
      'a[href="/add/{id}" i]',
      'a[href="/add/{id}/" i]',
      'a[href^="/add/{id}?" i]',
      'a[href="https://www.snapchat.com/add/{id}" i]',
      'a[href^="https://www.snapchat.com/add/{id}?" i]',
      'a[href="/@{id}" i]',
      'a[href^="/@{id}?" i]',
      'a[href="https://www.snapchat.com/@{id}" i]',
    ].join(', '),
    seen: 'links to their public profile /add/<username> or /@<username>, matched whole so a longer username never matches [KNOW: public profile URLs; no DOM source in social-dom-facts §14]',
  },
];

export default defineSite({
  id: 'snapchat',
  hosts: ['www.snapchat.com', 'snapchat.com', 'web.snapchat.com'],
  home: 'https://www.snapchat.com/web',
  searchInputs: 'input[type="search"], [role="search"] input, input[placeholder*="Search" i], input[aria-label*="Search" i]',
  health: [
    {
      // A chat list with rows, none of which shows a name the procedural rules can read, means
      // the markup moved: rows stay visible, and that must not pass for healthy.
      page: '[role="listbox"] > *, nav [role="list"] > *, [class*="ChatListItem"]',
      hooks: ':is([role="listbox"] > *, nav [role="list"] > *, [class*="ChatListItem"]) :is(.nonIntl, [title])',
    },
  ],
  route(url) {
    const conversation = CONVERSATION.exec(url.pathname);
    if (conversation) return { surface: 'message', identifiers: [`convo:${conversation[1]!.toLowerCase()}`] };
    // Public profiles: /add/<username> and /@<username> [KNOW; the accounts page takes /add/ links].
    const [first = '', second = ''] = url.pathname.toLowerCase().split('/').filter(Boolean);
    const username = first === 'add' ? second : first.startsWith('@') ? first.slice(1) : '';
    return USERNAME.test(username) ? { surface: 'profile', identifiers: [username] } : null;
  },
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: ROWS,
      read: shownName,
      seen: 'chat list rows: role-based fallbacks [role=listbox] > *, [role=list] > *, nav li, [class*=ChatListItem] (SNAP automate-sc 2025); the name as span.nonIntl user text (SNAP 29831280469, 2025) [assumed for rows]',
    },
    {
      action: 'shield',
      surface: 'message',
      selector: '[role="main"] header:not(li *)',
      // Only in the chat app: a public page's header naming someone else "Sam Rivera" is no chat.
      read: (header) => (location.pathname.startsWith('/web') ? shownName(header) : null),
      seen: 'the open conversation in [role=main] (SNAP automate-sc 2025) under a header naming the friend; message groups carry their own li > header and are left out (SNAP 29831280469, 2025) [assumed]',
    },
  ],
  learn: [
    {
      selector: 'a[href^="/web/"]',
      read(link) {
        const conversation = CONVERSATION.exec(link.getAttribute('href') ?? '');
        const name = shownName(link);
        return conversation && name ? { key: `convo:${conversation[1]!.toLowerCase()}`, identifier: name.toLowerCase() } : null;
      },
      seen: 'a chat row linking /web/<conversationUUID> pairs it with the name it shows, which is the username for friends with no display name [KNOW, unverified URL shape; social-dom-facts §14]',
    },
  ],
});
