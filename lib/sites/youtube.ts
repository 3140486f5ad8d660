import { defineSite, type HideRule } from './types';

// A channel is the person. Handles (/@name) and legacy /c/ and /user/ names ignore case; channel
// ids (UC + 22 characters) do not, so the channel-id half of each selector has no `i` flag.
// Identifiers keep their stored case (targetsFor), and a channel id is kind 'handle' (it is not
// all digits), so each selector carries both forms: a handle never fits /channel/<id> and a
// channel id never fits /@<handle>.
const HANDLE = /^[a-z0-9._-]{3,30}$/;
const LEGACY_NAME = /^[a-z0-9._-]{1,100}$/;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** A link to the channel, by handle (any case) or by channel id (exact case). */
const CHANNEL_LINK = ':is(a[href="/@{id}" i], a[href="/channel/{id}"])';
/** A comment's author link: a#author-text (2022+), or the h3 > a of the view-model comments. */
const AUTHOR_LINK =
  ':is(a#author-text, #header-author h3 > a):is([href="/@{id}" i], [href="/channel/{id}"])';
const COMMENT = ':is(ytd-comment-view-model, ytd-comment-renderer)';

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The handle or channel id a channel link names, for text comparison with the person. */
function channelOf(href: string | null): string | null {
  const path = href ? decoded(href.split(/[?#]/)[0] ?? '') : null;
  if (!path) return null;
  const handle = /^\/@([^/]+)\/?$/.exec(path)?.[1];
  if (handle && HANDLE.test(handle.toLowerCase())) return handle.toLowerCase();
  const channel = /^\/channel\/([^/]+)\/?$/.exec(path)?.[1];
  return channel && CHANNEL_ID.test(channel) ? channel : null;
}

/** The video a watch, Shorts or live URL plays. */
function videoOf(url: URL): string | null {
  const [first = '', second = ''] = url.pathname.split('/').filter(Boolean);
  const id = first === 'watch' ? url.searchParams.get('v') : first === 'shorts' || first === 'live' ? second : null;
  return id && VIDEO_ID.test(id) ? id : null;
}

/** The hiding rules. Only the worker compiles them: the content script never imports them. */
export const rules: readonly HideRule[] = [
  {
    surface: 'post',
    kind: 'handle',
    selector: `ytd-rich-item-renderer:has(${CHANNEL_LINK})`,
    seen: 'home and subscriptions grid: ytd-rich-item-renderer > yt-lockup-view-model whose metadata row (and avatar) links the channel /@handle (YTREF verified 2026-02-01)',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `ytd-video-renderer:has(:is(ytd-channel-name, #channel-info) ${CHANNEL_LINK})`,
    seen: 'search results: ytd-video-renderer with the channel link in ytd-channel-name a / #channel-name a (YTREF verified 2026-02-01); a mention in the snippet does not count',
  },
  {
    surface: 'post',
    kind: 'handle',
    selector: `yt-lockup-view-model:has(${CHANNEL_LINK})`,
    seen: 'watch sidebar (2024+ default) yt-lockup-view-model in #secondary / ytd-watch-next-secondary-results-renderer, channel link in the -wiz__ or plain metadata row (YTREF verified 2026-02-01)',
  },
  {
    surface: 'search',
    kind: 'handle',
    selector: `ytd-channel-renderer:has(${CHANNEL_LINK})`,
    seen: 'channel results in search: ytd-channel-renderer linking the channel (facts §10 search row, YTREF 2026-02; BLKT channelRenderer v0.4.8 2026-02-07)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `:is(ytd-comment-thread-renderer, ytd-comment-thread-view-model):has(> ${COMMENT} ${AUTHOR_LINK})`,
    seen: 'their top-level comment hides its whole thread: the thread renderer\'s own comment child, author a#author-text href /@handle (YTREF 2026-02-01; source ids 59270275448, 22239123347, 2025-26)',
  },
  {
    surface: 'comment',
    kind: 'handle',
    selector: `:is(ytd-comment-replies-renderer, ytd-comment-replies-view-model) ${COMMENT}:has(${AUTHOR_LINK})`,
    seen: 'their reply in someone else\'s thread hides only the reply: ytd-comment-replies-renderer / -view-model > comment with their author link (YTREF 2026-02-01; source ids 57758977498, 70944832190)',
  },
  {
    surface: 'suggestion',
    kind: 'handle',
    selector: `ytd-guide-entry-renderer:has(${CHANNEL_LINK})`,
    seen: 'the guide\'s Subscriptions list: ytd-guide-entry-renderer > a#endpoint href /@handle ([KNOW]; the element seen in ankitpwr/DetoxYT 2025; not in the facts)',
  },
];

export default defineSite({
  id: 'youtube',
  hosts: ['www.youtube.com', 'youtube.com', 'm.youtube.com'],
  home: 'https://www.youtube.com/',
  searchInputs: 'input[name="search_query"], input#search',
  health: [
    { page: 'ytd-rich-grid-renderer ytd-rich-item-renderer', hooks: 'ytd-rich-item-renderer a[href^="/@"]' },
    { page: 'ytd-search ytd-video-renderer', hooks: 'ytd-video-renderer ytd-channel-name a[href^="/@"]' },
    {
      page: 'ytd-comments ytd-comment-thread-renderer',
      hooks: 'ytd-comment-thread-renderer :is(a#author-text, #header-author h3 > a)[href^="/@"]',
    },
  ],
  route(url) {
    const [first = '', second = ''] = url.pathname.split('/').filter(Boolean);
    const name = decoded(first);
    if (name?.startsWith('@')) {
      // /@<handle> and every tab under it: /videos, /shorts, /streams, /community, /posts, /featured.
      const handle = name.slice(1).toLowerCase();
      return HANDLE.test(handle) ? { surface: 'profile', identifiers: [handle] } : null;
    }
    if (first === 'channel') {
      // Channel ids are case-sensitive; kept as they are (the engine compares routes without case).
      return CHANNEL_ID.test(second) ? { surface: 'profile', identifiers: [second] } : null;
    }
    if (first === 'c' || first === 'user') {
      const legacy = decoded(second)?.toLowerCase();
      return legacy && LEGACY_NAME.test(legacy) ? { surface: 'profile', identifiers: [legacy] } : null;
    }
    // A video's URL does not say whose it is. Known once a video of theirs was seen (learned
    // `video:<id>`); until then the procedural rule reads the owner on the watch page.
    const video = videoOf(url);
    return video ? { surface: 'post', identifiers: [`video:${video}`] } : null;
  },
  procedural: [
    {
      action: 'shield',
      surface: 'post',
      selector: 'ytd-video-owner-renderer a[href^="/@"], ytd-video-owner-renderer a[href^="/channel/"]',
      read: (link) => channelOf(link.getAttribute('href')),
      seen: 'a watch page is theirs when its owner links their channel: ytd-video-owner-renderer #channel-name a (YTREF verified 2026-02-01); the URL alone cannot tell',
    },
    {
      action: 'hide',
      surface: 'post',
      selector: 'ytd-compact-video-renderer',
      read: (item) => item.querySelector('ytd-channel-name #text, #channel-name #text, #channel-name')?.textContent ?? null,
      seen: 'the older sidebar ytd-compact-video-renderer shows the channel only as text in #channel-name (YTREF old layout, 2026-02-01): matched by their name or handle as entered',
    },
  ],
  learn: [
    {
      selector: 'ytd-video-owner-renderer a[href^="/@"], ytd-video-owner-renderer a[href^="/channel/"]',
      read(link) {
        // Seen only where the watch page was let through (a pass); the next visit to this video's
        // URL is shielded before it paints. The watch element's video-id must agree with the URL,
        // so an owner still showing from the previous video is never paired with the next one.
        const video = videoOf(new URL(location.href));
        const shown = link.closest('ytd-watch-flexy')?.getAttribute('video-id');
        const channel = channelOf(link.getAttribute('href'));
        return video && channel && (shown ?? video) === video ? { key: `video:${video}`, identifier: channel } : null;
      },
      seen: 'watch page owner ytd-video-owner-renderer #channel-name a (YTREF 2026-02-01) paired with /watch?v=<id> (YTREF page types); ytd-watch-flexy[video-id] [KNOW]',
    },
  ],
});
