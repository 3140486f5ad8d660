import { render } from 'preact';
import '@/components/theme.css';
import './privacy.css';
import privacy from '@/PRIVACY.md?raw';
import { parseMarkdown } from '@/lib/markdown';
import { MarkdownDocument } from './MarkdownDocument';

// PRIVACY.md ships inside the extension as text: the page it links from works offline and reaches no host.
render(
  <main class="options privacy">
    <MarkdownDocument blocks={parseMarkdown(privacy)} />
  </main>,
  document.getElementById('app')!,
);
