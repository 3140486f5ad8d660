import { defineSite, type HideRule } from './types';

// Discord (social-dom-facts §13). A DM's URL carries the channel id, never the user id, so the
// DM list row that shows both (its href and the avatar URL /avatars/<userId>/) teaches the pair.
// Classes are CSS modules (name_<hash>): only their readable prefix is used, never the hash.

const DM_PATH = /^\/channels\/@me\/(\d{15,25})(?:\/\d{15,25})?\/?$/;
const USER_PATH = /^\/users\/(\d{15,25})\/?$/;
const DM_HREF = /^\/channels\/@me\/(\d{15,25})\/?$/;
/** The user id in an avatar URL (source id 55585228605; DCFT). */
const AVATAR_USER = /\/(?:avatars|users)\/(\d{15,25})\//;
const DM_ROW = 'a[data-list-item-id^="private-channels-uid_"]';
/** Their avatar: the user one (/avatars/<id>/) or a per-server one (/guilds/<g>/users/<id>/avatars/). */
const THEIR_AVATAR = ':is(img[src*="/avatars/{id}/"], img[src*="/users/{id}/"])';

/** The user id of the first avatar in the element, if it shows a custom one. */
function avatarUser(element: Element): string | null {
  for (const img of element.querySelectorAll('img[src]')) {
    const user = AVATAR_USER.exec(img.getAttribute('src') ?? '');
    if (user) return user[1]!;
  }
  return null;
}

/** "Sam Rivera (direct message)", localised ("(mensagem direta)"): the name without the suffix. */
function dmName(row: Element): string | null {
  const label = row.getAttribute('aria-label') ?? '';
  const name = label.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return name || null;
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'message',
    kind: 'id',
    selector: `li:has(> * > ${DM_ROW} ${THEIR_AVATAR}), ${DM_ROW}:has(${THEIR_AVATAR})`,
    seen: 'DM list row a[data-list-item-id^="private-channels-uid_"][href^="/channels/@me/<channelId>"] with the avatar img src …/avatars/<userId>/…, in its li (DCPRIV 2025-26; DCFT; source ids 47276791739, 55585228605)',
  },
  {
    surface: 'suggestion',
    kind: 'id',
    selector: '[data-list-item-id="people___{id}"]',
    seen: 'friends list rows [data-list-item-id="people___<userId>"] (source id 70824360449; DCFT 2025-26)',
  },
  {
    surface: 'suggestion',
    kind: 'id',
    selector: `[role="listitem"]:has(> [class*="memberInner"] ${THEIR_AVATAR}), [class*="memberInner"]:has(${THEIR_AVATAR})`,
    seen: 'member list rows [class*="memberInner"] keyed on the avatar URL user id, per-server avatars included (DCFT 2025-26; source id 55585228605 regex /(?:avatars|users)/<id>/)',
  },
  {
    surface: 'profile',
    kind: 'id',
    selector: `:is([class*="userPopoutOuter"], [class*="userProfileModalInner"]):has(${THEIR_AVATAR}):not(:has([class*="mutual" i] ${THEIR_AVATAR}))`,
    seen: 'their profile popout and full profile modal, by the avatar URL user id; a popout listing them among mutual friends is someone else\'s (DCFT 2025-26; source id 55585228605)',
  },
  {
    surface: 'search',
    kind: 'id',
    selector: `[role="listbox"] [role="option"]:has(${THEIR_AVATAR})`,
    seen: 'quick switcher ("Find or start a conversation") result options with their avatar [KNOW: listbox/option roles]; avatar URL user id (source id 55585228605)',
  },
];

export default defineSite({
  id: 'discord',
  hosts: ['discord.com', 'ptb.discord.com', 'canary.discord.com'],
  home: 'https://discord.com/channels/@me',
  searchInputs: [
    'input[aria-label="Quick switcher" i]',
    '[class*="quickswitcher" i] input',
    '[class*="peopleColumn"] input[type="text"]',
    '[class*="searchBar"] input[type="text"]',
  ].join(', '),
  health: [
    { page: '[data-list-item-id^="private-channels-uid_"]', hooks: `${DM_ROW}[href^="/channels/@me/"] img[src*="avatars/"]` },
    { page: '[data-list-item-id^="people___"]', hooks: '[data-list-item-id^="people___"] img[src*="avatars/"]' },
    { page: '[class*="memberInner"]', hooks: '[class*="memberInner"] img[src*="avatars/"]' },
  ],
  route(url) {
    const dm = DM_PATH.exec(url.pathname);
    if (dm) return { surface: 'message', identifiers: [`channel:${dm[1]}`] };
    // discord.com/users/<id> opens their profile [KNOW; the accounts page takes these links].
    const user = USER_PATH.exec(url.pathname);
    return user ? { surface: 'profile', identifiers: [user[1]!] } : null;
  },
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: `li:has(> * > ${DM_ROW})`,
      // Rows with a custom avatar are keyed on its user id by CSS; only default-avatar rows
      // (/embed/avatars/<n>.png, no id) are matched by the name they show.
      read: (row) => {
        const link = row.querySelector(DM_ROW);
        return link && !avatarUser(link) ? dmName(link) : null;
      },
      seen: 'DM rows with a default avatar carry no user id: aria-label "<Name> (direct message)", localised (DCPRIV 2025-26; source id 47276791739)',
    },
    {
      action: 'hide',
      surface: 'profile',
      selector: '[class*="userPopoutOuter"], [class*="userProfileModalInner"]',
      read: (popout) => popout.querySelector('[class*="usernameRow"]')?.textContent?.trim().split(/\s+/)[0] ?? null,
      seen: 'profile popouts show the unique username in [class*="usernameRow"] (DCFT 2025-26)',
    },
  ],
  learn: [
    {
      selector: `${DM_ROW}[href^="/channels/@me/"] img[src*="/avatars/"]`,
      read(img) {
        const row = img.closest(`${DM_ROW}[href^="/channels/@me/"]`);
        const channel = DM_HREF.exec(row?.getAttribute('href') ?? '');
        const user = AVATAR_USER.exec(img.getAttribute('src') ?? '');
        return channel && user ? { key: `channel:${channel[1]}`, identifier: user[1]! } : null;
      },
      seen: 'the DM row pairs its channel id (href /channels/@me/<channelId>, item id private-channels-uid_<n>___<channelId>) with the avatar URL user id (DCPRIV 2025-26; source ids 47276791739, 55585228605)',
    },
    {
      selector: `${DM_ROW}[href^="/channels/@me/"][aria-label]`,
      read(row) {
        const channel = DM_HREF.exec(row.getAttribute('href') ?? '');
        const name = dmName(row);
        // A user with no display name is listed by their username, which is a handle.
        return channel && name && !avatarUser(row) ? { key: `channel:${channel[1]}`, identifier: name.toLowerCase() } : null;
      },
      seen: 'a default-avatar DM row of someone with no display name shows their username in aria-label "<name> (direct message)" (DCPRIV 2025-26; source id 47276791739)',
    },
  ],
});
