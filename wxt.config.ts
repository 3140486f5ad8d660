import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_HOST_PATTERNS } from './lib/sites/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets parallel work build into separate folders; the e2e harness reads the same variable.
  outDir: process.env.CLEAN_BREAK_OUT ?? '.output',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // Both browsers preload modules natively; Vite's polyfill would be the only fetch() we ship.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: 'Clean Break',
    description:
      'Keep no contact after a breakup: hides one person across social sites, and turns every reflexive check into a logged urge. Nothing leaves your device.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    host_permissions: SITE_HOST_PATTERNS,
    action: { default_title: 'Clean Break' },
    // The content script replaces a shielded page with this extension page; nothing else is exposed.
    web_accessible_resources: [{ resources: ['pause.html'], matches: SITE_HOST_PATTERNS }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clean-break@cleanbreak.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
