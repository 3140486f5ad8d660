import type { Site } from '../model';

export const SITE_NAMES: Record<Site, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook & Messenger',
  x: 'X (Twitter)',
  tiktok: 'TikTok',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  youtube: 'YouTube',
  bluesky: 'Bluesky',
  whatsapp: 'WhatsApp Web',
  snapchat: 'Snapchat Web',
  telegram: 'Telegram Web',
  discord: 'Discord',
};
