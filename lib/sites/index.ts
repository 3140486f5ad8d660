import type { Site } from '../model';
import type { SiteAdapter } from './types';
import instagram from './instagram';
import facebook from './facebook';
import x from './x';
import youtube from './youtube';
import bluesky from './bluesky';
import linkedin from './linkedin';
import reddit from './reddit';
import tiktok from './tiktok';
import threads from './threads';
import whatsapp from './whatsapp';
import snapchat from './snapchat';
import telegram from './telegram';
import discord from './discord';

/**
 * Every site adapter. Adding a site = one adapter file, one fixture folder, one line here, one
 * in rules.ts (its hiding rules, which only the worker loads) and its content script entry
 * (`entrypoints/<site>.content.ts`).
 */
export const ADAPTERS: readonly SiteAdapter[] = [instagram, facebook, x, youtube, bluesky, linkedin, reddit, tiktok, threads, whatsapp, snapchat, telegram, discord];

export function adapterForHost(hostname: string): SiteAdapter | undefined {
  const host = hostname.toLowerCase();
  return ADAPTERS.find((adapter) => adapter.hosts.includes(host));
}

export function adapterFor(site: Site): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === site);
}
