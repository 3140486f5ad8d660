import { i18n } from '#i18n';
import { render } from 'preact';
import '@/components/theme.css';
import './privacy.css';
import privacyEnglish from '@/PRIVACY.md?raw';
import privacySpanish from '@/PRIVACY.es.md?raw';
import { parseMarkdown } from '@/lib/markdown';
import { MarkdownDocument } from './MarkdownDocument';
import { namePage } from '@/lib/i18n/page';

namePage(i18n.t('pages.privacy'));
// The policy ships inside the extension as text: the page it links from works offline and reaches no host.
const privacy = i18n.t('locale') === 'es' ? privacySpanish : privacyEnglish;
render(
  <main class="page privacy">
    <MarkdownDocument blocks={parseMarkdown(privacy)} />
  </main>,
  document.getElementById('app')!,
);
