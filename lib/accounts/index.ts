/**
 * Turns what someone pastes or types on the options page into an Account: a supported site plus
 * the handle the site adapters match on. Hosts and handles are checked against exact rules,
 * because a loose match could hide the wrong person, or no one.
 *
 * Error messages are read by someone having a hard time: calm, plain, and saying what works
 * instead. They never echo more than a host name or one of our own reserved words.
 */
import { SITES, type Account, type Site } from '../model';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
type Fail = { ok: false; error: string };

export const HANDLE_HELP: Record<Site, { label: string; example: string; hint: string }> = {
  instagram: { label: 'Username', example: 'sam.rivera', hint: 'The name after instagram.com/' },
  facebook: {
    label: 'Profile name or numeric id',
    example: 'sam.rivera.5',
    hint:
      'The name after facebook.com/. If their link looks like profile.php?id=1000…, use that number instead. ' +
      'The number also helps hide their stories and chats; you can find it in the link of one of their stories (facebook.com/stories/<number>/…) or of a chat with them (facebook.com/messages/t/<number>/).',
  },
  x: {
    label: 'Username or user id',
    example: 'samriv',
    hint: 'The name after x.com/, without the @. Their numeric user id also works and helps hide chats: it is the other number in the link of a chat with them (x.com/i/chat/<one>-<other>).',
  },
  tiktok: {
    label: 'Username',
    example: 'sam.rivera',
    hint: 'The name after tiktok.com/@. TikTok’s chat list shows only display names, so Clean Break hides the chat whose name is exactly the name you gave this person: enter it as it appears in your TikTok chats.',
  },
  threads: {
    label: 'Username',
    example: 'sam.rivera',
    hint: 'The name after threads.com/@, usually the same as their Instagram username.',
  },
  linkedin: {
    label: 'Profile address name',
    example: 'sam-rivera-4b2a1c',
    hint: 'The part after linkedin.com/in/ in their profile link.',
  },
  reddit: { label: 'Username', example: 'sam_rivera', hint: 'The name after reddit.com/user/ or u/' },
  youtube: {
    label: 'Handle or channel id',
    example: '@samrivera',
    hint: 'The @name on their channel, or the id starting with UC from a youtube.com/channel/ link.',
  },
  bluesky: {
    label: 'Handle',
    example: 'samriv.bsky.social',
    hint: 'Their full handle including the dots, as it appears after bsky.app/profile/. A did:plc: id also works.',
  },
  whatsapp: {
    label: 'Contact name or phone number',
    example: '+44 7700 900123',
    hint: 'WhatsApp has no profile links. Use their name exactly as it shows in your chats, or their number with the country code.',
  },
  snapchat: {
    label: 'Username or display name',
    example: 'sam.rivera',
    hint: 'The name after snapchat.com/add/. Snapchat on the web shows chats by display name, so that works too.',
  },
  telegram: { label: 'Username', example: 'samrivera', hint: 'The name after t.me/, without the @.' },
  discord: {
    label: 'Username or user id',
    example: 'sam.rivera',
    hint: 'Their username (not their display name), or the number from “Copy User ID”.',
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
  emptyLink: 'Paste a link to their profile first.',
  longLink: 'That’s much longer than any profile link. Paste just the link to their profile.',
  hiddenLink:
    'That link has a hidden character in it, which can happen when copying. Copy it again straight from the address bar or share menu.',
  spaceLink: 'That has a space in it, and links never do. Copy the link straight from the address bar or share menu.',
  garbled: 'That doesn’t look like a complete link. Copy it straight from the address bar or share menu.',
  notWeb: 'Only web links that start with https:// can be used here. Copy the link from their profile page in your browser.',
  credentials:
    'That link has an extra name and @ before the site’s address, which real profile links never have. Copy the link straight from the site.',
  port: 'That link includes a port number (like :8080), which real profile links don’t have. Copy the link straight from the site.',
  lookalikeHost:
    'That address uses look-alike letters, so it isn’t the real site. Copy the link straight from the site’s address bar.',
  handleNotLink:
    'That looks like a username rather than a link. Choose the site below and type it there, or paste their whole profile link.',
  hidden: 'That has a hidden character in it, which can happen when copying. Try typing it in by hand.',
  lookalike: 'That includes a character that isn’t a plain a–z letter or number, such as a look-alike from another alphabet.',
  mixedScripts: 'That mixes look-alike letters from different alphabets, such as a Cyrillic “а” among English letters.',
  video: 'That looks like a YouTube video link, not a channel. Paste the channel link, like https://www.youtube.com/@name.',
  messenger:
    'Messenger links lead to a chat, not a profile. Paste their Facebook profile link instead, or choose Facebook and type their profile name or id.',
  short: 'That’s a shortened link, which hides whose profile it leads to. Open it first, then copy the link from their profile page.',
  snapChat:
    'Snapchat chat links don’t show who the chat is with. Choose Snapchat and type their username or display name instead.',
  discordInvite:
    'That’s an invite to a Discord server, not a person. Paste a link like https://discord.com/users/123456789012345678, or type their username.',
  discordChat:
    'That Discord link leads to a chat, not a person. Paste a link like https://discord.com/users/123456789012345678, or type their username.',
  telegramGroup:
    'That’s a Telegram group or channel, not a person. Use their username instead, the name after t.me/ on their profile.',
  company: 'That’s a LinkedIn page for a company or school, not a person. Paste their profile link, like https://www.linkedin.com/in/name/.',
  subreddit: 'That’s a subreddit, not a person. Paste their profile link, like https://www.reddit.com/user/name/.',
  phoneLength: 'Phone numbers need 7 to 15 digits, including the country code.',
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
const IG_RULE = 'usernames use letters, numbers, periods and underscores (up to 30).';
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
    rule: `Instagram ${IG_RULE}`,
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
    rule: 'Facebook profile names use letters, numbers and periods (5 to 50). The number from a profile.php?id= link works too.',
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
    rule: 'X usernames use letters, numbers and underscores (up to 15). A numeric user id works too.',
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
    rule: 'TikTok usernames use letters, numbers, periods and underscores (2 to 24).',
    handle: (h) => lower(stripAt(h), /^[a-z0-9._]{2,24}$/i),
    link: ([a]) => (a === 't' ? fail(ERR.short) : a?.startsWith('@') ? a : undefined),
  },
  threads: {
    name: 'Threads',
    hosts: ['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net'],
    example: 'https://www.threads.com/@name',
    rule: `Threads ${IG_RULE}`,
    handle: (h) => lower(stripAt(h), IG_USER),
    link: ([a]) => (a?.startsWith('@') ? a : undefined),
  },
  linkedin: {
    name: 'LinkedIn',
    hosts: ['linkedin.com', 'www.linkedin.com', 'm.linkedin.com'],
    example: 'https://www.linkedin.com/in/name/',
    rule: 'LinkedIn profile addresses use letters, numbers and hyphens (3 to 100), like the part after linkedin.com/in/.',
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
    rule: 'Reddit usernames use letters, numbers, hyphens and underscores (3 to 20).',
    handle: (h) => lower(h.replace(/^\/?u(ser)?\//i, ''), /^[a-z0-9_-]{3,20}$/i),
    link: ([a, b]) => (a === 'user' || a === 'u' ? b : a === 'r' ? fail(ERR.subreddit) : undefined),
  },
  youtube: {
    name: 'YouTube',
    hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
    example: 'https://www.youtube.com/@name',
    rule: 'YouTube handles use letters, numbers, periods, hyphens and underscores (3 to 30), like @name. A channel id starting with UC works too.',
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
    rule: 'Bluesky handles look like a web address, such as name.bsky.social, or an id starting with did:plc: or did:web:.',
    handle: (h) => {
      const v = stripAt(h).toLowerCase();
      if (/^did:plc:[a-z2-7]{24}$/.test(v)) return v;
      if (v.startsWith('did:web:')) return isDomain(v.slice(8)) ? v : undefined;
      if (!v.includes('.')) return fail('Bluesky handles include a dot, like name.bsky.social. Check their profile for the full handle.');
      return isDomain(v) ? v : undefined;
    },
    link: ([a, b]) => (a === 'profile' ? b : undefined),
  },
  whatsapp: {
    name: 'WhatsApp',
    hosts: ['wa.me', 'api.whatsapp.com', 'web.whatsapp.com', 'chat.whatsapp.com', 'whatsapp.com', 'www.whatsapp.com'],
    example: 'https://wa.me/15551234567',
    rule: 'Type their name as it shows in WhatsApp (up to 100 characters), or their phone number with 7 to 15 digits.',
    unicode: true,
    noProfile:
      'That WhatsApp link doesn’t include a phone number, and WhatsApp has no profile links. Choose WhatsApp and type their contact name or phone number instead.',
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
    rule: 'Snapchat usernames use letters, numbers, periods, hyphens and underscores (3 to 15). A display name of up to 100 characters works too.',
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
    rule: 'Telegram usernames use letters, numbers and underscores (5 to 32).',
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
    rule: 'Discord usernames use lowercase letters, numbers, periods and underscores (2 to 32). A numeric user id works too.',
    handle: (h, fromLink) => {
      const v = stripAt(h);
      if (/#\d{1,4}$/.test(v)) return fail('Discord no longer uses #1234 tags. Type their current username, or their numeric user id.');
      if (/^\d+$/.test(v)) return SNOWFLAKE.test(v) ? v : fail('Discord user ids are long numbers (15 to 25 digits). Check you copied the whole id.');
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
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
})();

function otherSite(host: string): string {
  // "instagram.com.evil.io" and "www.instagram.com.evil.io" borrow a real name.
  for (const [known, site] of SITE_BY_HOST) {
    if (host.startsWith(`${known}.`) || host.includes(`.${known}.`)) {
      const { name } = RULES[site];
      return `That address only looks like ${name}: it belongs to a different site. Copy the link straight from ${name} instead.`;
    }
  }
  return `Clean Break can’t use links from ${host.slice(0, 40)}. It works with ${SUPPORTED}.`;
}

function notProfile(rule: Rule, seg: string[]): string {
  if (rule.noProfile) return rule.noProfile;
  if (seg.length === 0) {
    return `That’s the ${rule.name} home page, not anyone’s profile. Open their profile and copy the link from there.`;
  }
  return `That ${rule.name} link doesn’t lead to a person’s profile. Open their profile and copy its link, which looks like ${rule.example}.`;
}

/** Checks and normalises a handle that has already been trimmed and size-checked. */
function normalise(site: Site, h: string, fromLink: boolean): Parsed<string> {
  const rule = RULES[site];
  if (HIDDEN.test(h.replace(EMOJI_JOINER, ''))) return fail(ERR.hidden);
  if (!rule.unicode && NOT_PLAIN_ASCII.test(h)) return fail(`${ERR.lookalike} ${rule.rule}`);
  if (mixesScripts(h)) return fail(`${ERR.mixedScripts} ${rule.rule}`);
  const value = rule.handle(h, fromLink);
  if (value === undefined) return fail(!rule.unicode && /\s/.test(h) ? `That has a space in it. ${rule.rule}` : rule.rule);
  if (typeof value !== 'string') return value;
  if (rule.reserved?.has(value)) {
    return fail(`“${value}” is a page on ${rule.name}, not someone’s ${HANDLE_HELP[site].label.toLowerCase()}. ${rule.rule}`);
  }
  return ok(value);
}

/** Normalises and validates a handle typed for `site`. Also used when restoring backups. */
export function validateHandle(site: Site, raw: string): Parsed<string> {
  if (!(SITES as readonly string[]).includes(site)) return fail('Choose one of the supported sites first.');
  const label = HANDLE_HELP[site].label.toLowerCase();
  if (typeof raw !== 'string' || !raw.trim()) return fail(`Type their ${label} first.`);
  if (raw.length > MAX_INPUT) return fail(`That’s much longer than any ${label}. Check you pasted only their ${label}.`);
  const h = raw.trim();
  if (LINKISH.test(h)) {
    const parsed = parseProfileLink(h);
    if (!parsed.ok) return parsed;
    if (parsed.value.site === site) return ok(parsed.value.handle);
    const other = RULES[parsed.value.site].name;
    return fail(`That link is from ${other}, but ${RULES[site].name} is chosen. Choose ${other} instead, or paste the link in the link box.`);
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
