/**
 * The small part of Markdown that PRIVACY.md uses (headings, paragraphs, lists, tables, bold,
 * italic and code), read into plain data so a page can render it as text, never as HTML.
 */
export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string };

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] };

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)/;

export function parseInline(text: string): Inline[] {
  return text
    .split(INLINE)
    .filter((part) => part !== '')
    .map((part): Inline => {
      if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return { kind: 'strong', text: part.slice(2, -2) };
      if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return { kind: 'code', text: part.slice(1, -1) };
      if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return { kind: 'em', text: part.slice(1, -1) };
      return { kind: 'text', text: part };
    });
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => parseInline(cell.trim()));

const isTableRule = (line: string) => /^\|?\s*:?-{3,}/.test(line.trim());

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      index += 1;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!) });
      index += 1;
    } else if (line.startsWith('|')) {
      const table: string[] = [];
      while (index < lines.length && lines[index]!.startsWith('|')) table.push(lines[index++]!);
      const [header = '', ...rest] = table;
      blocks.push({ kind: 'table', header: cells(header), rows: rest.filter((row) => !isTableRule(row)).map(cells) });
    } else if (/^[-*]\s/.test(line)) {
      const items: string[] = [];
      while (index < lines.length && /^([-*]\s|\s{2,}\S)/.test(lines[index]!)) {
        const current = lines[index++]!;
        if (/^[-*]\s/.test(current)) items.push(current.slice(2).trim());
        else items[items.length - 1] += ` ${current.trim()}`;
      }
      blocks.push({ kind: 'list', items: items.map(parseInline) });
    } else {
      const paragraph: string[] = [];
      while (index < lines.length && lines[index]!.trim() !== '' && !/^(#|\||[-*]\s)/.test(lines[index]!)) {
        paragraph.push(lines[index++]!.trim());
      }
      blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    }
  }
  return blocks;
}
