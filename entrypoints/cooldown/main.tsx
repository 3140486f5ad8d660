import { i18n } from '#i18n';
import { render } from 'preact';
import '@/components/theme.css';
import './cooldown.css';
import { App } from './App';
import { namePage } from '@/lib/i18n/page';

namePage(i18n.t('pages.cooldown'));
render(<App />, document.getElementById('app')!);
