import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { openDb, type CleanBreakDb } from '@/lib/db';
import { shieldHello } from '@/lib/shield/hello';
import { forgetTabCss, setFrameCss } from '@/lib/shield/frame-css';
import { saveProtectionPause } from '@/lib/friction/store';

const NOW = Date.UTC(2026, 11, 5, 12);
const from = (tabId: number) => ({ tab: { id: tabId } as never, frameId: 0, url: 'https://www.instagram.com/' });

describe('the hiding rules in an open page', () => {
  let db: CleanBreakDb;
  /** Each tab's user stylesheets, as insertCSS and removeCSS leave them. */
  let sheets: Map<number, string[]>;
  const inTab = (tabId: number) => sheets.get(tabId) ?? [];

  beforeEach(async () => {
    db = openDb(`frame-css-${Math.random()}`);
    await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [{ site: 'instagram', handle: 'sam.rivera' }] });
    sheets = new Map();
    vi.spyOn(browser.scripting, 'insertCSS').mockImplementation(async ({ target, css }) => {
      sheets.set(target.tabId, [...inTab(target.tabId), css ?? '']);
    });
    vi.spyOn(browser.scripting, 'removeCSS').mockImplementation(async ({ target, css }) => {
      const list = inTab(target.tabId);
      const at = list.indexOf(css ?? '');
      if (at >= 0) sheets.set(target.tabId, list.toSpliced(at, 1));
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    db.close();
    await Dexie.delete(db.name);
  });

  it('asked again with nothing changed, adds no second copy', async () => {
    await shieldHello(db, from(5), NOW);
    for (let i = 0; i < 3; i += 1) await shieldHello(db, from(5), NOW, true);
    expect(inTab(5)).toHaveLength(1);
    expect(inTab(5)[0]).toContain('sam.rivera');
  });

  it('replaces the rules when who is hidden changes, and takes them out when nobody is left', async () => {
    await shieldHello(db, from(5), NOW);
    const [person] = await db.people.toArray();
    await db.people.update(person!.id!, { accounts: [...person!.accounts, { site: 'instagram', handle: 'samr.art' }] });
    await shieldHello(db, from(5), NOW, true);
    expect(inTab(5)).toHaveLength(1);
    expect(inTab(5)[0]).toContain('samr.art');

    await db.people.update(person!.id!, { accounts: [] });
    await shieldHello(db, from(5), NOW, true);
    expect(inTab(5)).toEqual([]);
  });

  it('takes the rules out when protection is paused, and puts them back when it resumes', async () => {
    await shieldHello(db, from(5), NOW);
    await saveProtectionPause({ everywhere: NOW + 60 * 60_000, sites: {} });
    await shieldHello(db, from(5), NOW, true);
    expect(inTab(5)).toEqual([]);
    await saveProtectionPause({ sites: {} });
    await shieldHello(db, from(5), NOW, true);
    expect(inTab(5)).toHaveLength(1);
  });

  it('gives a new document in the tab its rules, whatever the last one had', async () => {
    await shieldHello(db, from(5), NOW);
    // The tab navigates: the new document has no user stylesheet of ours.
    sheets.set(5, []);
    await shieldHello(db, from(5), NOW);
    expect(inTab(5)).toHaveLength(1);

    // A page started while nobody was hidden, then asked again with the same rules as before.
    sheets.set(5, []);
    await setFrameCss(5, 0, '', false);
    await shieldHello(db, from(5), NOW, true);
    expect(inTab(5)).toHaveLength(1);
  });

  it('keeps each tab apart, and forgets a tab once it is closed', async () => {
    await shieldHello(db, from(5), NOW);
    await shieldHello(db, from(6), NOW);
    await forgetTabCss(5);
    expect(Object.keys(await browser.storage.session.get(null))).toEqual(['frameCss:6']);
    await shieldHello(db, from(6), NOW, true);
    expect(inTab(6)).toHaveLength(1);
  });

  it('never takes another frame’s record for this one’s', async () => {
    await shieldHello(db, from(5), NOW);
    const [ours] = inTab(5);
    await setFrameCss(5, 3, 'a[href="/elsewhere"] { display: none !important; }', false);
    await shieldHello(db, from(5), NOW, true);
    // Nothing of frame 3's is taken out of frame 0; frame 0's rules are put in again.
    expect(inTab(5).filter((css) => css === ours)).toHaveLength(2);
    expect(inTab(5)).toContain('a[href="/elsewhere"] { display: none !important; }');
  });

  it('still hides when the record can’t be written', async () => {
    vi.spyOn(browser.storage.session, 'set').mockRejectedValue(new Error('Quota exceeded'));
    await shieldHello(db, from(5), NOW);
    expect(inTab(5)).toHaveLength(1);
  });
});
