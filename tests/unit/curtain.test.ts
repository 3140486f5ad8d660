import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { openDb, type CleanBreakDb } from '@/lib/db';
import { LIFT_CURTAIN } from '@/lib/shield/css';
import { shieldHello } from '@/lib/shield/hello';

/** Who the worker answers: a content script in tab 5 at `url`. */
const from = (url: string) => ({ tab: { id: 5 } as never, frameId: 0, url });
const NOW = Date.UTC(2026, 10, 24, 12);

describe('the curtain', () => {
  let db: CleanBreakDb;
  let sheets: string[];
  beforeEach(async () => {
    db = openDb(`curtain-${Math.random()}`);
    await db.people.add({
      name: 'Sam',
      noContactSince: '2026-11-01',
      goalDays: 30,
      accounts: [
        { site: 'facebook', handle: 'sam.rivera' },
        { site: 'whatsapp', handle: '+447700900123' },
      ],
    });
    sheets = [];
    vi.spyOn(browser.scripting, 'insertCSS').mockImplementation(async (injection) => void sheets.push(injection.css ?? ''));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    db.close();
    await Dexie.delete(db.name);
  });
  const lifted = () => sheets.some((css) => css.includes(LIFT_CURTAIN));

  it('is lifted with the rules on a parsed page of a site hidden by CSS alone', async () => {
    const hello = await shieldHello(db, from('https://www.facebook.com/'), NOW, { parsing: false });
    expect(hello.curtainHeld).toBe(false);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toContain('sam.rivera');
    expect(lifted()).toBe(true);
  });

  it('stays down on a page still arriving, with the rules already in, for the content script to lift', async () => {
    const hello = await shieldHello(db, from('https://www.facebook.com/'), NOW, { parsing: true });
    expect(hello.curtainHeld).toBe(true);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toContain('sam.rivera');
    expect(lifted()).toBe(false);
  });

  it('stays down on a site with procedural rules until its first scan, parsed or not', async () => {
    const hello = await shieldHello(db, from('https://web.whatsapp.com/'), NOW, { parsing: false });
    expect(hello.curtainHeld).toBe(true);
    expect(lifted()).toBe(false);
  });

  it('is lifted at once where there is nobody to hide, even on a page still arriving', async () => {
    const hello = await shieldHello(db, from('https://www.instagram.com/'), NOW, { parsing: true });
    expect(hello).toMatchObject({ site: 'instagram', targets: [], curtainHeld: false });
    expect(lifted()).toBe(true);
  });

  it('stays down on their own page, which goes to the shield, and is not the script’s to lift', async () => {
    const hello = await shieldHello(db, from('https://www.facebook.com/sam.rivera'), NOW, { parsing: true });
    expect(hello.block).toMatchObject({ surface: 'profile' });
    expect(hello.curtainHeld).toBe(false);
    expect(lifted()).toBe(false);
  });
});
