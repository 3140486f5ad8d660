import type { Block, Inline } from '@/lib/markdown';

function Text({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((inline, index) => {
        if (inline.kind === 'strong') return <strong key={index}>{inline.text}</strong>;
        if (inline.kind === 'em') return <em key={index}>{inline.text}</em>;
        if (inline.kind === 'code') return <code key={index}>{inline.text}</code>;
        return inline.text;
      })}
    </>
  );
}

function Heading({ level, content }: { level: number; content: Inline[] }) {
  const text = <Text content={content} />;
  if (level === 1) return <h1>{text}</h1>;
  if (level === 2) return <h2>{text}</h2>;
  return <h3>{text}</h3>;
}

/** Renders parsed Markdown as elements and text only. */
export function MarkdownDocument({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return <Heading key={index} level={block.level} content={block.content} />;
          case 'paragraph':
            return (
              <p key={index}>
                <Text content={block.content} />
              </p>
            );
          case 'list':
            return (
              <ul key={index}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>
                    <Text content={item} />
                  </li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <div key={index} class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      {block.header.map((cell, cellIndex) => (
                        <th key={cellIndex} scope="col">
                          <Text content={cell} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, rowIndex) => (
                      <tr key={rowIndex}>
                        {row.map((cell, cellIndex) => (
                          <td key={cellIndex}>
                            <Text content={cell} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </>
  );
}
