/**
 * Match patterns for every host a site adapter covers. Kept apart from the adapters so the
 * build config can import it without pulling in adapter code.
 */
export const SITE_HOST_PATTERNS = [
  '*://*.instagram.com/*',
  '*://*.facebook.com/*',
  '*://*.messenger.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://*.tiktok.com/*',
  '*://*.threads.com/*',
  '*://*.threads.net/*',
  '*://*.linkedin.com/*',
  '*://*.reddit.com/*',
  '*://*.youtube.com/*',
  '*://bsky.app/*',
  '*://web.whatsapp.com/*',
  '*://*.snapchat.com/*',
  '*://web.telegram.org/*',
  '*://discord.com/*',
];
