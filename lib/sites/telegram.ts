import { defineSite, type HideRule } from './types';

// Telegram Web has two official clients on one host, both hash-routed (social-dom-facts §12):
// Web K at /k/ (`#<peerId>`, `#@<username>`) and Web A at /a/ (`#<chatId>[_<threadId>][_<type>]`).
// Users have positive ids; groups and channels negative ones, never a person.

const USER_ID = /^[1-9]\d{0,19}$/;
const USERNAME = /^[a-z0-9_]{5,32}$/;
/** K's deep-link form: `#?tgaddr=tg://resolve?domain=<username>` [KNOW]. */
const RESOLVE = /^tg:\/\/resolve\?(?:.*&)?domain=([a-z0-9_]{5,32})(?:&|$)/;

/** The @username a search result row shows under its title, if it shows one. */
function shownUsername(row: Element): string | null {
  for (const selector of ['.handle', '.row-subtitle', '.subtitle', '.status']) {
    const text = row.querySelector(selector)?.textContent?.trim() ?? '';
    const username = /^@([a-z0-9_]{5,32})(?![a-z0-9_])/i.exec(text);
    if (username) return `@${username[1]}`;
  }
  return null;
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'message',
    kind: 'id',
    selector: 'a.chatlist-chat[data-peer-id="{id}"]',
    seen: 'Web K chat list, contacts and search result rows: a.row.chatlist-chat[data-peer-id="<id>"][href="#<id>"], matched whole (TGK 02-chatlist.json live 2026-08; left-sidebar reference 2026-08-12)',
  },
  {
    surface: 'message',
    kind: 'id',
    selector: '.ListItem:has(> a[href="#{id}"]), a[href="#{id}"]',
    seen: 'Web A chat rows .ListItem.Chat > a.ListItem-button[href="#<chatId>"], and any other link that opens their chat (TGA Chat.tsx, routing.ts 2025-26)',
  },
  {
    surface: 'comment',
    kind: 'id',
    selector: 'span.peer-title[data-peer-id="{id}"]',
    seen: 'their name wherever Web K prints a peer title, e.g. sender names in group messages (TGK live 2026-08)',
  },
  {
    surface: 'story',
    kind: 'id',
    selector: '.stories-list .scrollable-x > div > div:has([data-peer-id="{id}"])',
    seen: 'Web K stories row: div.stories-list > ListContainer > .scrollable-x > List > item holding their avatar [data-peer-id] and title (TGK 02-chatlist.json live 2026-08; tweb stories/list.tsx)',
  },
  {
    surface: 'story',
    kind: 'id',
    selector: '[role="button"][data-peer-id="{id}"]',
    seen: 'Web A story ribbon buttons div[role=button][data-peer-id="<id>"] (TGA StoryRibbonButton.tsx 2025-26)',
  },
];

export default defineSite({
  id: 'telegram',
  hosts: ['web.telegram.org'],
  // Sends each user on to the client they last used.
  home: 'https://web.telegram.org/',
  searchInputs: 'input.input-search-input, #telegram-search-input, .SearchInput input',
  health: [
    { page: 'ul.chatlist > a', hooks: 'ul.chatlist > a.chatlist-chat[data-peer-id][href^="#"]' },
    { page: '.chat-list .ListItem.Chat', hooks: '.ListItem.Chat > a[href^="#"]' },
  ],
  route(url) {
    const raw = url.hash.slice(1);
    const split = raw.indexOf('?');
    const head = decodeHash(split < 0 ? raw : raw.slice(0, split)).toLowerCase();
    if (head === '' && split >= 0) {
      const address = new URLSearchParams(raw.slice(split + 1)).get('tgaddr') ?? '';
      const domain = RESOLVE.exec(address.toLowerCase());
      return domain ? { surface: 'message', identifiers: [domain[1]!] } : null;
    }
    if (!head) return null;
    if (head.startsWith('@')) {
      const username = head.slice(1);
      return USERNAME.test(username) ? { surface: 'message', identifiers: [username] } : null;
    }
    // Web A appends _<threadId> and _<type>; a user's chat id is the part before them.
    const chat = head.split('_')[0] ?? '';
    // `peer:<id>`: a user known only by username is matched once a search row paired the two.
    return USER_ID.test(chat) ? { surface: 'message', identifiers: [chat, `peer:${chat}`] } : null;
  },
  procedural: [
    {
      action: 'hide',
      surface: 'search',
      selector: '#search-container a.row, .search-super a.row, .ListItem.search-result',
      read: shownUsername,
      seen: 'search result rows show @username under the name: Web K a.row.chatlist-chat > div.row-subtitle (TGK left-sidebar reference §2, 2026-08-12), Web A .ListItem.search-result (TGA 2025-26)',
    },
  ],
  learn: [
    {
      selector: ':is(#search-container, .search-super) a.chatlist-chat[data-peer-id]',
      read(row) {
        const peer = row.getAttribute('data-peer-id') ?? '';
        const username = shownUsername(row);
        return USER_ID.test(peer) && username ? { key: `peer:${peer}`, identifier: username.slice(1).toLowerCase() } : null;
      },
      seen: 'a Web K search row pairs the peer id with the @username it shows, so #<peerId> is shielded for a person known only by username (TGK left-sidebar reference §2, 2026-08-12)',
    },
  ],
});
