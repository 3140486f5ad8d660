import { browser } from 'wxt/browser';

/**
 * The hiding CSS last inserted into each frame, kept in storage.session (the worker keeps nothing
 * in memory). When an open tab asks again after a change, its new rules replace the old ones
 * instead of stacking on top: otherwise a tab left open for days gains a full copy of the rules,
 * each run again on every style change, with every edit, and a person removed or a pause started
 * stays hidden there until a reload.
 */
const PREFIX = 'frameCss:';
const keyFor = (tabId: number, frameId: number) => `${PREFIX}${tabId}:${frameId}`;

/**
 * Gives the frame `css` ('' for none) as user-origin CSS. `again` says the frame's document is
 * the one that got what was last inserted; otherwise the document is new and has none of it.
 * Losing the record (storage full) never costs hiding: at worst a later change stacks a copy.
 */
export async function setFrameCss(tabId: number, frameId: number, css: string, again: boolean): Promise<void> {
  const key = keyFor(tabId, frameId);
  const target = { tabId, frameIds: [frameId] };
  const previous = again ? (await browser.storage.session.get(key).catch(() => ({})) as Record<string, unknown>)[key] : undefined;
  if (again && previous === css) return;
  // Not waited for: a page's first answer holds its curtain, and does not depend on the record.
  // Storage calls run in order, so the next ask reads it.
  void (css ? browser.storage.session.set({ [key]: css }) : browser.storage.session.remove(key)).catch(() => undefined);
  // New rules go in before the old come out, so nothing of theirs shows in between.
  if (css) await browser.scripting.insertCSS({ target, css, origin: 'USER' });
  if (typeof previous === 'string' && previous) await browser.scripting.removeCSS({ target, css: previous, origin: 'USER' });
}

/** A closed tab's records go with it. */
export async function forgetTabCss(tabId: number): Promise<void> {
  const ours = `${PREFIX}${tabId}:`;
  const keys = Object.keys(await browser.storage.session.get(null)).filter((key) => key.startsWith(ours));
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
