import '@/lib/shield/page/curtain.css';
import adapter from '@/lib/sites/x';
import { defineShieldScript } from '@/lib/shield/page';

export default defineShieldScript(adapter);
