// Fails early, with the exact fix, when the browsers the e2e suite drives are missing.
import { existsSync } from 'node:fs';

const browsers = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', apt: 'chromium' },
  { name: 'Firefox ESR', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', apt: 'firefox-esr' },
];
const missing = browsers.filter((browser) => !existsSync(browser.path));
if (missing.length > 0) {
  console.error(`The end-to-end tests need ${missing.map((b) => `${b.name} (${b.path})`).join(' and ')}.`);
  console.error(`Install with:  sudo apt-get update && sudo apt-get install -y ${missing.map((b) => b.apt).join(' ')}`);
  console.error('Or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries.');
  process.exit(1);
}
