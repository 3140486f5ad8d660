import type { Site } from '../model';
import type { HideRule } from './types';
import { rules as instagram } from './instagram';
import { rules as facebook } from './facebook';
import { rules as x } from './x';
import { rules as youtube } from './youtube';
import { rules as bluesky } from './bluesky';
import { rules as linkedin } from './linkedin';
import { rules as reddit } from './reddit';
import { rules as tiktok } from './tiktok';
import { rules as threads } from './threads';
import { rules as whatsapp } from './whatsapp';
import { rules as snapchat } from './snapchat';
import { rules as telegram } from './telegram';
import { rules as discord } from './discord';

/**
 * Every site's hiding rules, for the worker, which compiles them into user-origin CSS. Kept out
 * of the adapter objects so the content script, which never needs them, doesn't carry them.
 */
export const SITE_RULES: Record<Site, readonly HideRule[]> = {
  instagram,
  facebook,
  x,
  youtube,
  bluesky,
  linkedin,
  reddit,
  tiktok,
  threads,
  whatsapp,
  snapchat,
  telegram,
  discord,
};
