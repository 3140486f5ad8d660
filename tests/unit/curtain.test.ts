import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { openDb, type CleanBreakDb } from '@/lib/db';
import { shieldHello } from '@/lib/shield/hello';
import { hidesAnyone } from '@/lib/shield/targets';
import { grantPass, PASS_MS } from '@/lib/shield/passes';
import { saveProtectionPause } from '@/lib/friction/store';
import { NO_PAUSE, withPause } from '@/lib/friction/pause';

/** Who the worker answers: a content script in tab 5 at `url`. */
const from = (url: string) => ({ tab: { id: 5 } as never, frameId: 0, url });
const NOW = Date.UTC(2026, 10, 24, 12);

describe('the hello that lets a page be shown', () => {
  let db: CleanBreakDb;
  let sheets: string[];
  beforeEach(async () => {
    db = openDb(`hello-${Math.random()}`);
    await db.people.add({ name: 'Sam', noContactSince: '2026-11-01', goalDays: 30, accounts: [{ site: 'facebook', handle: 'sam.rivera' }] });
    sheets = [];
    vi.spyOn(browser.scripting, 'insertCSS').mockImplementation(async (injection) => void sheets.push(injection.css ?? ''));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    db.close();
    await Dexie.delete(db.name);
  });

  it('comes once the rules are in, and says someone is hidden, so the curtain waits for the parse', async () => {
    const hello = await shieldHello(db, from('https://www.facebook.com/'), NOW);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toContain('sam.rivera');
    // The static curtain is the script's to lift: nothing the worker inserts touches it.
    expect(sheets[0]).not.toMatch(/opacity/);
    expect(hidesAnyone(hello.targets, hello.passed)).toBe(true);
  });

  it('inserts nothing where nobody is hidden, so the page is shown at once', async () => {
    const hello = await shieldHello(db, from('https://www.instagram.com/'), NOW);
    expect(hello).toMatchObject({ site: 'instagram', targets: [], block: null });
    expect(sheets).toEqual([]);
    expect(hidesAnyone(hello.targets, hello.passed)).toBe(false);
  });

  it('hides nobody the user chose to see in this tab', () => {
    const target = { personId: 1, name: 'Sam', identifiers: ['sam.rivera'], keys: [] };
    expect(hidesAnyone([target], [1])).toBe(false);
    expect(hidesAnyone([target], [])).toBe(true);
  });

  it('says when a pass in this tab runs out, and after it hides the person and shields their profile again', async () => {
    const sam = (await db.people.toArray())[0]!.id!;
    await grantPass(5, 'facebook', sam, NOW - 60_000);
    await grantPass(6, 'facebook', sam, NOW);
    const during = await shieldHello(db, from('https://www.facebook.com/sam.rivera'), NOW);
    expect(during).toMatchObject({ passed: [sam], block: null, changesAt: NOW - 60_000 + PASS_MS });
    expect(sheets).toEqual([]);

    const after = await shieldHello(db, from('https://www.facebook.com/sam.rivera'), NOW - 60_000 + PASS_MS, true);
    expect(after).toMatchObject({ passed: [], block: { personId: sam }, changesAt: null });
    expect(sheets.at(-1)).toContain('sam.rivera');
  });

  it('says when a pause ends, and after it hides the person again', async () => {
    const ends = NOW + 60 * 60_000;
    await saveProtectionPause(withPause(NO_PAUSE, 'everywhere', ends));
    const during = await shieldHello(db, from('https://www.facebook.com/'), NOW);
    expect(during).toMatchObject({ site: 'facebook', targets: [], changesAt: ends });
    expect(sheets).toEqual([]);

    const after = await shieldHello(db, from('https://www.facebook.com/'), ends, true);
    expect(after.targets).toHaveLength(1);
    expect(after.changesAt).toBeNull();
    expect(sheets.at(-1)).toContain('sam.rivera');
  });

  it('holds with nothing to run out', async () => {
    expect((await shieldHello(db, from('https://www.facebook.com/'), NOW)).changesAt).toBeNull();
  });
});
