import { describe, expect, it } from 'vitest';
import { censusQuery, compileCss, compileSelectors, cssString, expandSubject } from '@/lib/shield/css';
import { normalizeShown, targetFor, targetNamed, targetsFor, type Target } from '@/lib/shield/targets';
import type { HideRule } from '@/lib/sites/types';
import type { Person } from '@/lib/model';

const people: Person[] = [
  {
    id: 1,
    name: 'Sam Rivera',
    noContactSince: '2026-11-01',
    goalDays: 30,
    accounts: [
      { site: 'instagram', handle: 'sam.rivera' },
      { site: 'whatsapp', handle: '+447700900123' },
      { site: 'youtube', handle: 'UCx7Qm2bTfR3nLp9Kd4WvE8a' },
      { site: 'facebook', handle: '100004567890123' },
    ],
  },
  { id: 2, name: 'Alex', noContactSince: '2026-11-01', goalDays: 30, accounts: [{ site: 'x', handle: 'alexk' }] },
  { id: 3, name: 'Nobody here', noContactSince: '2026-11-01', goalDays: 30, accounts: [] },
];

describe('targets', () => {
  it('keeps only people with accounts on the site, with their learned keys', () => {
    expect(targetsFor('instagram', people, [{ personId: 1, key: 'thread:42' }, { personId: 2, key: 'thread:7' }])).toEqual([
      { personId: 1, name: 'Sam Rivera', identifiers: ['sam.rivera'], keys: ['thread:42'] },
    ]);
    expect(targetsFor('tiktok', people)).toEqual([]);
  });

  it('keeps the case of case-sensitive ids and matches routes case-insensitively', () => {
    const [youtube] = targetsFor('youtube', people);
    expect(youtube?.identifiers).toEqual(['UCx7Qm2bTfR3nLp9Kd4WvE8a']);
    expect(targetFor(targetsFor('instagram', people), ['SAM.RIVERA'])?.personId).toBe(1);
    expect(targetFor(targetsFor('instagram', people, [{ personId: 1, key: 'thread:42' }]), ['thread:42'])?.personId).toBe(1);
    expect(targetFor(targetsFor('instagram', people), ['sam.rivera2'])).toBeUndefined();
  });

  const whatsapp: Target[] = targetsFor('whatsapp', people);
  it.each([
    ['Sam Rivera', 1],
    ['  sam   RIVERA ', 1],
    ['+44 7700 900123', 1],
    ['07700 900123', 1],
    ['(0)7700-900123', 1],
    ['Sam Rivera 2', undefined],
    ['Sam Rivers', undefined],
    ['+44 7700 900124', undefined],
    ['900123', undefined],
    ['', undefined],
  ])('reads %j as person %s', (shown, personId) => {
    expect(targetNamed(whatsapp, shown)?.personId).toBe(personId);
  });

  it('normalises shown text', () => {
    expect(normalizeShown('  @Sam.Rivera\n')).toBe('sam.rivera');
    expect(targetNamed(whatsapp, null)).toBeUndefined();
  });
});

describe('css', () => {
  const rules: HideRule[] = [
    { surface: 'post', kind: 'handle', selector: 'a[href="/{id}/" i]', seen: 'test' },
    { surface: 'post', kind: 'id', selector: '[data-id="{id}"]', seen: 'test' },
  ];

  it('escapes quotes, backslashes and newlines for a CSS string', () => {
    expect(cssString('a"b\\c\nd')).toBe('a\\"b\\\\c\\a d');
  });

  it('instantiates each rule only for identifiers of its kind', () => {
    const targets: Target[] = [{ personId: 1, name: 'S', identifiers: ['sam.rivera', '1000'], keys: ['thread:1'] }];
    expect(compileSelectors(rules, targets)).toEqual(['a[href="/sam.rivera/" i]', '[data-id="1000"]']);
    expect(compileCss(compileSelectors(rules, targets))).toBe(
      'a[href="/sam.rivera/" i] { display: none !important; }\n[data-id="1000"] { display: none !important; }',
    );
  });

  it('joins every identifier of rules of one shape into one :is() list, so the browser walks once', () => {
    const shaped: HideRule[] = [
      { surface: 'post', kind: 'handle', selector: 'article:has(h4 :is(a[href="/{id}" i], a[href^="/{id}?" i]))', seen: 'test' },
      { surface: 'post', kind: 'id', selector: 'article:has(h4 :is(a[href="/p?id={id}"]))', seen: 'test' },
    ];
    const targets: Target[] = [
      { personId: 1, name: 'S', identifiers: ['sam.rivera', '1000'], keys: [] },
      { personId: 2, name: 'A', identifiers: ['alexk'], keys: [] },
    ];
    expect(compileSelectors(shaped, targets)).toEqual([
      'article:has(h4 :is(a[href="/sam.rivera" i], a[href^="/sam.rivera?" i], a[href="/alexk" i], a[href^="/alexk?" i], a[href="/p?id=1000"]))',
    ]);
  });

  it('tests a :has() of long link shapes only where a short :has() of what they all need matched', () => {
    const shapes = ['[href="/{id}" i]', '[href^="/{id}?" i]', '[href^="/{id}/" i]', '[href$="example.com/{id}" i]'].join(', ');
    const keyed: HideRule[] = [
      { surface: 'post', kind: 'handle', selector: `article:has(h4 :is(a[href*="{id}" i]:is(${shapes})))`, seen: 'test' },
      { surface: 'post', kind: 'id', selector: 'li:has(:is(a[href*="/u/{id}"]:is([href$="/u/{id}"], [href*="/u/{id}/"])))', seen: 'test' },
      { surface: 'post', kind: 'id', selector: 'li:has(:is(abbr[title*="{id}"]:is([title$=" {id}"], [title*=" {id},"])))', seen: 'test' },
      {
        surface: 'comment',
        kind: 'handle',
        selector: 'article:not(.reply):has(:is(:is(.meta a, a.actor-link, a[data-view="actor"])[href*="/in/{id}/" i]:not([data-x]):focus))',
        seen: 'test',
      },
    ];
    const targets: Target[] = [{ personId: 1, name: 'S', identifiers: ['sam', 'jo', '42'], keys: [] }];
    const full = (id: string) => `a[href*="${id}" i]:is(${shapes.replaceAll('{id}', id)})`;
    expect(compileSelectors(keyed, targets)).toEqual([
      `article:has(a:is([href*="sam" i], [href*="jo" i])):has(h4 :is(${full('sam')}, ${full('jo')}))`,
      // Tags of their own (`abbr` is not `a`), so the prefilter lists each compound whole.
      'li:has(:is(a[href*="/u/42"], abbr[title*="42"])):has(:is(a[href*="/u/42"]:is([href$="/u/42"], [href*="/u/42/"]), abbr[title*="42"]:is([title$=" 42"], [title*=" 42,"])))',
      // Only the attribute tests outside every pseudo-class are what all of them need.
      `article:not(.reply):has(:is([href*="/in/sam/" i], [href*="/in/jo/" i])):has(:is(${['sam', 'jo']
        .map((id) => `:is(.meta a, a.actor-link, a[data-view="actor"])[href*="/in/${id}/" i]:not([data-x]):focus`)
        .join(', ')}))`,
    ]);
  });

  it('adds no prefilter where it would not be shorter, would test no attribute, or the :has() looks at children only', () => {
    const plain: HideRule[] = [
      { surface: 'post', kind: 'handle', selector: 'article:has(:is(a[href="/{id}" i], a[href^="/{id}?" i]))', seen: 'test' },
      { surface: 'post', kind: 'handle', selector: 'li:has(> :is(a[href*="{id}"]:is([href$="/{id}"], [href*="/{id}/"], [href*="/{id}?"])))', seen: 'test' },
      { surface: 'post', kind: 'handle', selector: 'div:has(:is(a:is([href$="/{id}"], [href*="/{id}/"], [href*="/{id}?"])))', seen: 'test' },
    ];
    const targets: Target[] = [{ personId: 1, name: 'S', identifiers: ['sam'], keys: [] }];
    expect(compileSelectors(plain, targets)).toEqual([
      'article:has(:is(a[href="/sam" i], a[href^="/sam?" i]))',
      'li:has(> :is(a[href*="sam"]:is([href$="/sam"], [href*="/sam/"], [href*="/sam?"])))',
      'div:has(:is(a:is([href$="/sam"], [href*="/sam/"], [href*="/sam?"])))',
    ]);
  });

  it('keeps one selector per identifier where joining would change the meaning or find no list', () => {
    const unjoinable: HideRule[] = [
      { surface: 'message', kind: 'handle', selector: 'aside:not(:has(:is(a[href="/{id}"]))) :is(a[href="/t/{id}"])', seen: 'test' },
      { surface: 'message', kind: 'handle', selector: 'li:has(a[href="/{id}"])', seen: 'test' },
    ];
    const targets: Target[] = [{ personId: 1, name: 'S', identifiers: ['sam', 'jo'], keys: [] }];
    expect(compileSelectors(unjoinable, targets)).toEqual([
      'aside:not(:has(:is(a[href="/sam"]))) a[href="/t/sam"]',
      'aside:not(:has(:is(a[href="/jo"]))) a[href="/t/jo"]',
      'li:has(a[href="/sam"])',
      'li:has(a[href="/jo"])',
    ]);
  });

  it('spells out a joined subject list, one selector per identifier’s alternative', () => {
    const links: HideRule[] = [{ surface: 'search', kind: 'handle', selector: '[role="listbox"] :is(a[href="/{id}" i])', seen: 'test' }];
    const targets: Target[] = [{ personId: 1, name: 'S', identifiers: ['sam', 'jo'], keys: [] }];
    expect(compileSelectors(links, targets)).toEqual(['[role="listbox"] a[href="/sam" i]', '[role="listbox"] a[href="/jo" i]']);
  });

  it('compiles a rule written as a list into one selector per part, each joined on its own', () => {
    const listed: HideRule[] = [
      { surface: 'post', kind: 'handle', selector: 'article:has(> p[author="{id}" i]), article:has(> p[author="{id}" i]) + hr', seen: 'test' },
      { surface: 'message', kind: 'handle', selector: 'li:has(:is(img[alt="{id}"])), a:has(:is(img[alt="{id}"]))', seen: 'test' },
    ];
    const targets: Target[] = [{ personId: 1, name: 'S', identifiers: ['sam', 'jo'], keys: [] }];
    expect(compileSelectors(listed, targets)).toEqual([
      'li:has(:is(img[alt="sam"], img[alt="jo"]))',
      'a:has(:is(img[alt="sam"], img[alt="jo"]))',
      'article:has(> p[author="sam" i])',
      'article:has(> p[author="jo" i])',
      'article:has(> p[author="sam" i]) + hr',
      'article:has(> p[author="jo" i]) + hr',
    ]);
  });

  it('cannot be broken out of by a hostile identifier', () => {
    const targets: Target[] = [{ personId: 1, name: 'S', identifiers: ['x"] body {display:none} a[b="'], keys: [] }];
    const [selector] = compileSelectors(rules, targets);
    expect(selector).toBe('a[href="/x\\"] body {display:none} a[b=\\"/" i]');
  });
});

describe('subjects spelled out for the browser’s rule buckets', () => {
  it('turns a subject :is() list into one selector per alternative, keeping what follows', () => {
    expect(expandSubject(':is(a[href^="/stories/1/"], a[href*="x.com/stories/1/"])')).toEqual([
      'a[href^="/stories/1/"]',
      'a[href*="x.com/stories/1/"]',
    ]);
    expect(expandSubject('div[role="complementary"] :is(li, [role="row"]):has(a[href="/sam"])')).toEqual([
      'div[role="complementary"] li:has(a[href="/sam"])',
      'div[role="complementary"] [role="row"]:has(a[href="/sam"])',
    ]);
  });

  it('reads the case-insensitive flag inside attribute brackets as part of the attribute', () => {
    expect(expandSubject('[role="listbox"] :is(a[href="/sam" i], a[href^="/sam?" i])')).toEqual([
      '[role="listbox"] a[href="/sam" i]',
      '[role="listbox"] a[href^="/sam?" i]',
    ]);
    expect(censusQuery('li:has(a[href="/sam" i])')).toEqual({ key: 'li a[href="/sam" i]', container: 'li', parent: false, candidate: 'a[href="/sam" i]' });
  });

  it('leaves alone what is not a subject list, or would change meaning', () => {
    for (const selector of [
      'div[aria-posinset]:has(:is(h4, h5) a[href="/sam"])',
      ':is(h4, h5) a[href="/sam"]',
      'li :is(div a, span)',
      'a[title=":is(a, b)"]',
    ]) {
      expect(expandSubject(selector)).toEqual([selector]);
    }
  });

  it('reads parentheses and commas inside quoted identifiers as text', () => {
    const name = cssString('Sam (2), "the" one');
    expect(expandSubject(`:is(a[title="${name}"], b[title="${name}"])`)).toEqual([`a[title="${name}"]`, `b[title="${name}"]`]);
    expect(censusQuery(`li:has(span[title="${name}"])`)).toEqual({ key: `li span[title="${name}"]`, container: 'li', parent: false, candidate: `span[title="${name}"]` });
  });
});

describe('census queries', () => {
  it('queries A B for a rule A:has(B), and counts the nearest A', () => {
    expect(censusQuery('div[aria-posinset]:has(:is(h4, h5) a[href="/sam"])')).toEqual({
      key: 'div[aria-posinset] :is(h4, h5) a[href="/sam"]',
      container: 'div[aria-posinset]',
      parent: false,
      candidate: 'a[href="/sam"]',
    });
    expect(censusQuery('div[role="article"]:not(:has(div[role="article"])):has(a[href*="comment_id="])')).toEqual({
      key: 'div[role="article"]:not(:has(div[role="article"])) a[href*="comment_id="]',
      container: 'div[role="article"]:not(:has(div[role="article"]))',
      parent: false,
      candidate: 'a[href*="comment_id="]',
    });
    expect(censusQuery('ul > li:has(> a[href="/sam"])')).toEqual({ key: 'ul > li > a[href="/sam"]', container: 'ul > li', parent: true, candidate: 'a[href="/sam"]' });
    // The match is deeper than a child: its nearest li is the one hidden.
    expect(censusQuery('ul li:has(> div h3 a[href="/sam"])')).toEqual({ key: 'ul li > div h3 a[href="/sam"]', container: 'ul li', parent: false, candidate: 'a[href="/sam"]' });
  });

  it('finds candidates with the key’s last compound, its :is() spelled out as a list', () => {
    expect(censusQuery('div[aria-posinset]:has(:is(h4, h5) :is(a[href="/sam" i], a[href^="/sam?" i]))')).toEqual({
      key: 'div[aria-posinset] :is(h4, h5) :is(a[href="/sam" i], a[href^="/sam?" i])',
      container: 'div[aria-posinset]',
      parent: false,
      candidate: 'a[href="/sam" i], a[href^="/sam?" i]',
    });
    // A list with a combinator inside is left whole: `:is(p a)` is not `p a` on its own.
    expect(censusQuery('li:has(:is(p a[href="/sam"], b))')?.candidate).toBe(':is(p a[href="/sam"], b)');
  });

  it('finds the subject’s last :has() wherever it sits in the compound', () => {
    expect(censusQuery('div[role="article"][aria-label]:has(a[href^="/sam?"]):not(:has(div[role="article"]))')).toEqual({
      key: 'div[role="article"][aria-label]:not(:has(div[role="article"])) a[href^="/sam?"]',
      container: 'div[role="article"][aria-label]:not(:has(div[role="article"]))',
      parent: false,
      candidate: 'a[href^="/sam?"]',
    });
  });

  it('counts the match itself when the rule has no trailing :has()', () => {
    for (const [selector, candidate] of [
      ['a[href="/sam"]', 'a[href="/sam"]'],
      ['[role="listbox"] a[href="/sam"]', 'a[href="/sam"]'],
      ['div:has(a[href="/sam"]) button', 'button'],
      ['li:has(+ li a[href="/sam"])', 'li:has(+ li a[href="/sam"])'],
      ['li:has(a[href="/sam"], a[href="/sam2"])', 'li:has(a[href="/sam"], a[href="/sam2"])'],
    ]) {
      expect(censusQuery(selector!)).toEqual({ key: selector, container: null, parent: false, candidate });
    }
  });

  it('counts nothing for a rule that hides a neighbour of theirs', () => {
    expect(censusQuery('article:has(> p[author="sam"]) + hr')).toBeNull();
    expect(censusQuery('h2:has(a[href="/sam"]) ~ div')).toBeNull();
    expect(censusQuery('a[title~="x y"] > b')).toEqual({ key: 'a[title~="x y"] > b', container: null, parent: false, candidate: 'b' });
  });

  it('gives a subject to a :has() that follows a combinator', () => {
    expect(censusQuery('main :has(a[href="/sam"])')).toEqual({ key: 'main * a[href="/sam"]', container: 'main *', parent: false, candidate: 'a[href="/sam"]' });
  });
});
