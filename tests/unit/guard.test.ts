import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createGuard } from '@/lib/shield/page/guard';
import { proceduralScanner } from '@/lib/shield/page/procedural';
import { pageHealth } from '@/lib/shield/health';
import type { ShieldHello } from '@/lib/shield/hello';
import type { SiteAdapter } from '@/lib/sites/types';

afterEach(() => vi.restoreAllMocks());

/** Just enough of CSSStyleDeclaration for the scanner to hide and give back a row. */
class FakeStyle {
  private readonly values = new Map<string, { value: string; priority: string }>();
  getPropertyValue(name: string) {
    return this.values.get(name)?.value ?? '';
  }
  getPropertyPriority(name: string) {
    return this.values.get(name)?.priority ?? '';
  }
  setProperty(name: string, value: string, priority = '') {
    this.values.set(name, { value, priority });
  }
  removeProperty(name: string) {
    this.values.delete(name);
  }
}

interface FakeRow {
  title: string;
  style: FakeStyle;
}
const row = (title: string): FakeRow => ({ title, style: new FakeStyle() });
const hiddenTitles = (rows: FakeRow[]) => rows.filter((r) => r.style.getPropertyValue('display') === 'none').map((r) => r.title);

/** A changed root whose descendants are listed per selector; a selector not listed is one the browser can't parse. */
function fakeRoot(bySelector: Record<string, FakeRow[]>): Element {
  return {
    closest: () => null,
    querySelectorAll(selector: string) {
      const found = bySelector[selector];
      if (!found) throw new SyntaxError(`'${selector}' is not a valid selector`);
      return found;
    },
  } as unknown as Element;
}

const titleOf = (element: Element) => (element as unknown as FakeRow).title;

/** An adapter whose code breaks in every way the engine calls it. */
const broken: SiteAdapter = {
  id: 'whatsapp',
  hosts: ['web.whatsapp.com'],
  home: 'https://web.whatsapp.com/',
  searchInputs: '#side [contenteditable]',
  route: () => {
    throw new TypeError("Cannot read properties of null (reading 'pathname')");
  },
  procedural: [
    {
      action: 'hide',
      surface: 'message',
      selector: '.chat-row',
      read: (element) => {
        // A row whose markup changed: the adapter hits a null on it.
        if (titleOf(element) === 'changed markup') throw new TypeError("Cannot read properties of null (reading 'textContent')");
        return titleOf(element);
      },
      seen: 'test: throws on one row',
    },
    { action: 'hide', surface: 'story', selector: ':has-no-support(x)', read: titleOf, seen: 'test: unparseable selector' },
    { action: 'hide', surface: 'story', selector: '.status-row', read: titleOf, seen: 'test: a working rule after the broken ones' },
  ],
  learn: [
    {
      selector: '.chat-row',
      read: () => {
        throw new RangeError('broken learner');
      },
      seen: 'test: throws on every row',
    },
    {
      selector: '.chat-row',
      read: (element) => (titleOf(element) === 'Sam Rivera' ? { key: 'thread:42', identifier: '+447700900123' } : null),
      seen: 'test: a working learner',
    },
  ],
};

function hello(): ShieldHello {
  return {
    site: 'whatsapp',
    targets: [{ personId: 1, name: 'Sam Rivera', identifiers: ['+447700900123'], keys: [] }],
    passed: [],
    block: null,
    census: [],
    changesAt: null,
  };
}

describe('the guard around adapter code', () => {
  it('returns the fallback for work that throws, and reports each failure', () => {
    const onFailure = vi.fn();
    const guard = createGuard(onFailure);
    expect(guard.run(() => 7, 0)).toBe(7);
    expect(onFailure).not.toHaveBeenCalled();
    expect(
      guard.run(() => {
        throw new Error('adapter bug');
      }, 0),
    ).toBe(0);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('visits every item after one that throws, and stops at the first that asks to', () => {
    const onFailure = vi.fn();
    const guard = createGuard(onFailure);
    const visited: number[] = [];
    const stopped = guard.some([1, 2, 3, 4, 5, 6], (item) => {
      visited.push(item);
      if (item % 2 === 0 && item < 5) throw new Error(`bad ${item}`);
      return item === 5;
    });
    expect(stopped).toBe(true);
    expect(visited).toEqual([1, 2, 3, 4, 5]);
    expect(onFailure).toHaveBeenCalledTimes(2);
    expect(guard.some([], () => true)).toBe(false);
  });
});

describe('page health', () => {
  it('reports a failure once, and a later healthy check does not clear it', () => {
    const sent: boolean[] = [];
    const health = pageHealth((healthy) => sent.push(healthy));
    health.checked(null);
    health.checked(true);
    health.failed();
    health.failed();
    health.checked(true);
    health.checked(false);
    expect(sent).toEqual([true, false]);
  });
});

describe('the procedural scanner with a broken adapter', () => {
  it('keeps hiding with the rules that work, throws nothing, and reports the site unhealthy once', () => {
    const learned = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((() => Promise.resolve({ stored: true })) as never);
    const sent: boolean[] = [];
    const health = pageHealth((healthy) => sent.push(healthy));
    const block = vi.fn();
    const onLearned = vi.fn();
    const onHidden = vi.fn();
    const scan = proceduralScanner(broken, hello(), createGuard(health.failed), block, onLearned, onHidden)!;

    const chats = [row('Jo Martin'), row('changed markup'), row('+44 7700 900123'), row('Sam Rivera 2'), row('Sam Rivera')];
    const statuses = [row('Sam Rivera'), row('Ana Lopez')];
    const root = fakeRoot({ '.chat-row': chats, '.status-row': statuses });
    expect(() => scan([root])).not.toThrow();
    // Again, as a later mutation batch would: still nothing thrown, still one report.
    expect(() => scan([root, root])).not.toThrow();

    // The rows after the one that threw were still read; the rule after the unparseable one ran.
    expect(hiddenTitles(chats)).toEqual(['+44 7700 900123', 'Sam Rivera']);
    expect(hiddenTitles(statuses)).toEqual(['Sam Rivera']);
    // Each is handed to the census once, though the second batch read them again.
    expect(onHidden.mock.calls.map(([element]) => (element as FakeRow).title)).toEqual(['+44 7700 900123', 'Sam Rivera', 'Sam Rivera']);
    // The working learner learned despite the one before it throwing on every row.
    expect(learned).toHaveBeenCalledTimes(1);
    expect(learned.mock.calls[0]?.[0]).toMatchObject({ name: 'cs-bg-learn', data: { key: 'thread:42', personId: 1 } });
    expect(onLearned).toHaveBeenCalledTimes(1);
    expect(block).not.toHaveBeenCalled();
    expect(sent).toEqual([false]);
  });

  it('still leaves for the shield when a shield rule after a broken one names them', () => {
    const adapter: SiteAdapter = {
      ...broken,
      learn: [],
      procedural: [
        broken.procedural![0]!,
        { action: 'shield', surface: 'message', selector: '#main header', read: titleOf, seen: 'test: the open chat' },
      ],
    };
    const block = vi.fn();
    const scan = proceduralScanner(adapter, hello(), createGuard(() => undefined), block, () => undefined, () => undefined)!;
    scan([fakeRoot({ '.chat-row': [row('changed markup')], '#main header': [row('Sam Rivera')] })]);
    expect(block).toHaveBeenCalledWith(1, 'message');
  });
});
