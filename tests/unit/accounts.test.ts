import { describe, it, expect } from 'vitest';
import { HANDLE_HELP, parseProfileLink, validateHandle } from '../../lib/accounts';
import { SITES, type Site } from '../../lib/model';

const CHANNEL_ID = 'UCabcdefghijklmnopqrstuV';
const DID_PLC = 'did:plc:abcdefghijklmnopqrstuvwx';

const GOOD_LINKS: [input: string, site: Site, handle: string][] = [
  ['https://www.instagram.com/sam.rivera/', 'instagram', 'sam.rivera'],
  ['instagram.com/sam.rivera', 'instagram', 'sam.rivera'],
  ['https://www.instagram.com/sam.rivera?igsh=MWZ0bXk5cGx', 'instagram', 'sam.rivera'],
  ['http://instagram.com/Sam.Rivera/reels/', 'instagram', 'sam.rivera'],
  ['https://www.instagram.com/sam.rivera/tagged/#top', 'instagram', 'sam.rivera'],
  ['https://www.instagram.com/stories/sam.rivera/3312345678901234567/', 'instagram', 'sam.rivera'],
  ['https://m.instagram.com/sam_rivera', 'instagram', 'sam_rivera'],
  ['https://www.instagram.com/sam.rivera2/', 'instagram', 'sam.rivera2'],

  ['https://www.facebook.com/profile.php?id=100004567890123', 'facebook', '100004567890123'],
  ['https://m.facebook.com/profile.php?id=100004567890123&sk=photos', 'facebook', '100004567890123'],
  ['https://www.facebook.com/people/Sam-Rivera/100004567890123/', 'facebook', '100004567890123'],
  ['https://www.facebook.com/Sam.Rivera.5', 'facebook', 'sam.rivera.5'],
  ['fb.com/sam.rivera.5/', 'facebook', 'sam.rivera.5'],
  ['https://mobile.facebook.com/sam.rivera.5?ref=bookmarks', 'facebook', 'sam.rivera.5'],

  ['https://x.com/samriv', 'x', 'samriv'],
  ['https://twitter.com/SamRiv/status/1790000000000000000', 'x', 'samriv'],
  ['x.com/samriv/with_replies', 'x', 'samriv'],
  ['https://mobile.twitter.com/samriv?lang=en', 'x', 'samriv'],
  ['https://www.x.com/sam_riv/', 'x', 'sam_riv'],
  ['https://x.com/i/user/1234567890', 'x', '1234567890'],

  ['https://www.tiktok.com/@sam.rivera', 'tiktok', 'sam.rivera'],
  ['https://www.tiktok.com/@sam.rivera/video/7312345678901234567?is_from_webapp=1', 'tiktok', 'sam.rivera'],
  ['tiktok.com/@Sam_Rivera', 'tiktok', 'sam_rivera'],
  ['https://m.tiktok.com/@sam.rivera/', 'tiktok', 'sam.rivera'],

  ['https://www.threads.com/@sam.rivera', 'threads', 'sam.rivera'],
  ['https://www.threads.net/@sam.rivera/post/C8abcDEF123', 'threads', 'sam.rivera'],
  ['threads.net/@Sam.Rivera', 'threads', 'sam.rivera'],
  ['https://threads.com/@sam_rivera?xmt=AQGz', 'threads', 'sam_rivera'],

  ['https://www.linkedin.com/in/sam-rivera-4b2a1c/', 'linkedin', 'sam-rivera-4b2a1c'],
  ['linkedin.com/in/Sam-Rivera', 'linkedin', 'sam-rivera'],
  ['https://m.linkedin.com/in/sam-rivera-4b2a1c/details/experience/', 'linkedin', 'sam-rivera-4b2a1c'],
  ['https://www.linkedin.com/in/jos%C3%A9-rivera/', 'linkedin', 'jos%c3%a9-rivera'],
  ['https://www.linkedin.com/in/josé-rivera', 'linkedin', 'jos%c3%a9-rivera'],

  ['https://www.reddit.com/user/sam_rivera/', 'reddit', 'sam_rivera'],
  ['https://old.reddit.com/u/Sam-Rivera', 'reddit', 'sam-rivera'],
  ['reddit.com/user/sam_rivera/comments/', 'reddit', 'sam_rivera'],
  ['https://new.reddit.com/u/sam_rivera/?sort=new', 'reddit', 'sam_rivera'],

  ['https://www.youtube.com/@SamRivera', 'youtube', 'samrivera'],
  ['https://youtube.com/@sam.rivera/videos', 'youtube', 'sam.rivera'],
  [`https://www.youtube.com/channel/${CHANNEL_ID}`, 'youtube', CHANNEL_ID],
  ['https://m.youtube.com/c/SamRiveraMusic', 'youtube', 'samriveramusic'],
  ['https://www.youtube.com/user/samrivera1990', 'youtube', 'samrivera1990'],

  ['https://bsky.app/profile/samriv.bsky.social', 'bluesky', 'samriv.bsky.social'],
  ['bsky.app/profile/SamRiv.bsky.social/post/3kabcdefg2x', 'bluesky', 'samriv.bsky.social'],
  [`https://bsky.app/profile/${DID_PLC}`, 'bluesky', DID_PLC],
  ['https://bsky.app/profile/sam.rivera.com/follows', 'bluesky', 'sam.rivera.com'],
  ['https://bsky.app/profile/did:web:sam.example.com', 'bluesky', 'did:web:sam.example.com'],

  ['https://wa.me/447700900123', 'whatsapp', '447700900123'],
  ['wa.me/15551234567?text=hi', 'whatsapp', '15551234567'],
  ['https://api.whatsapp.com/send?phone=447700900123', 'whatsapp', '447700900123'],
  ['https://api.whatsapp.com/send/?phone=%2B447700900123&text&type=phone_number', 'whatsapp', '447700900123'],
  ['https://web.whatsapp.com/send?phone=15551234567', 'whatsapp', '15551234567'],

  ['https://www.snapchat.com/add/sam.rivera', 'snapchat', 'sam.rivera'],
  ['snapchat.com/add/Sam-Rivera?share_id=abc', 'snapchat', 'sam-rivera'],
  ['https://snapchat.com/add/sam_rivera/', 'snapchat', 'sam_rivera'],
  ['https://www.snapchat.com/@sam.rivera', 'snapchat', 'sam.rivera'],

  ['https://t.me/samrivera', 'telegram', 'samrivera'],
  ['t.me/Sam_Rivera', 'telegram', 'sam_rivera'],
  ['https://telegram.me/samrivera/', 'telegram', 'samrivera'],
  ['https://web.telegram.org/k/#@samrivera', 'telegram', 'samrivera'],
  ['https://web.telegram.org/a/#123456789', 'telegram', '123456789'],
  ['https://web.telegram.org/#987654321', 'telegram', '987654321'],

  ['https://discord.com/users/123456789012345678', 'discord', '123456789012345678'],
  ['discord.com/users/123456789012345678/', 'discord', '123456789012345678'],
  ['https://discordapp.com/users/80351110224678912', 'discord', '80351110224678912'],
  ['https://ptb.discord.com/users/123456789012345678?x=1', 'discord', '123456789012345678'],
];

const GOOD_HANDLES: [site: Site, input: string, handle: string][] = [
  ['instagram', '@Sam.Rivera', 'sam.rivera'],
  ['instagram', '  sam_rivera  ', 'sam_rivera'],
  ['instagram', 'https://www.instagram.com/sam.rivera/', 'sam.rivera'],
  ['facebook', '100004567890123', '100004567890123'],
  ['facebook', 'Sam.Rivera.5', 'sam.rivera.5'],
  ['x', '@SamRiv', 'samriv'],
  ['x', '1234567890123456789', '1234567890123456789'],
  ['tiktok', '@sam.rivera', 'sam.rivera'],
  ['tiktok', 'SAM_R', 'sam_r'],
  ['threads', '@sam.rivera', 'sam.rivera'],
  ['threads', 'Sam.Rivera', 'sam.rivera'],
  ['linkedin', 'Sam-Rivera-4b2a1c', 'sam-rivera-4b2a1c'],
  ['linkedin', 'josé-rivera', 'jos%c3%a9-rivera'],
  ['linkedin', 'jos%C3%A9-rivera', 'jos%c3%a9-rivera'],
  ['reddit', 'u/Sam_Rivera', 'sam_rivera'],
  ['reddit', '/u/sam-rivera', 'sam-rivera'],
  ['reddit', 'sam_rivera', 'sam_rivera'],
  ['youtube', '@SamRivera', 'samrivera'],
  ['youtube', CHANNEL_ID, CHANNEL_ID],
  ['bluesky', '@SamRiv.bsky.social', 'samriv.bsky.social'],
  ['bluesky', DID_PLC, DID_PLC],
  ['whatsapp', '+44 7700 900123', '+447700900123'],
  ['whatsapp', '(555) 123-4567', '5551234567'],
  ['whatsapp', '  Sam   Rivera ', 'Sam Rivera'],
  ['whatsapp', 'Саша', 'Саша'],
  ['whatsapp', 'Sam ❤️', 'Sam ❤️'],
  ['snapchat', 'Sam.Rivera', 'sam.rivera'],
  ['snapchat', '@sam_r', 'sam_r'],
  ['snapchat', 'Sam 🌻 Rivera', 'Sam 🌻 Rivera'],
  ['telegram', '@Sam_Rivera', 'sam_rivera'],
  ['telegram', '123456789', '123456789'],
  ['discord', 'Sam.Rivera', 'sam.rivera'],
  ['discord', '123456789012345678', '123456789012345678'],
  ['discord', '@sam_r', 'sam_r'],
];

const LONG = 'x'.repeat(10_000);

const BAD_LINKS: string[] = [
  // Nothing there, or far too much.
  '',
  '   ',
  '\n\t',
  LONG,
  `https://www.instagram.com/${'a'.repeat(10_000)}/`,
  // Not web links.
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'chrome://settings',
  'chrome-extension://abcdefghijklmnop/options.html',
  'ftp://instagram.com/sam.rivera',
  'mailto:sam@example.com',
  'about:blank',
  // Other or look-alike sites.
  'https://example.com/sam.rivera',
  'https://www.pinterest.com/sam.rivera/',
  'https://notinstagram.com/sam.rivera',
  'https://instagram.com.evil.io/sam.rivera',
  'https://www.instagram.com.evil.io/sam.rivera',
  'https://lnstagram.com/sam.rivera',
  'https://xn--nstagram-8eb.com/sam.rivera',
  'https://instаgram.com/sam.rivera',
  'https://faceboоk.com/sam.rivera.5',
  'https://ｉｎｓｔａｇｒａｍ.com/sam.rivera',
  // Credentials, ports, hidden and odd characters.
  'https://user@instagram.com/sam.rivera',
  'https://instagram.com@evil.io/sam.rivera',
  'https://user:pass@x.com/samriv',
  'https://@instagram.com/sam.rivera',
  'https://instagram.com:8080/sam.rivera',
  'x.com:444/samriv',
  'https://www.instagram.com/sam\u200b.rivera/',
  'https://www.instagram.com/sam\u202erivera/',
  'https://www.instagram.com/sam rivera/',
  'https://www.instagram.com/sam%E2%80%8Brivera/',
  'https://www.instagram.com/s%D0%B0m.rivera/',
  'https://www.instagram.com/sam%ZZ/',
  'https://www.instagram.com\\@evil.io/sam',
  'https://www.instagram.com/<script>alert(1)</script>/',
  '<a href="https://x.com/samriv">Sam</a>',
  '"><img src=x onerror=alert(1)>',
  // Not links at all.
  'samriv',
  '@sam.rivera',
  'http://',
  'https://',
  '//',
  // Pages with no person on them.
  'https://www.instagram.com/',
  'https://www.instagram.com/p/C8abc123/',
  'https://www.instagram.com/reel/C8abc123/',
  'https://www.instagram.com/explore/tags/love/',
  'https://www.instagram.com/direct/inbox/',
  'https://www.instagram.com/accounts/login/',
  'https://www.instagram.com/stories/highlights/17900000000000000/',
  'https://www.facebook.com/groups/123456/',
  'https://www.facebook.com/watch/?v=123',
  'https://www.facebook.com/photo.php?fbid=123',
  'https://www.facebook.com/story.php?story_fbid=1&id=2',
  'https://www.facebook.com/profile.php',
  'https://www.facebook.com/profile.php?id=abc',
  'https://www.facebook.com/sam',
  'https://www.facebook.com/share/abc123/',
  'https://www.messenger.com/t/100004567890123',
  'https://x.com/home',
  'https://x.com/search?q=sam',
  'https://x.com/explore',
  'https://twitter.com/hashtag/love',
  'https://x.com/i/flow/login',
  'https://x.com/this_is_way_too_long_handle',
  'https://www.tiktok.com/foryou',
  'https://www.tiktok.com/sam.rivera',
  'https://vm.tiktok.com/ZMabc123/',
  'https://www.tiktok.com/@s',
  'https://www.threads.com/sam.rivera',
  'https://www.threads.net/',
  'https://www.linkedin.com/company/acme/',
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/in/ab/',
  'https://www.linkedin.com/in/s%D0%B0m-rivera/',
  'https://www.reddit.com/r/breakups/',
  'https://www.reddit.com/r/breakups/comments/abc/title/',
  'https://www.reddit.com/user/ab/',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://youtu.be/dQw4w9WgXcQ',
  'https://www.youtube.com/shorts/abc123',
  'https://www.youtube.com/channel/notachannel',
  'https://www.youtube.com/results?search_query=sam',
  'https://bsky.app/',
  'https://bsky.app/search?q=sam',
  'https://bsky.app/profile/samriv',
  'https://bsky.app/profile/did:plc:short',
  'https://wa.me/',
  'https://wa.me/123',
  'https://wa.me/message/ABC123',
  'https://chat.whatsapp.com/AbCdEf123',
  'https://web.whatsapp.com/',
  'https://www.snapchat.com/',
  'https://www.snapchat.com/add/a',
  'https://web.snapchat.com/',
  'https://t.me/joinchat/AAAAAE',
  'https://t.me/+AbCdEf123',
  'https://t.me/c/123456/789',
  'https://t.me/sam',
  'https://t.me/share/url?url=x',
  'https://web.telegram.org/a/#-1001234567890',
  'https://discord.com/users/sam',
  'https://discord.gg/abc123',
  'https://discord.com/channels/@me/123456789012345678',
  'https://discord.com/invite/abc',
];

const BAD_HANDLES: [site: Site, input: string][] = [
  ['instagram', ''],
  ['instagram', '   '],
  ['instagram', 'sam rivera'],
  ['instagram', 'sam\u200brivera'],
  ['instagram', 'sam\u202erivera'],
  ['instagram', 'sam\u0000'],
  ['instagram', 'sаm'],
  ['instagram', 'a'.repeat(31)],
  ['instagram', 'sam-rivera'],
  ['instagram', '<b>sam</b>'],
  ['instagram', LONG],
  ['instagram', 'explore'],
  ['facebook', 'sam'],
  ['facebook', 'sam rivera'],
  ['facebook', 'groups'],
  ['x', 'this_is_way_too_long'],
  ['x', 'sam.riv'],
  ['x', '1'.repeat(21)],
  ['x', 'home'],
  ['x', 'https://www.instagram.com/sam.rivera/'],
  ['tiktok', 's'],
  ['tiktok', 'a'.repeat(25)],
  ['threads', 'sam-rivera'],
  ['linkedin', 'ab'],
  ['linkedin', 'sam rivera'],
  ['linkedin', 'sam_rivera'],
  ['linkedin', 'sаm-rivera'],
  ['reddit', 'ab'],
  ['reddit', 'sam.rivera'],
  ['reddit', 'u/'],
  ['youtube', '@ab'],
  ['youtube', '@sam rivera'],
  ['youtube', 'sam!'],
  ['bluesky', 'samriv'],
  ['bluesky', 'sam_riv.bsky.social'],
  ['bluesky', 'did:plc:short'],
  ['bluesky', '-sam.bsky.social'],
  ['whatsapp', '12345'],
  ['whatsapp', '+1 555 123 4567 8901 23'],
  ['whatsapp', 'a'.repeat(101)],
  ['whatsapp', 'Sam\u202eRivera'],
  ['whatsapp', 'Sаm Rivera'],
  ['snapchat', 'a'.repeat(101)],
  ['snapchat', 'Sam\u200bRivera'],
  ['telegram', 'sam'],
  ['telegram', '-1001234567890'],
  ['telegram', 'sam rivera'],
  ['discord', 'sam#1234'],
  ['discord', '12345'],
  ['discord', 'a'],
  ['discord', 'sam rivera'],
];

/** A calm sentence that neither builds HTML nor repeats more than 40 characters of the input. */
function expectGentleError(result: { ok: boolean; error?: string }, input: string) {
  expect(result.ok).toBe(false);
  const error = result.error ?? '';
  expect(error).toMatch(/^[A-Z“].{10,}[.!?]$/s);
  expect(error).not.toMatch(/[<>]/);
  for (let i = 0; i + 41 <= input.length; i++) {
    expect(error.includes(input.slice(i, i + 41))).toBe(false);
  }
}

describe('parseProfileLink', () => {
  it.each(GOOD_LINKS)('reads %s', (input, site, handle) => {
    expect(parseProfileLink(input)).toEqual({ ok: true, value: { site, handle } });
  });

  it('has at least four good links for every site', () => {
    for (const site of SITES) {
      expect(GOOD_LINKS.filter(([, s]) => s === site).length).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(BAD_LINKS.map((input) => [input.length > 60 ? `${input.slice(0, 60)}…` : input, input]))(
    'rejects %j',
    (_label, input) => {
      expectGentleError(parseProfileLink(input), input);
    },
  );

  it('has a corpus of at least 60 malformed links', () => {
    expect(BAD_LINKS.length).toBeGreaterThanOrEqual(60);
  });

  it('says what went wrong in specific cases', () => {
    const error = (input: string) => {
      const result = parseProfileLink(input);
      return result.ok ? '' : result.error;
    };
    expect(error('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toContain('video');
    expect(error('https://youtu.be/dQw4w9WgXcQ')).toContain('https://www.youtube.com/@name');
    expect(error('https://example.com/sam')).toMatch(/Instagram.*Discord/);
    expect(error(LONG)).toContain('longer');
    expect(error('javascript:alert(1)')).toContain('https://');
    expect(error('https://www.messenger.com/t/100004567890123')).toContain('Messenger');
    expect(error('https://www.linkedin.com/company/acme/')).toContain('company');
    expect(error('https://instаgram.com/sam')).toContain('look-alike');
    expect(error('https://user@instagram.com/sam')).toContain('@');
    expect(error('https://instagram.com:8080/sam')).toContain('port');
  });

  it('keeps similar handles distinct', () => {
    const a = parseProfileLink('https://www.instagram.com/sam.rivera/');
    const b = parseProfileLink('https://www.instagram.com/sam.rivera2/');
    expect(a.ok && b.ok && a.value.handle !== b.value.handle).toBe(true);
  });
});

describe('validateHandle', () => {
  it.each(GOOD_HANDLES)('%s accepts %j', (site, input, handle) => {
    expect(validateHandle(site, input)).toEqual({ ok: true, value: handle });
  });

  it.each(BAD_HANDLES.map(([site, input]) => [site, input.length > 60 ? `${input.slice(0, 60)}…` : input, input] as const))(
    '%s rejects %j',
    (site, _label, input) => {
      expectGentleError(validateHandle(site, input), input);
    },
  );

  it('accepts every handle it or the link parser produced, unchanged', () => {
    for (const [, site, handle] of GOOD_LINKS) expect(validateHandle(site, handle)).toEqual({ ok: true, value: handle });
    for (const [site, , handle] of GOOD_HANDLES) expect(validateHandle(site, handle)).toEqual({ ok: true, value: handle });
  });

  it('keeps similar handles distinct', () => {
    expect(validateHandle('instagram', 'sam.rivera')).toEqual({ ok: true, value: 'sam.rivera' });
    expect(validateHandle('instagram', 'sam.rivera2')).toEqual({ ok: true, value: 'sam.rivera2' });
  });
});

describe('HANDLE_HELP', () => {
  it.each([...SITES])('explains %s, with an example that validates', (site) => {
    const help = HANDLE_HELP[site];
    expect(help.label).not.toBe('');
    expect(help.hint).not.toBe('');
    expect(validateHandle(site, help.example).ok).toBe(true);
  });

  it('matches the wording the options page relies on', () => {
    expect(HANDLE_HELP.instagram).toMatchObject({ label: 'Username', example: 'sam.rivera' });
    expect(HANDLE_HELP.instagram.hint).toContain('instagram.com/');
    expect(HANDLE_HELP.facebook.label).toBe('Profile name or numeric id');
    expect(HANDLE_HELP.facebook.hint).toContain('profile.php?id=');
    expect(HANDLE_HELP.whatsapp.label).toBe('Contact name or phone number');
    expect(HANDLE_HELP.tiktok.hint).toContain('display names');
  });
});
