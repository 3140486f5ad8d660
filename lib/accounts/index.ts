/**
 * Turns what someone pastes or types on the options page into an Account: a supported site plus
 * the handle the site adapters match on. Hosts and handles are checked against exact rules,
 * because a loose match could hide the wrong person, or no one.
 *
 * Error messages are read by someone having a hard time: calm, plain, and saying what works
 * instead. They never echo more than a host name or one of our own reserved words.
 */
import { i18n } from '#i18n';
import { SITES, type Account, type Site } from '../model';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
type Fail = { ok: false; error: string };

export const HANDLE_HELP: Record<Site, { label: string; example: string; hint: string }> = {
  instagram: { label: i18n.t('lib.accounts.help.instagram.label'), example: 'sam.rivera', hint: i18n.t('lib.accounts.help.instagram.hint') },
  facebook: {
    label: i18n.t('lib.accounts.help.facebook.label'),
    example: 'sam.rivera.5',
    hint: i18n.t('lib.accounts.help.facebook.hint'),
  },
  x: {
    label: i18n.t('lib.accounts.help.x.label'),
    example: 'samriv',
    hint: i18n.t('lib.accounts.help.x.hint'),
  },
  tiktok: {
    label: i18n.t('lib.accounts.help.tiktok.label'),
    example: 'sam.rivera',
    hint: i18n.t('lib.accounts.help.tiktok.hint'),
  },
  threads: {
    label: i18n.t('lib.accounts.help.threads.label'),
    example: 'sam.rivera',
    hint: i18n.t('lib.accounts.help.threads.hint'),
  },
  linkedin: {
    label: i18n.t('lib.accounts.help.linkedin.label'),
    example: 'sam-rivera-4b2a1c',
    hint: i18n.t('lib.accounts.help.linkedin.hint'),
  },
  reddit: { label: i18n.t('lib.accounts.help.reddit.label'), example: 'sam_rivera', hint: i18n.t('lib.accounts.help.reddit.hint') },
  youtube: {
    label: i18n.t('lib.accounts.help.youtube.label'),
    example: '@samrivera',
    hint: i18n.t('lib.accounts.help.youtube.hint'),
  },
  bluesky: {
    label: i18n.t('lib.accounts.help.bluesky.label'),
    example: 'samriv.bsky.social',
    hint: i18n.t('lib.accounts.help.bluesky.hint'),
  },
  whatsapp: {
    label: i18n.t('lib.accounts.help.whatsapp.label'),
    example: '+44 7700 900123',
    hint: i18n.t('lib.accounts.help.whatsapp.hint'),
  },
  snapchat: {
    label: i18n.t('lib.accounts.help.snapchat.label'),
    example: 'sam.rivera',
    hint: i18n.t('lib.accounts.help.snapchat.hint'),
  },
  telegram: { label: i18n.t('lib.accounts.help.telegram.label'), example: 'samrivera', hint: i18n.t('lib.accounts.help.telegram.hint') },
  discord: {
    label: i18n.t('lib.accounts.help.discord.label'),
    example: 'sam.rivera',
    hint: i18n.t('lib.accounts.help.discord.hint'),
  },
};

const MAX_INPUT = 2000;

/** Control, zero-width and direction-changing characters, and Hangul fillers that render blank. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u;
/** A zero-width joiner inside an emoji sequence is fine in display names. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\ufe0f?)\u200d(?=\p{Extended_Pictographic})/gu;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;
const NOT_PLAIN_ASCII = /[^\x20-\x7e]/;
/** Text typed into the handle box that is really a link. */
const LINKISH = /^(https?:)?\/\/|^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\//i;

const ERR = {
  emptyLink: i18n.t('lib.accounts.error.emptyLink'),
  longLink: i18n.t('lib.accounts.error.longLink'),
  hiddenLink: i18n.t('lib.accounts.error.hiddenLink'),
  spaceLink: i18n.t('lib.accounts.error.spaceLink'),
  garbled: i18n.t('lib.accounts.error.garbled'),
  notWeb: i18n.t('lib.accounts.error.notWeb'),
  credentials: i18n.t('lib.accounts.error.credentials'),
  port: i18n.t('lib.accounts.error.port'),
  lookalikeHost: i18n.t('lib.accounts.error.lookalikeHost'),
  handleNotLink: i18n.t('lib.accounts.error.handleNotLink'),
  hidden: i18n.t('lib.accounts.error.hidden'),
  lookalike: i18n.t('lib.accounts.error.lookalike'),
  mixedScripts: i18n.t('lib.accounts.error.mixedScripts'),
  video: i18n.t('lib.accounts.error.video'),
  messenger: i18n.t('lib.accounts.error.messenger'),
  short: i18n.t('lib.accounts.error.short'),
  snapChat: i18n.t('lib.accounts.error.snapChat'),
  discordInvite: i18n.t('lib.accounts.error.discordInvite'),
  discordChat: i18n.t('lib.accounts.error.discordChat'),
  telegramGroup: i18n.t('lib.accounts.error.telegramGroup'),
  company: i18n.t('lib.accounts.error.company'),
  subreddit: i18n.t('lib.accounts.error.subreddit'),
  phoneLength: i18n.t('lib.accounts.error.phoneLength'),
};

interface Rule {
  /** The site's name as people know it. */
  name: string;
  /** Exact host names; anything else is another site. */
  hosts: readonly string[];
  /** What a profile link looks like, for messages. */
  example: string;
  /** What a valid handle looks like; ends every "that isn't valid" message. */
  rule: string;
  /** Handles may hold non-ASCII text (display names, LinkedIn addresses). */
  unicode?: boolean;
  /** Site pages that sit where a username would. */
  reserved?: ReadonlySet<string>;
  /** Replaces the usual "not a profile" message for links on this site. */
  noProfile?: string;
  /** Trimmed text → normalised handle; undefined means it doesn't fit `rule`. */
  handle(h: string, fromLink: boolean): string | Fail | undefined;
  /** Decoded path segments → the raw handle the link names, if it names one. */
  link(seg: string[], url: URL): string | Fail | undefined;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Fail => ({ ok: false, error });
const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));
const stripAt = (h: string) => h.replace(/^@/, '');
/** s, if all of it matches re. */
const matching = (s: string | null | undefined, re: RegExp) => (s && re.test(s) ? s : undefined);
/** h in lowercase, if all of it matches re. */
const lower = (h: string, re: RegExp) => (re.test(h) ? h.toLowerCase() : undefined);

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function decodePath(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}

/** A word mixing Latin with letters that look Latin, like "sаm" with a Cyrillic а. */
const mixesScripts = (s: string) =>
  s.split(/[\s._-]+/).some((word) => LATIN.test(word) && LOOKALIKE_SCRIPTS.test(word));

function isDomain(s: string): boolean {
  const labels = s.split('.');
  return (
    s.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) &&
    /^[a-z]/.test(labels[labels.length - 1] ?? '')
  );
}

const IG_USER = /^[a-z0-9._]{1,30}$/i;
const IG_RESERVED = words(
  'p reel reels tv stories explore direct accounts about legal developer developers web api emails challenge ' +
    'privacy terms press directory topics locations oauth session graphql static help nametag lite ar',
);
const NUMERIC_ID = /^\d{1,20}$/;
const YT_CHANNEL = /^UC[A-Za-z0-9_-]{22}$/;
const SNOWFLAKE = /^\d{15,25}$/;

const RULES: Record<Site, Rule> = {
  instagram: {
    name: 'Instagram',
    hosts: ['instagram.com', 'www.instagram.com', 'm.instagram.com'],
    example: 'https://www.instagram.com/name/',
    rule: i18n.t('lib.accounts.rule.instagram'),
    reserved: IG_RESERVED,
    handle: (h) => lower(stripAt(h), IG_USER),
    // /stories/<name>/ is that person's story; /_u/<name> is the app's deep link.
    link: ([a, b]) => (a === 'stories' ? (b === 'highlights' ? undefined : b) : a === '_u' ? b : a),
  },
  facebook: {
    name: 'Facebook',
    hosts: [
      'facebook.com',
      'www.facebook.com',
      'm.facebook.com',
      'mobile.facebook.com',
      'mbasic.facebook.com',
      'touch.facebook.com',
      'web.facebook.com',
      'fb.com',
      'www.fb.com',
    ],
    example: 'https://www.facebook.com/name',
    rule: i18n.t('lib.accounts.rule.facebook'),
    reserved: words(
      'groups pages watch marketplace events gaming games stories messages friends photo photo.php photos story.php ' +
        'permalink.php reel reels share sharer sharer.php login login.php logout.php home.php notifications settings ' +
        'search hashtag help privacy policies legal bookmarks saved memories fundraisers ads business live videos ' +
        'video.php media dialog plugins checkpoint recover signup reg composer feeds menu about careers l.php',
    ),
    handle: (h) => (NUMERIC_ID.test(h) ? h : lower(h, /^[a-z0-9.]{5,50}$/i)),
    link: ([a, , c], url) => {
      if (a === 'profile.php') return matching(url.searchParams.get('id'), NUMERIC_ID);
      if (a === 'people') return matching(c, NUMERIC_ID); // /people/<Name>/<id>/
      return a;
    },
  },
  x: {
    name: 'X',
    hosts: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    example: 'https://x.com/name',
    rule: i18n.t('lib.accounts.rule.x'),
    reserved: words(
      'home explore search notifications messages settings i compose login logout signup tos privacy about help ' +
        'jobs download hashtag intent share account',
    ),
    handle: (h) => {
      const v = stripAt(h);
      return NUMERIC_ID.test(v) ? v : lower(v, /^[a-z0-9_]{1,15}$/i);
    },
    link: ([a, b, c]) => (a === 'i' ? (b === 'user' ? matching(c, NUMERIC_ID) : undefined) : a),
  },
  tiktok: {
    name: 'TikTok',
    hosts: ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'],
    example: 'https://www.tiktok.com/@name',
    rule: i18n.t('lib.accounts.rule.tiktok'),
    handle: (h) => lower(stripAt(h), /^[a-z0-9._]{2,24}$/i),
    link: ([a]) => (a === 't' ? fail(ERR.short) : a?.startsWith('@') ? a : undefined),
  },
  threads: {
    name: 'Threads',
    hosts: ['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net'],
    example: 'https://www.threads.com/@name',
    rule: i18n.t('lib.accounts.rule.threads'),
    handle: (h) => lower(stripAt(h), IG_USER),
    link: ([a]) => (a?.startsWith('@') ? a : undefined),
  },
  linkedin: {
    name: 'LinkedIn',
    hosts: ['linkedin.com', 'www.linkedin.com', 'm.linkedin.com'],
    example: 'https://www.linkedin.com/in/name/',
    rule: i18n.t('lib.accounts.rule.linkedin'),
    unicode: true,
    // Stored percent-encoded and lowercased, the way it appears in the address.
    handle: (h) => {
      const slug = (h.includes('%') ? decode(h) : h)?.normalize('NFC');
      if (!slug || !/^[\p{L}\p{M}\p{N}-]{3,100}$/u.test(slug)) return undefined;
      if (mixesScripts(slug)) return fail(`${ERR.mixedScripts} ${RULES.linkedin.rule}`);
      return encodeURIComponent(slug.toLowerCase()).toLowerCase();
    },
    link: ([a, b]) =>
      a === 'in' ? b : a === 'company' || a === 'school' || a === 'showcase' ? fail(ERR.company) : undefined,
  },
  reddit: {
    name: 'Reddit',
    hosts: ['reddit.com', 'www.reddit.com', 'old.reddit.com', 'new.reddit.com', 'm.reddit.com', 'np.reddit.com'],
    example: 'https://www.reddit.com/user/name/',
    rule: i18n.t('lib.accounts.rule.reddit'),
    handle: (h) => lower(h.replace(/^\/?u(ser)?\//i, ''), /^[a-z0-9_-]{3,20}$/i),
    link: ([a, b]) => (a === 'user' || a === 'u' ? b : a === 'r' ? fail(ERR.subreddit) : undefined),
  },
  youtube: {
    name: 'YouTube',
    hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
    example: 'https://www.youtube.com/@name',
    rule: i18n.t('lib.accounts.rule.youtube'),
    // Channel ids are case-sensitive; handles and the older /c/ and /user/ names are not.
    handle: (h) => {
      if (YT_CHANNEL.test(h)) return h;
      if (h.startsWith('@')) return lower(h.slice(1), /^[a-z0-9._-]{3,30}$/i);
      return lower(h, /^[a-z0-9._-]{1,100}$/i);
    },
    link: ([a, b]) => {
      if (a?.startsWith('@')) return a;
      if (a === 'channel') return b && YT_CHANNEL.test(b) ? b : undefined;
      if (a === 'c' || a === 'user') return b;
      if (a === 'watch' || a === 'shorts' || a === 'live' || a === 'embed' || a === 'v') return fail(ERR.video);
      return undefined;
    },
  },
  bluesky: {
    name: 'Bluesky',
    hosts: ['bsky.app'],
    example: 'https://bsky.app/profile/name.bsky.social',
    rule: i18n.t('lib.accounts.rule.bluesky'),
    handle: (h) => {
      const v = stripAt(h).toLowerCase();
      if (/^did:plc:[a-z2-7]{24}$/.test(v)) return v;
      if (v.startsWith('did:web:')) return isDomain(v.slice(8)) ? v : undefined;
      if (!v.includes('.')) return fail(i18n.t('lib.accounts.error.blueskyDot'));
      return isDomain(v) ? v : undefined;
    },
    link: ([a, b]) => (a === 'profile' ? b : undefined),
  },
  whatsapp: {
    name: 'WhatsApp',
    hosts: ['wa.me', 'api.whatsapp.com', 'web.whatsapp.com', 'chat.whatsapp.com', 'whatsapp.com', 'www.whatsapp.com'],
    example: 'https://wa.me/15551234567',
    rule: i18n.t('lib.accounts.rule.whatsapp'),
    unicode: true,
    noProfile: i18n.t('lib.accounts.error.whatsappNoProfile'),
    handle: (h, fromLink) => {
      if (/^[\d\s()+.-]+$/.test(h) && /\d/.test(h)) {
        const digits = h.replace(/\D/g, '');
        if (!/^\+?[\d\s().-]+$/.test(h) || digits.length < 7 || digits.length > 15) return fail(ERR.phoneLength);
        return h.startsWith('+') ? `+${digits}` : digits;
      }
      const name = h.replace(/\s+/g, ' ');
      return fromLink || name.length > 100 ? undefined : name;
    },
    link: ([a, ...rest], url) => {
      const phone = url.hostname === 'wa.me' && rest.length === 0 ? a : url.searchParams.get('phone');
      return matching(phone?.trim().replace(/^\+/, ''), /^\d+$/);
    },
  },
  snapchat: {
    name: 'Snapchat',
    hosts: ['snapchat.com', 'www.snapchat.com'],
    example: 'https://www.snapchat.com/add/name',
    rule: i18n.t('lib.accounts.rule.snapchat'),
    unicode: true,
    handle: (h, fromLink) => {
      const user = lower(stripAt(h), /^[a-z0-9._-]{3,15}$/i);
      if (user || fromLink) return user;
      return h.length <= 100 ? h : undefined;
    },
    link: ([a, b]) => (a === 'add' ? b : a?.startsWith('@') ? a : undefined),
  },
  telegram: {
    name: 'Telegram',
    hosts: ['t.me', 'telegram.me', 'www.telegram.me', 'web.telegram.org'],
    example: 'https://t.me/name',
    rule: i18n.t('lib.accounts.rule.telegram'),
    reserved: words(
      'joinchat addstickers addemoji addtheme addlist share proxy socks setlanguage confirmphone login invoice ' +
        'boost contact giftcode iv bg c s',
    ),
    handle: (h) => {
      const v = stripAt(h);
      if (/^-\d+$/.test(v)) return fail(ERR.telegramGroup);
      return /^[1-9]\d{0,19}$/.test(v) ? v : lower(v, /^[a-z0-9_]{5,32}$/i);
    },
    link: ([a, b, ...rest], url) => {
      if (url.hostname === 'web.telegram.org') {
        // The web app keeps the open chat in the fragment: #@username, or #<peer id> (negative for groups).
        const chat = decode(url.hash.slice(1)) ?? '';
        if (/^-\d+$/.test(chat)) return fail(ERR.telegramGroup);
        return chat.startsWith('@') || /^\d+$/.test(chat) ? chat : undefined;
      }
      if (a === 'joinchat' || a === 'c' || a?.startsWith('+')) return fail(ERR.telegramGroup);
      return b === undefined && rest.length === 0 ? a : undefined;
    },
  },
  discord: {
    name: 'Discord',
    hosts: ['discord.com', 'www.discord.com', 'ptb.discord.com', 'canary.discord.com', 'discordapp.com', 'www.discordapp.com'],
    example: 'https://discord.com/users/123456789012345678',
    rule: i18n.t('lib.accounts.rule.discord'),
    handle: (h, fromLink) => {
      const v = stripAt(h);
      if (/#\d{1,4}$/.test(v)) return fail(i18n.t('lib.accounts.error.discordTag'));
      if (/^\d+$/.test(v)) return SNOWFLAKE.test(v) ? v : fail(i18n.t('lib.accounts.error.discordId'));
      return fromLink ? undefined : lower(v, /^[a-z0-9_.]{2,32}$/i);
    },
    link: ([a, b]) => {
      if (a === 'users') return matching(b, SNOWFLAKE);
      if (a === 'channels') return fail(ERR.discordChat);
      if (a === 'invite') return fail(ERR.discordInvite);
      return undefined;
    },
  },
};

const SITE_BY_HOST = new Map<string, Site>(SITES.flatMap((site) => RULES[site].hosts.map((host) => [host, site] as const)));

/** Real hosts that never lead to a profile. */
const ELSEWHERE = new Map<string, string>([
  ['youtu.be', ERR.video],
  ['messenger.com', ERR.messenger],
  ['www.messenger.com', ERR.messenger],
  ['m.me', ERR.messenger],
  ['vm.tiktok.com', ERR.short],
  ['vt.tiktok.com', ERR.short],
  ['lnkd.in', ERR.short],
  ['t.co', ERR.short],
  ['fb.me', ERR.short],
  ['redd.it', ERR.short],
  ['discord.gg', ERR.discordInvite],
  ['web.snapchat.com', ERR.snapChat],
]);

const SUPPORTED = (() => {
  const names = SITES.map((site) => (site === 'x' ? 'X (Twitter)' : RULES[site].name));
  return i18n.t('common.listPair', [names.slice(0, -1).join(', '), names[names.length - 1] ?? '']);
})();

function otherSite(host: string): string {
  // "instagram.com.evil.io" and "www.instagram.com.evil.io" borrow a real name.
  for (const [known, site] of SITE_BY_HOST) {
    if (host.startsWith(`${known}.`) || host.includes(`.${known}.`)) {
      const { name } = RULES[site];
      return i18n.t('lib.accounts.error.borrowedName', [name]);
    }
  }
  return i18n.t('lib.accounts.error.otherSite', [host.slice(0, 40), SUPPORTED]);
}

function notProfile(rule: Rule, seg: string[]): string {
  if (rule.noProfile) return rule.noProfile;
  if (seg.length === 0) {
    return i18n.t('lib.accounts.error.homePage', [rule.name]);
  }
  return i18n.t('lib.accounts.error.notProfile', [rule.name, rule.example]);
}

/** Checks and normalises a handle that has already been trimmed and size-checked. */
function normalise(site: Site, h: string, fromLink: boolean): Parsed<string> {
  const rule = RULES[site];
  if (HIDDEN.test(h.replace(EMOJI_JOINER, ''))) return fail(ERR.hidden);
  if (!rule.unicode && NOT_PLAIN_ASCII.test(h)) return fail(`${ERR.lookalike} ${rule.rule}`);
  if (mixesScripts(h)) return fail(`${ERR.mixedScripts} ${rule.rule}`);
  const value = rule.handle(h, fromLink);
  if (value === undefined) return fail(!rule.unicode && /\s/.test(h) ? `${i18n.t('lib.accounts.error.space')} ${rule.rule}` : rule.rule);
  if (typeof value !== 'string') return value;
  if (rule.reserved?.has(value)) {
    return fail(`${i18n.t('lib.accounts.error.reserved', [value, rule.name, HANDLE_HELP[site].label.toLowerCase()])} ${rule.rule}`);
  }
  return ok(value);
}

/** Normalises and validates a handle typed for `site`. Also used when restoring backups. */
export function validateHandle(site: Site, raw: string): Parsed<string> {
  if (!(SITES as readonly string[]).includes(site)) return fail(i18n.t('lib.accounts.error.chooseSite'));
  const label = HANDLE_HELP[site].label.toLowerCase();
  if (typeof raw !== 'string' || !raw.trim()) return fail(i18n.t('lib.accounts.error.empty', [label]));
  if (raw.length > MAX_INPUT) return fail(i18n.t('lib.accounts.error.long', [label]));
  const h = raw.trim();
  if (LINKISH.test(h)) {
    const parsed = parseProfileLink(h);
    if (!parsed.ok) return parsed;
    if (parsed.value.site === site) return ok(parsed.value.handle);
    const other = RULES[parsed.value.site].name;
    return fail(i18n.t('lib.accounts.error.otherSiteChosen', [other, RULES[site].name]));
  }
  return normalise(site, h, false);
}

/** Reads a pasted profile link from any supported site. */
export function parseProfileLink(input: string): Parsed<Account> {
  if (typeof input !== 'string' || !input.trim()) return fail(ERR.emptyLink);
  if (input.length > MAX_INPUT) return fail(ERR.longLink);
  const text = input.trim();
  if (HIDDEN.test(text)) return fail(ERR.hiddenLink);
  if (/\s/.test(text)) return fail(ERR.spaceLink);
  if (text.includes('\\')) return fail(ERR.garbled);
  if (!/[/:]/.test(text) && (text.startsWith('@') || !text.includes('.'))) return fail(ERR.handleNotLink);

  // A "scheme" with a dot in it is really a host with a port, like instagram.com:8080.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  let href = text;
  if (scheme && !scheme.includes('.')) {
    if (!/^https?$/i.test(scheme)) return fail(ERR.notWeb);
  } else {
    href = text.startsWith('//') ? `https:${text}` : `https://${text}`;
  }
  // Checked on the raw text because URL quietly converts non-ASCII hosts and drops empty credentials.
  const authority = href.replace(/^[a-z]+:\/*/i, '').split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return fail(ERR.credentials);
  if (NOT_PLAIN_ASCII.test(authority)) return fail(ERR.lookalikeHost);

  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return fail(ERR.garbled);
  }
  if (url.username || url.password) return fail(ERR.credentials);
  if (url.port) return fail(ERR.port);
  const host = url.hostname.replace(/\.$/, '');
  if (/(^|\.)xn--/.test(host)) return fail(ERR.lookalikeHost);
  const site = SITE_BY_HOST.get(host);
  if (!site) return fail(ELSEWHERE.get(host) ?? otherSite(host));

  const segments = decodePath(url.pathname);
  if (!segments) return fail(ERR.garbled);
  const rule = RULES[site];
  const found = rule.link(segments, url);
  if (found === undefined) return fail(notProfile(rule, segments));
  if (typeof found !== 'string') return found;
  if (rule.reserved?.has(found.toLowerCase())) return fail(notProfile(rule, segments));
  const handle = normalise(site, found, true);
  return handle.ok ? ok({ site, handle: handle.value }) : handle;
}
