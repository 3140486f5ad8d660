import { browser } from 'wxt/browser';

/**
 * The hiding CSS last inserted into each tab, kept in storage.session (the worker keeps nothing
 * in memory). When an open tab asks again after a change, its new rules replace the old ones
 * instead of stacking on top: otherwise a tab left open for days gains a full copy of the rules,
 * each run again on every style change, with every edit, and a person removed or a pause started
 * stays hidden there until a reload.
 *
 * One record per tab: the content scripts run in top frames only (the manifest asks for no
 * others). The record names its frame, so a record from another frame is never taken for this
 * one's; at worst a change then stacks a copy, as it would without a record.
 */
interface FrameCss {
  frameId: number;
  css: string;
}

const keyFor = (tabId: number) => `frameCss:${tabId}`;

/**
 * Gives the frame `css` ('' for none) as user-origin CSS. `again` says the frame's document is
 * the one that got what was last inserted; otherwise the document is new and has none of it.
 * Losing the record (storage full) never costs hiding: at worst a later change stacks a copy.
 */
export async function setFrameCss(tabId: number, frameId: number, css: string, again: boolean): Promise<void> {
  const key = keyFor(tabId);
  const target = { tabId, frameIds: [frameId] };
  const record = again ? ((await browser.storage.session.get(key).catch(() => ({}))) as Record<string, FrameCss | undefined>)[key] : undefined;
  const previous = record?.frameId === frameId ? record.css : '';
  if (again && previous === css) return;
  // Not waited for: a page's first answer holds its curtain, and does not depend on the record.
  // Storage calls run in order, so the next ask reads it.
  const next: FrameCss = { frameId, css };
  void (css ? browser.storage.session.set({ [key]: next }) : browser.storage.session.remove(key)).catch(() => undefined);
  // New rules go in before the old come out, so nothing of theirs shows in between.
  if (css) await browser.scripting.insertCSS({ target, css, origin: 'USER' });
  if (previous) await browser.scripting.removeCSS({ target, css: previous, origin: 'USER' });
}

/** A closed tab's record goes with it. */
export function forgetTabCss(tabId: number): Promise<void> {
  return browser.storage.session.remove(keyFor(tabId));
}
