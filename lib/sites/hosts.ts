import type { Site } from '../model';

/**
 * Match patterns for every host each site runs on. Kept apart from the adapters so the build
 * config and the permission prompts can use them without pulling in adapter code.
 */
export const SITE_HOSTS: Record<Site, string[]> = {
  instagram: ['*://*.instagram.com/*'],
  facebook: ['*://*.facebook.com/*', '*://*.messenger.com/*'],
  x: ['*://*.x.com/*', '*://*.twitter.com/*'],
  tiktok: ['*://*.tiktok.com/*'],
  threads: ['*://*.threads.com/*', '*://*.threads.net/*'],
  linkedin: ['*://*.linkedin.com/*'],
  reddit: ['*://*.reddit.com/*'],
  youtube: ['*://*.youtube.com/*'],
  bluesky: ['*://bsky.app/*'],
  whatsapp: ['*://web.whatsapp.com/*'],
  snapchat: ['*://*.snapchat.com/*'],
  telegram: ['*://web.telegram.org/*'],
  discord: ['*://discord.com/*', '*://ptb.discord.com/*', '*://canary.discord.com/*'],
};

export const SITE_HOST_PATTERNS = Object.values(SITE_HOSTS).flat();
