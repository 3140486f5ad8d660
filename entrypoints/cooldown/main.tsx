import { render } from 'preact';
import '@/components/theme.css';
import './cooldown.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
