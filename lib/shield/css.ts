import type { HideRule } from '../sites/types';
import { identifierKind } from '../sites/types';
import type { Target } from './targets';

/** Escapes text for use inside a double-quoted CSS string. */
export function cssString(text: string): string {
  return text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/**
 * Every rule of a site instantiated for every identifier of every target there, subjects spelled
 * out. Rules of the same shape share one selector: where a template keys on the identifier inside
 * one `:is()` list, the lists of every identifier (of every person, handle and numeric id alike)
 * are joined into it. `P:has(:is(a1, a2))` is what `P:has(:is(a1)), P:has(:is(a2))` says, but the
 * browser walks P's subtree once for it instead of once per identifier.
 */
export function compileSelectors(rules: readonly HideRule[], targets: Target[]): string[] {
  const identifiers = targets.flatMap((target) => target.identifiers);
  const joined = new Map<string, { before: string; after: string; alternatives: string[] }>();
  const single: string[] = [];
  for (const rule of rules) {
    const mine = identifiers.filter((identifier) => identifierKind(identifier) === rule.kind);
    if (mine.length === 0) continue;
    const instantiate = (text: string) => mine.map((identifier) => text.replaceAll('{id}', cssString(identifier)));
    // A rule written as a list (`A, B`) is one template per selector, each joined and counted alone.
    for (const template of splitList(rule.selector)) {
      const list = keyedList(template);
      if (!list) {
        single.push(...instantiate(template));
        continue;
      }
      const before = template.slice(0, list.open + 1);
      const after = template.slice(list.close);
      const shape = `${before}\u0000${after}`;
      const entry = joined.get(shape) ?? { before, after, alternatives: [] };
      entry.alternatives.push(...instantiate(template.slice(list.open + 1, list.close)));
      joined.set(shape, entry);
    }
  }
  return [...[...joined.values()].map(({ before, alternatives, after }) => withPrefilter(before, alternatives, after)), ...single].flatMap(
    expandSubject,
  );
}

/**
 * A joined selector, with a cheap `:has()` first where its list sits in one. In Chromium a `:has()`
 * that looks through a subtree costs, on every element it is tested on, in proportion to the length
 * of its argument's text, matched or not (tests/bench/notes.md), so a long list of link shapes is
 * paid for on every feed unit. `P:has(h4 :is(a[href*="x"]:is(…), …))` becomes
 * `P:has(a:is([href*="x"], …)):has(h4 :is(a[href*="x"]:is(…), …))`: the short first argument
 * (what every alternative needs at least) turns away nearly every P, and the browser tests a
 * compound's parts in order, so the long one runs only where a link holds the identifier at all.
 * The prefilter only drops conditions, so it never turns away a P the long one would match. A
 * `:has(> …)` looks at children only and keeps no such cache; it is left as it is.
 */
function withPrefilter(before: string, alternatives: string[], after: string): string {
  const list = alternatives.join(', ');
  const selector = `${before}${list}${after}`;
  let hasAt = -1;
  walk(before, 0, (index) => {
    if (before.startsWith(':has(', index) && closingParen(selector, index + 4) > before.length + list.length) hasAt = index;
  });
  if (hasAt < 0 || /^\s*[>+~]/.test(selector.slice(hasAt + 5))) return selector;
  const prefilter = leastOf(alternatives.flatMap(splitList));
  // Where the alternatives are plain attribute tests already, a second walk would only add to them.
  if (!prefilter || prefilter.length * 2 > list.length) return selector;
  return `${selector.slice(0, hasAt)}:has(${prefilter})${selector.slice(hasAt)}`;
}

/**
 * What each of the compounds needs at least: the compound without its pseudo-classes, written
 * `a:is([x], [y])` when they share the tag (the browser then tests the tag alone on every other
 * element). Null when a compound is not one compound or would keep no attribute test.
 */
function leastOf(compounds: string[]): string | null {
  const kept: string[] = [];
  for (const compound of compounds) {
    const plain = hasCombinator(compound) ? null : withoutPseudoClasses(compound);
    if (!plain?.includes('[')) return null;
    kept.push(plain);
  }
  const tagOf = (part: string) => /^[a-z][\w-]*/i.exec(part)?.[0] ?? '';
  const tag = tagOf(kept[0]!);
  const tests = [...new Set(kept.map((part) => part.slice(tag.length)))];
  return tag && kept.every((part) => tagOf(part) === tag)
    ? `${tag}:is(${tests.join(', ')})`
    : `:is(${[...new Set(kept)].join(', ')})`;
}

/** A compound without its pseudo-classes (`:is(…)`, `:not(…)`, `:hover`); null if one cannot be read. */
function withoutPseudoClasses(compound: string): string | null {
  const cuts: [number, number][] = [];
  let readable = true;
  walk(compound, 0, (index, depth) => {
    if (depth > 0 || compound[index] !== ':') return false;
    const name = /^:[a-z-]+/i.exec(compound.slice(index))?.[0];
    const end = name ? index + name.length : -1;
    const close = compound[end] === '(' ? closingParen(compound, end) : end - 1;
    if (!name || close < 0) {
      readable = false;
      return true;
    }
    cuts.push([index, close + 1]);
  });
  return readable ? cuts.reduceRight((text, [start, end]) => text.slice(0, start) + text.slice(end), compound) : null;
}

/**
 * The `:is()` list a template keys on: the innermost one holding every `{id}`, if none of the
 * lists around it is a `:not()` (where joining would turn "none of" into "not all of").
 */
function keyedList(template: string): { open: number; close: number } | null {
  const keys = [...template.matchAll(/\{id\}/g)].map((match) => match.index);
  if (keys.length === 0) return null;
  const pairs: { open: number; close: number }[] = [];
  const opened: number[] = [];
  walk(template, 0, (index) => {
    if (template[index] === '(') opened.push(index);
    else if (template[index] === ')') pairs.push({ open: opened.pop()!, close: index });
  });
  // Parentheses around every key are nested in one another: the innermost opens last.
  const around = pairs.filter(({ open, close }) => keys.every((key) => open < key && key < close)).sort((x, y) => x.open - y.open);
  if (around.some(({ open }) => template.endsWith(':not', open))) return null;
  const innermost = around.at(-1);
  return innermost && template.endsWith(':is', innermost.open) ? innermost : null;
}

/**
 * The stylesheet that hides every target on a site. One rule per selector, so a selector a
 * browser cannot parse drops only itself. Injected with user origin: the page can neither
 * read it nor out-specify it.
 */
export function compileCss(selectors: string[]): string {
  return selectors.map((selector) => `${selector} { display: none !important; }`).join('\n');
}

/**
 * Walks a selector outside quoted strings and attribute brackets (identifiers are substituted into
 * strings, so they may hold anything; `[href="/sam" i]` holds a space that is no combinator),
 * calling `visit` with each character's index and the parenthesis depth before it. Returning true
 * stops the walk.
 */
function walk(selector: string, from: number, visit: (index: number, depth: number) => boolean | void): void {
  let depth = 0;
  let quote = '';
  let inBrackets = false;
  for (let index = from; index < selector.length; index += 1) {
    const char = selector[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (inBrackets) inBrackets = char !== ']';
    else if (char === '[') inBrackets = true;
    else if (visit(index, depth)) return;
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
  }
}

/** Where the selector's last compound, its subject, starts. */
function subjectStart(selector: string): number {
  let start = 0;
  walk(selector, 0, (index, depth) => {
    if (depth === 0 && /[\s>+~]/.test(selector[index]!)) start = index + 1;
  });
  return start;
}

/** The top-level parts of a selector list. */
function splitList(list: string): string[] {
  const parts: string[] = [];
  let from = 0;
  walk(list, 0, (index, depth) => {
    if (depth === 0 && list[index] === ',') {
      parts.push(list.slice(from, index).trim());
      from = index + 1;
    }
  });
  return [...parts, list.slice(from).trim()];
}

/** The index of the parenthesis that closes the one at `open`. */
function closingParen(selector: string, open: number): number {
  let close = -1;
  walk(selector, open, (index, depth) => {
    if (selector[index] === ')' && depth === 1) {
      close = index;
      return true;
    }
  });
  return close;
}

const hasCombinator = (part: string) => subjectStart(part) > 0;

/**
 * Spells out a subject written as `:is(a, b)` as one selector per alternative. Browsers file
 * each rule under its subject's tag, id, class or attribute and test only elements that have it;
 * a subject that is an `:is()` list lands in the bucket every element is tested against.
 */
export function expandSubject(selector: string): string[] {
  const start = subjectStart(selector);
  if (!selector.startsWith(':is(', start)) return [selector];
  const close = closingParen(selector, start + 3);
  const alternatives = splitList(selector.slice(start + 4, close));
  // `P :is(A B)` is not `P A B`: only plain compounds can be spelled out.
  if (close < 0 || alternatives.some(hasCombinator)) return [selector];
  const prefix = selector.slice(0, start);
  const rest = selector.slice(close + 1);
  return alternatives.map((alternative) => `${prefix}${alternative}${rest}`);
}

/**
 * How the census finds what a rule hid without matching `:has()` on every element: a rule
 * `A:has(B)` hides the nearest `A` above a `B`, so the census queries `A B` (right to left: the
 * few `B` first) and counts each match's `container`. The `:has()` is the subject's last one, and
 * may sit anywhere in it (`A:has(B):not(C)` is `A:not(C):has(B)`). Other rules are counted as
 * they match, except a rule whose subject is a sibling of what names them (`A + B`, a separator
 * hidden with their card): nothing of theirs is in it, so there is no query (null).
 */
export interface CensusQuery {
  key: string;
  /** The selector of the hidden element above each key match; null when the match itself is hidden. */
  container: string | null;
  /** The hidden element is the key match's parent (`A:has(> B)`, B one compound). */
  parent: boolean;
  /**
   * The key's last compound, its `:is()` spelled out as a list: every match of the key matches
   * it, and it is cheap to query (no combinator to climb), so the census finds candidates with
   * these and tests the keys only on them.
   */
  candidate: string;
}

export function censusQuery(selector: string): CensusQuery | null {
  const start = subjectStart(selector);
  if (/[+~]\s*$/.test(selector.slice(0, start))) return null;
  let open = -1;
  walk(selector, start, (index, depth) => {
    if (depth === 0 && selector.startsWith(':has(', index)) open = index + 4;
  });
  if (open < 0) return censusEntry(selector, null, false);
  const close = closingParen(selector, open);
  const argument = selector.slice(open + 1, close).trim();
  if (/^[+~]/.test(argument) || splitList(argument).length > 1) return censusEntry(selector, null, false);
  const container = selector.slice(0, open - 4) + selector.slice(close + 1) || '*';
  // A container ending in a combinator (`P :has(B)`) would need a universal subject.
  const subject = /[\s>+~]$/.test(container) ? `${container}*` : container;
  // `A:has(> B)` hides B's parent; `A:has(> B C)` hides the nearest A above C, as any other.
  const parent = argument.startsWith('>') && !hasCombinator(argument.slice(1).trim());
  return censusEntry(`${subject} ${argument}`, subject, parent);
}

/** A census query, with its candidate: the key's last compound, `:is()` spelled out. */
function censusEntry(key: string, container: string | null, parent: boolean): CensusQuery {
  return { key, container, parent, candidate: expandSubject(key.slice(subjectStart(key))).join(', ') };
}
