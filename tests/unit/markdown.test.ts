import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseInline, parseMarkdown } from '@/lib/markdown';

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

  it('leaves no Markdown marks in the rendered PRIVACY.md', () => {
    const blocks = parseMarkdown(readFileSync(resolve(import.meta.dirname, '../../PRIVACY.md'), 'utf8'));
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
