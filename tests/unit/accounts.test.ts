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
  // Display names are kept exactly as typed, markup and all: they are only ever shown as text.
  ['snapchat', '<b>Sam</b>', '<b>Sam</b>'],
  ['whatsapp', 'سام 🌙', 'سام 🌙'],
  ['telegram', '@Sam_Rivera', 'sam_rivera'],
  ['telegram', '123456789', '123456789'],
  ['discord', 'Sam.Rivera', 'sam.rivera'],
  ['discord', '123456789012345678', '123456789012345678'],
  ['discord', '@sam_r', 'sam_r'],
];

const LONG = 'x'.repeat(10_000);

// The first sentences of messages many inputs share.
const NOT_WEB = 'Only web links that start with https:// can be used here.';
const LOOKALIKE_HOST = 'That address uses look-alike letters, so it isn’t the real site.';
const CREDENTIALS = 'That link has an extra name and @ before the site’s address, which real profile links never have.';
const GARBLED = 'That doesn’t look like a complete link.';
const HIDDEN = 'That has a hidden character in it, which can happen when copying.';
const NOT_PLAIN = 'That includes a character that isn’t a plain a–z letter or number, such as a look-alike from another alphabet.';
const TOO_LONG = 'That’s much longer than any profile link.';
const EMPTY = 'Paste a link to their profile first.';
const TELEGRAM_GROUP = 'That’s a Telegram group or channel, not a person.';
const WHATSAPP_NO_NUMBER = 'That WhatsApp link doesn’t include a phone number, and WhatsApp has no profile links.';

/** Each with the first sentence of what the user is told. */
const BAD_LINKS: [input: string, says: string][] = [
  // Nothing there, or far too much.
  ['', EMPTY],
  ['   ', EMPTY],
  ['\n\t', EMPTY],
  [LONG, TOO_LONG],
  [' '.repeat(10_000), EMPTY],
  [`https://www.instagram.com/${'a'.repeat(10_000)}/`, TOO_LONG],
  [`https://www.instagram.com/sam.rivera/?q=${'a'.repeat(10_000)}`, TOO_LONG],
  [`https://x.com/${'💔'.repeat(5_000)}`, TOO_LONG],
  // Not web links.
  ['javascript:alert(1)', NOT_WEB],
  ['JavaScript:alert(document.cookie)', NOT_WEB],
  ['data:text/html,<script>alert(1)</script>', NOT_WEB],
  ['file:///etc/passwd', NOT_WEB],
  ['chrome://settings', NOT_WEB],
  ['chrome-extension://abcdefghijklmnop/options.html', NOT_WEB],
  ['ftp://instagram.com/sam.rivera', NOT_WEB],
  ['mailto:sam@example.com', NOT_WEB],
  ['about:blank', NOT_WEB],
  ['  javascript:alert(1)', NOT_WEB],
  ['javascript://x.com/samriv%0Aalert(1)', NOT_WEB],
  ['vbscript:msgbox(1)', NOT_WEB],
  ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', NOT_WEB],
  // Other or look-alike sites.
  ['https://example.com/sam.rivera', 'Clean Break can’t use links from example.com.'],
  ['https://www.pinterest.com/sam.rivera/', 'Clean Break can’t use links from www.pinterest.com.'],
  ['https://notinstagram.com/sam.rivera', 'Clean Break can’t use links from notinstagram.com.'],
  ['https://instagram.com.evil.io/sam.rivera', 'That address only looks like Instagram: it belongs to a different site.'],
  ['https://www.instagram.com.evil.io/sam.rivera', 'That address only looks like Instagram: it belongs to a different site.'],
  ['https://lnstagram.com/sam.rivera', 'Clean Break can’t use links from lnstagram.com.'],
  ['https://xn--nstagram-8eb.com/sam.rivera', LOOKALIKE_HOST],
  ['https://instаgram.com/sam.rivera', LOOKALIKE_HOST],
  ['https://faceboоk.com/sam.rivera.5', LOOKALIKE_HOST],
  ['https://ｉｎｓｔａｇｒａｍ.com/sam.rivera', LOOKALIKE_HOST],
  ['https://\u0456nstagram.com/sam.rivera', LOOKALIKE_HOST],
  ['https://www.faceb\u03bfok.com/sam.rivera.5', LOOKALIKE_HOST],
  ['https://tiktok\u2024com/@sam.rivera', LOOKALIKE_HOST],
  ['https://www.tiktok.com.evil.io/@sam.rivera', 'That address only looks like TikTok: it belongs to a different site.'],
  ['https://t.me.example.net/samrivera', 'That address only looks like Telegram: it belongs to a different site.'],
  // Credentials, ports, hidden and odd characters.
  ['https://user@instagram.com/sam.rivera', CREDENTIALS],
  ['https://instagram.com@evil.io/sam.rivera', CREDENTIALS],
  ['https://user:pass@x.com/samriv', CREDENTIALS],
  ['https://@instagram.com/sam.rivera', CREDENTIALS],
  ['https://instagram.com:8080/sam.rivera', 'That link includes a port number (like :8080), which real profile links don’t have.'],
  ['x.com:444/samriv', 'That link includes a port number (like :8080), which real profile links don’t have.'],
  ['https://www.instagram.com/sam\u200b.rivera/', 'That link has a hidden character in it, which can happen when copying.'],
  ['https://www.instagram.com/sam\u202erivera/', 'That link has a hidden character in it, which can happen when copying.'],
  ['https://www.instagram.com/sam rivera/', 'That has a space in it, and links never do.'],
  ['https://www.instagram.com/sam.rivera\u200f/', 'That link has a hidden character in it, which can happen when copying.'],
  ['https://www.instagram.com/سام/', NOT_PLAIN],
  ['https://x.com/sam💔', NOT_PLAIN],
  ['https://www.instagram.com/sam%E2%80%8Brivera/', HIDDEN],
  ['https://www.instagram.com/s%D0%B0m.rivera/', NOT_PLAIN],
  ['https://www.instagram.com/sam%ZZ/', GARBLED],
  ['https://www.instagram.com\\@evil.io/sam', GARBLED],
  ['https://www.instagram.com/<script>alert(1)</script>/', 'Instagram usernames use letters, numbers, periods and underscores (up to 30).'],
  ['<a href="https://x.com/samriv">Sam</a>', 'That has a space in it, and links never do.'],
  ['"><img src=x onerror=alert(1)>', 'That has a space in it, and links never do.'],
  // Not links at all.
  ['samriv', 'That looks like a username rather than a link.'],
  ['@sam.rivera', 'That looks like a username rather than a link.'],
  ['http://', GARBLED],
  ['https://', GARBLED],
  ['//', GARBLED],
  // Pages with no person on them.
  ['https://www.instagram.com/', 'That’s the Instagram home page, not anyone’s profile.'],
  ['https://www.instagram.com/p/C8abc123/', 'That Instagram link doesn’t lead to a person’s profile.'],
  ['https://www.instagram.com/reel/C8abc123/', 'That Instagram link doesn’t lead to a person’s profile.'],
  ['https://www.instagram.com/explore/tags/love/', 'That Instagram link doesn’t lead to a person’s profile.'],
  ['https://www.instagram.com/direct/inbox/', 'That Instagram link doesn’t lead to a person’s profile.'],
  ['https://www.instagram.com/accounts/login/', 'That Instagram link doesn’t lead to a person’s profile.'],
  ['https://www.instagram.com/stories/highlights/17900000000000000/', 'That Instagram link doesn’t lead to a person’s profile.'],
  ['https://www.facebook.com/groups/123456/', 'That Facebook link doesn’t lead to a person’s profile.'],
  ['https://www.facebook.com/watch/?v=123', 'That Facebook link doesn’t lead to a person’s profile.'],
  ['https://www.facebook.com/photo.php?fbid=123', 'That Facebook link doesn’t lead to a person’s profile.'],
  ['https://www.facebook.com/story.php?story_fbid=1&id=2', 'That Facebook link doesn’t lead to a person’s profile.'],
  ['https://www.facebook.com/profile.php', 'That Facebook link doesn’t lead to a person’s profile.'],
  ['https://www.facebook.com/profile.php?id=abc', 'That Facebook link doesn’t lead to a person’s profile.'],
  ['https://www.facebook.com/sam', 'Facebook profile names use letters, numbers and periods (5 to 50).'],
  ['https://www.facebook.com/share/abc123/', 'That Facebook link doesn’t lead to a person’s profile.'],
  ['https://www.messenger.com/t/100004567890123', 'Messenger links lead to a chat, not a profile.'],
  ['https://x.com/home', 'That X link doesn’t lead to a person’s profile.'],
  ['https://x.com/search?q=sam', 'That X link doesn’t lead to a person’s profile.'],
  ['https://x.com/explore', 'That X link doesn’t lead to a person’s profile.'],
  ['https://twitter.com/hashtag/love', 'That X link doesn’t lead to a person’s profile.'],
  ['https://x.com/i/flow/login', 'That X link doesn’t lead to a person’s profile.'],
  ['https://x.com/this_is_way_too_long_handle', 'X usernames use letters, numbers and underscores (up to 15).'],
  ['https://www.tiktok.com/foryou', 'That TikTok link doesn’t lead to a person’s profile.'],
  ['https://www.tiktok.com/sam.rivera', 'That TikTok link doesn’t lead to a person’s profile.'],
  ['https://vm.tiktok.com/ZMabc123/', 'That’s a shortened link, which hides whose profile it leads to.'],
  ['https://www.tiktok.com/@s', 'TikTok usernames use letters, numbers, periods and underscores (2 to 24).'],
  ['https://www.threads.com/sam.rivera', 'That Threads link doesn’t lead to a person’s profile.'],
  ['https://www.threads.net/', 'That’s the Threads home page, not anyone’s profile.'],
  ['https://www.linkedin.com/company/acme/', 'That’s a LinkedIn page for a company or school, not a person.'],
  ['https://www.linkedin.com/feed/', 'That LinkedIn link doesn’t lead to a person’s profile.'],
  ['https://www.linkedin.com/in/ab/', 'LinkedIn profile addresses use letters, numbers and hyphens (3 to 100), like the part after linkedin.com/in/.'],
  ['https://www.linkedin.com/in/s%D0%B0m-rivera/', 'That mixes look-alike letters from different alphabets, such as a Cyrillic “а” among English letters.'],
  ['https://www.reddit.com/r/breakups/', 'That’s a subreddit, not a person.'],
  ['https://www.reddit.com/r/breakups/comments/abc/title/', 'That’s a subreddit, not a person.'],
  ['https://www.reddit.com/user/ab/', 'Reddit usernames use letters, numbers, hyphens and underscores (3 to 20).'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'That looks like a YouTube video link, not a channel.'],
  ['https://youtu.be/dQw4w9WgXcQ', 'That looks like a YouTube video link, not a channel.'],
  ['https://www.youtube.com/shorts/abc123', 'That looks like a YouTube video link, not a channel.'],
  ['https://www.youtube.com/channel/notachannel', 'That YouTube link doesn’t lead to a person’s profile.'],
  ['https://www.youtube.com/results?search_query=sam', 'That YouTube link doesn’t lead to a person’s profile.'],
  ['https://bsky.app/', 'That’s the Bluesky home page, not anyone’s profile.'],
  ['https://bsky.app/search?q=sam', 'That Bluesky link doesn’t lead to a person’s profile.'],
  ['https://bsky.app/profile/samriv', 'Bluesky handles include a dot, like name.bsky.social.'],
  ['https://bsky.app/profile/did:plc:short', 'Bluesky handles include a dot, like name.bsky.social.'],
  ['https://wa.me/', WHATSAPP_NO_NUMBER],
  ['https://wa.me/123', 'Phone numbers need 7 to 15 digits, including the country code.'],
  ['https://wa.me/message/ABC123', WHATSAPP_NO_NUMBER],
  ['https://chat.whatsapp.com/AbCdEf123', WHATSAPP_NO_NUMBER],
  ['https://web.whatsapp.com/', WHATSAPP_NO_NUMBER],
  ['https://www.snapchat.com/', 'That’s the Snapchat home page, not anyone’s profile.'],
  ['https://www.snapchat.com/add/a', 'Snapchat usernames use letters, numbers, periods, hyphens and underscores (3 to 15).'],
  ['https://web.snapchat.com/', 'Snapchat chat links don’t show who the chat is with.'],
  ['https://t.me/joinchat/AAAAAE', TELEGRAM_GROUP],
  ['https://t.me/+AbCdEf123', TELEGRAM_GROUP],
  ['https://t.me/c/123456/789', TELEGRAM_GROUP],
  ['https://t.me/sam', 'Telegram usernames use letters, numbers and underscores (5 to 32).'],
  ['https://t.me/share/url?url=x', 'That Telegram link doesn’t lead to a person’s profile.'],
  ['https://web.telegram.org/a/#-1001234567890', TELEGRAM_GROUP],
  ['https://discord.com/users/sam', 'That Discord link doesn’t lead to a person’s profile.'],
  ['https://discord.gg/abc123', 'That’s an invite to a Discord server, not a person.'],
  ['https://discord.com/channels/@me/123456789012345678', 'That Discord link leads to a chat, not a person.'],
  ['https://discord.com/invite/abc', 'That’s an invite to a Discord server, not a person.'],
];

const BAD_HANDLES: [site: Site, input: string, says: string][] = [
  ['instagram', '', 'Type their username first.'],
  ['instagram', '   ', 'Type their username first.'],
  ['instagram', 'sam rivera', 'That has a space in it.'],
  ['instagram', 'sam\u200brivera', HIDDEN],
  ['instagram', 'sam\u202erivera', HIDDEN],
  ['instagram', 'sam\u0000', HIDDEN],
  ['instagram', 'sаm', NOT_PLAIN],
  ['instagram', 'a'.repeat(31), 'Instagram usernames use letters, numbers, periods and underscores (up to 30).'],
  ['instagram', 'sam-rivera', 'Instagram usernames use letters, numbers, periods and underscores (up to 30).'],
  ['instagram', '<b>sam</b>', 'Instagram usernames use letters, numbers, periods and underscores (up to 30).'],
  ['instagram', LONG, 'That’s much longer than any username.'],
  ['instagram', ' '.repeat(10_000), 'Type their username first.'],
  ['youtube', `@${'a'.repeat(10_000)}`, 'That’s much longer than any handle or channel id.'],
  ['instagram', '\u0456nstagram', NOT_PLAIN],
  ['instagram', 'sam💔', NOT_PLAIN],
  ['x', 'سام', NOT_PLAIN],
  ['x', 'javascript:alert(1)', 'X usernames use letters, numbers and underscores (up to 15).'],
  ['linkedin', 'javascript:alert(1)', 'LinkedIn profile addresses use letters, numbers and hyphens (3 to 100), like the part after linkedin.com/in/.'],
  ['telegram', '<script>alert(1)</script>', 'Telegram usernames use letters, numbers and underscores (5 to 32).'],
  ['whatsapp', '\u202bسام\u202c', HIDDEN],
  ['instagram', 'explore', '“explore” is a page on Instagram, not someone’s username.'],
  ['facebook', 'sam', 'Facebook profile names use letters, numbers and periods (5 to 50).'],
  ['facebook', 'sam rivera', 'That has a space in it.'],
  ['facebook', 'groups', '“groups” is a page on Facebook, not someone’s profile name or numeric id.'],
  ['x', 'this_is_way_too_long', 'X usernames use letters, numbers and underscores (up to 15).'],
  ['x', 'sam.riv', 'X usernames use letters, numbers and underscores (up to 15).'],
  ['x', '1'.repeat(21), 'X usernames use letters, numbers and underscores (up to 15).'],
  ['x', 'home', '“home” is a page on X, not someone’s username or user id.'],
  ['x', 'https://www.instagram.com/sam.rivera/', 'That link is from Instagram, but X is chosen.'],
  ['tiktok', 's', 'TikTok usernames use letters, numbers, periods and underscores (2 to 24).'],
  ['tiktok', 'a'.repeat(25), 'TikTok usernames use letters, numbers, periods and underscores (2 to 24).'],
  ['threads', 'sam-rivera', 'Threads usernames use letters, numbers, periods and underscores (up to 30).'],
  ['linkedin', 'ab', 'LinkedIn profile addresses use letters, numbers and hyphens (3 to 100), like the part after linkedin.com/in/.'],
  ['linkedin', 'sam rivera', 'LinkedIn profile addresses use letters, numbers and hyphens (3 to 100), like the part after linkedin.com/in/.'],
  ['linkedin', 'sam_rivera', 'LinkedIn profile addresses use letters, numbers and hyphens (3 to 100), like the part after linkedin.com/in/.'],
  ['linkedin', 'sаm-rivera', 'That mixes look-alike letters from different alphabets, such as a Cyrillic “а” among English letters.'],
  ['reddit', 'ab', 'Reddit usernames use letters, numbers, hyphens and underscores (3 to 20).'],
  ['reddit', 'sam.rivera', 'Reddit usernames use letters, numbers, hyphens and underscores (3 to 20).'],
  ['reddit', 'u/', 'Reddit usernames use letters, numbers, hyphens and underscores (3 to 20).'],
  ['youtube', '@ab', 'YouTube handles use letters, numbers, periods, hyphens and underscores (3 to 30), like @name.'],
  ['youtube', '@sam rivera', 'That has a space in it.'],
  ['youtube', 'sam!', 'YouTube handles use letters, numbers, periods, hyphens and underscores (3 to 30), like @name.'],
  ['bluesky', 'samriv', 'Bluesky handles include a dot, like name.bsky.social.'],
  ['bluesky', 'sam_riv.bsky.social', 'Bluesky handles look like a web address, such as name.bsky.social, or an id starting with did:plc: or did:web:.'],
  ['bluesky', 'did:plc:short', 'Bluesky handles include a dot, like name.bsky.social.'],
  ['bluesky', '-sam.bsky.social', 'Bluesky handles look like a web address, such as name.bsky.social, or an id starting with did:plc: or did:web:.'],
  ['whatsapp', '12345', 'Phone numbers need 7 to 15 digits, including the country code.'],
  ['whatsapp', '+1 555 123 4567 8901 23', 'Phone numbers need 7 to 15 digits, including the country code.'],
  ['whatsapp', 'a'.repeat(101), 'Type their name as it shows in WhatsApp (up to 100 characters), or their phone number with 7 to 15 digits.'],
  ['whatsapp', 'Sam\u202eRivera', HIDDEN],
  ['whatsapp', 'Sаm Rivera', 'That mixes look-alike letters from different alphabets, such as a Cyrillic “а” among English letters.'],
  ['snapchat', 'a'.repeat(101), 'Snapchat usernames use letters, numbers, periods, hyphens and underscores (3 to 15).'],
  ['snapchat', 'Sam\u200bRivera', HIDDEN],
  ['telegram', 'sam', 'Telegram usernames use letters, numbers and underscores (5 to 32).'],
  ['telegram', '-1001234567890', TELEGRAM_GROUP],
  ['telegram', 'sam rivera', 'That has a space in it.'],
  ['discord', 'sam#1234', 'Discord no longer uses #1234 tags.'],
  ['discord', '12345', 'Discord user ids are long numbers (15 to 25 digits).'],
  ['discord', 'a', 'Discord usernames use lowercase letters, numbers, periods and underscores (2 to 32).'],
  ['discord', 'sam rivera', 'That has a space in it.'],
];

/** A test name for an input that may be 10,000 characters long. */
function label(input: string): string {
  return input.length > 60 ? `${input.slice(0, 60)}…` : input;
}

function firstSentence(result: { ok: boolean; error?: string }): string {
  return /^.*?[.!?](?=\s|$)/s.exec(result.error ?? '')?.[0] ?? '';
}

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

  it.each(BAD_LINKS.map(([input, says]) => [label(input), input, says]))('rejects %j', (_label, input, says) => {
    const result = parseProfileLink(input);
    expectGentleError(result, input);
    expect(firstSentence(result)).toBe(says);
  });

  it('has a corpus of at least 60 malformed links', () => {
    expect(BAD_LINKS.length).toBeGreaterThanOrEqual(60);
  });

  it('covers every kind of bad input the issue names, in links and in handles', () => {
    const inputs = [...BAD_LINKS.map(([input]) => input), ...BAD_HANDLES.map(([, input]) => input)];
    const kinds: Record<string, (input: string) => boolean> = {
      empty: (input) => input.trim() === '',
      spaces: (input) => /\S\s+\S/.test(input),
      'unicode look-alikes': (input) => /[\u0370-\u03ff\u0400-\u04ff\uff00-\uffef]/.test(input),
      'javascript: URLs': (input) => /^\s*javascript:/i.test(input),
      '10,000 characters': (input) => input.length >= 10_000,
      emoji: (input) => /\p{Extended_Pictographic}/u.test(input),
      'right-to-left text': (input) => /[\u0590-\u08ff]/.test(input),
      markup: (input) => /<[a-z]/i.test(input),
    };
    for (const [kind, matches] of Object.entries(kinds)) expect(inputs.filter(matches).length, kind).toBeGreaterThanOrEqual(2);
    const otherSites = BAD_LINKS.filter(([, says]) => /^Clean Break can’t use links from|^That address only looks like/.test(says));
    expect(otherSites.length).toBeGreaterThanOrEqual(5);
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

  it.each(BAD_HANDLES.map(([site, input, says]) => [site, label(input), input, says] as const))(
    '%s rejects %j',
    (site, _label, input, says) => {
      const result = validateHandle(site, input);
      expectGentleError(result, input);
      expect(firstSentence(result)).toBe(says);
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
