import '@/lib/shield/page/curtain.css';
import adapter from '@/lib/sites/instagram';
import { defineShieldScript } from '@/lib/shield/page';

export default defineShieldScript(adapter);
