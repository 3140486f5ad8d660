import { i18n } from '#i18n';
import { render } from 'preact';
import '@/components/theme.css';
import './pause.css';
import { App } from './App';
import { namePage } from '@/lib/i18n/page';

namePage(i18n.t('pages.pause'));
render(<App />, document.getElementById('app')!);
