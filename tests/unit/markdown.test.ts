import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseInline, parseMarkdown, type Block } from '@/lib/markdown';

describe('the Markdown subset the privacy page renders', () => {
  it('reads bold, italic and code inside text', () => {
    expect(parseInline('Keep **this**, *that* and `storage.local`.')).toEqual([
      { kind: 'text', text: 'Keep ' },
      { kind: 'strong', text: 'this' },
      { kind: 'text', text: ', ' },
      { kind: 'em', text: 'that' },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'storage.local' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reads headings, wrapped paragraphs, lists with continued items, and tables', () => {
    const blocks = parseMarkdown(
      ['# Title', '', 'One line', 'and the next.', '', '- first', '  continued', '- second', '', '| a | b |', '| --- | --- |', '| 1 | 2 |'].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'One line and the next.' }] },
      { kind: 'list', items: [[{ kind: 'text', text: 'first continued' }], [{ kind: 'text', text: 'second' }]] },
      {
        kind: 'table',
        header: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]],
        rows: [[[{ kind: 'text', text: '1' }], [{ kind: 'text', text: '2' }]]],
      },
    ]);
  });

  it.each(['PRIVACY.md', 'PRIVACY.es.md'])('leaves no Markdown marks in the rendered %s', (file) => {
    const blocks = parseMarkdown(readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8'));
    const texts = blocks.flatMap((block) => {
      if (block.kind === 'list') return block.items.flat();
      if (block.kind === 'table') return [...block.header, ...block.rows.flat()].flat();
      return block.content;
    });
    expect(blocks.filter((block) => block.kind === 'heading').length).toBeGreaterThanOrEqual(4);
    expect(blocks.some((block) => block.kind === 'table')).toBe(true);
    expect(texts.filter((inline) => inline.kind === 'text' && /\*\*|`|^#|\|/.test(inline.text))).toEqual([]);
  });
});

describe('the Spanish privacy page', () => {
  const read = (file: string) => parseMarkdown(readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8'));
  /** The document's shape and every code name in it: a translation changes the words, never these. */
  const outline = (blocks: Block[]) =>
    blocks.map((block) => {
      const inlines = block.kind === 'list' ? block.items.flat() : block.kind === 'table' ? [...block.header, ...block.rows.flat()].flat() : block.content;
      const codes = inlines.filter((inline) => inline.kind === 'code').map((inline) => inline.text);
      const size = block.kind === 'list' ? block.items.length : block.kind === 'table' ? block.rows.length : 0;
      return { kind: block.kind, level: block.kind === 'heading' ? block.level : 0, size, codes };
    });

  it('keeps the English one’s headings, lists, tables and code names', () => {
    expect(outline(read('PRIVACY.es.md'))).toEqual(outline(read('PRIVACY.md')));
  });
});
