import { i18n } from '#i18n';
import { render } from 'preact';
import '@/components/theme.css';
import './privacy.css';
import privacy from '@/PRIVACY.md?raw';
import { parseMarkdown } from '@/lib/markdown';
import { MarkdownDocument } from './MarkdownDocument';
import { namePage } from '@/lib/i18n/page';

namePage(i18n.t('pages.privacy'));
// PRIVACY.md ships inside the extension as text: the page it links from works offline and reaches no host.
render(
  <main class="options privacy">
    {/* The document itself is written in English; a reader in another language is told so, in theirs. */}
    {i18n.t('locale') !== 'en' && (
      <p class="notice" data-testid="privacy-language">
        {i18n.t('privacy.englishOnly')}
      </p>
    )}
    <MarkdownDocument blocks={parseMarkdown(privacy)} />
  </main>,
  document.getElementById('app')!,
);
