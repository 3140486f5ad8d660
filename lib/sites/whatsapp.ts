import { defineSite, type HideRule } from './types';

// WhatsApp Web never changes its URL per chat (social-dom-facts §11): the person is known by
// the name or number a row or the open chat's header shows. Their contact name as saved on the
// phone is one of their handles, so exact-title CSS hides it at once; a number shown formatted
// ("+44 7700 900123") or their name as entered in Clean Break needs the procedural rules.

/** Rows of the chat list and of search results, which render in the same pane. */
const PANE_ROWS = '#pane-side :is([role="row"], [role="listitem"]), [data-testid="cell-frame-container"]';
/** Rows of the other left-hand lists (Updates/status, new chat, contacts), never the open chat. */
const OTHER_ROWS = '[data-testid="status-v3-item-cell"], #app [role="listitem"]:not(#main *, #pane-side *)';
/** A deep link that opens a chat with a number: /send?phone=<digits> [KNOW]. */
const SEND_PATH = /^\/send\/?$/;
/** Message ids of a 1:1 chat carry the other person's number: `false_<digits>@c.us_<msgId>`. */
const CHAT_JID = /^(?:true|false)_(\d{7,15})@c\.us_/;

/** The first of these that the element holds, in this order: the chat's own title first. */
function firstTitle(element: Element, selectors: string[]): string | null {
  for (const selector of selectors) {
    const found = element.querySelector(selector);
    const text = found?.getAttribute('title') ?? found?.textContent ?? null;
    if (text && text.trim()) return text;
  }
  return null;
}

const ROW_TITLE = ['[data-testid="cell-frame-title"] span[title]', 'span[dir="auto"][title]', 'span[title]'];
const HEADER_TITLE = [
  '[data-testid="conversation-info-header-chat-title"]',
  'span[data-testid="conversation-title"]',
  'span[dir="auto"][title]',
  'span[title]',
];

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'message',
    kind: 'handle',
    selector: '#pane-side :is([role="row"], [role="listitem"]):has(span[title="{id}" i])',
    seen: 'chat list and search result rows in #pane-side: grid/row on most builds, list/listitem on some, title span[title="<Name>"] (WAPROBE 2025-26; source ids 59561807912, 62013465017, 71650746238)',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: '[data-testid="cell-frame-container"]:has([data-testid="cell-frame-title"] span[title="{id}" i])',
    seen: 'cell-frame-container rows with a cell-frame-title, still measured on live pages (WAPROBE 2025-26; source ids 51999142998, 59495665953)',
  },
  {
    surface: 'story',
    kind: 'handle',
    selector: '[data-testid="status-v3-item-cell"]:has(span[title="{id}" i])',
    seen: 'status item cells in the Status/Updates list (source id 53956249831, 2025)',
  },
  {
    surface: 'story',
    kind: 'handle',
    selector: '#app [role="listitem"]:not(#main *, #pane-side *):has(span[title="{id}" i])',
    seen: 'Updates tab status items without test ids, and the other left-hand lists, as listitems titled with the name (source id 53956249831, 2025; 2024 Updates redesign [KNOW])',
  },
  {
    surface: 'message',
    kind: 'handle',
    selector: '#main:has(header span[title="{id}" i])',
    seen: 'their chat open in #main, whose header title span names them: kept out of view until the procedural shield leaves (WACM 2025; source id 59495665953)',
  },
];

export default defineSite({
  id: 'whatsapp',
  hosts: ['web.whatsapp.com'],
  home: 'https://web.whatsapp.com/',
  // The search box is a contenteditable (data-tab="3"); an <input> form is kept for builds that use one.
  searchInputs: [
    '#side div[contenteditable="true"][data-tab="3"]',
    '[contenteditable="true"][aria-label="Search input textbox" i]',
    '#side input[type="text"]',
  ].join(', '),
  health: [
    { page: '#pane-side', hooks: '#pane-side :is([role="row"], [role="listitem"]) span[title]' },
    {
      page: '#main header',
      hooks: '#main header :is(span[title], [data-testid="conversation-info-header-chat-title"], span[data-testid="conversation-title"])',
    },
  ],
  route(url) {
    if (!SEND_PATH.test(url.pathname)) return null;
    const digits = (url.searchParams.get('phone') ?? '').replace(/\D/g, '');
    // Stored numbers keep their "+"; give both forms so either way of storing it matches.
    return digits.length >= 7 && digits.length <= 15 ? { surface: 'message', identifiers: [`+${digits}`, digits] } : null;
  },
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: PANE_ROWS,
      read: (row) => firstTitle(row, ROW_TITLE),
      seen: 'chat list and search rows: the first span[title] is the chat title, shown as a formatted number for unsaved contacts (WAPROBE 2025-26; source ids 51999142998, 59495665953)',
    },
    {
      action: 'hide',
      surface: 'story',
      selector: OTHER_ROWS,
      read: (row) => firstTitle(row, ROW_TITLE),
      seen: 'status items and other left-hand list rows, by their title (source id 53956249831, 2025)',
    },
    {
      action: 'shield',
      surface: 'message',
      selector: '#main header',
      read: (header) => firstTitle(header, HEADER_TITLE),
      seen: 'the open chat has no URL: its #main header title names the person (WACM 2025; source id 59495665953)',
    },
    {
      action: 'shield',
      surface: 'message',
      selector: '#main [data-id*="@c.us_"]',
      read: (message) => {
        const jid = CHAT_JID.exec(message.getAttribute('data-id') ?? '');
        return jid ? `+${jid[1]}` : null;
      },
      seen: 'messages of a 1:1 chat carry the other number in data-id (true|false)_<digits>@c.us_<msgId>; groups use @g.us and never match (WACM 2025; WAPROBE 2025-26)',
    },
  ],
});
