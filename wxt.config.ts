import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_HOST_PATTERNS } from './lib/sites/hosts';

/**
 * Extension pages and the worker run only the code shipped with them and reach no host at all:
 * no remote or inline script, no eval, no connections, no plugins, and no site may frame them.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Lets parallel work build into separate folders; the e2e harness reads the same variable.
  outDir: process.env.CLEAN_BREAK_OUT ?? '.output',
  manifestVersion: 3,
  zip: {
    // What an addons.mozilla.org reviewer needs to rebuild the add-on byte for byte, and nothing else:
    // no tests, fixtures, screenshots or build output.
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'PRIVACY.md',
      'PRIVACY.es.md',
      'CHANGELOG.md',
    ],
  },
  vite: () => ({
    plugins: [preact()],
    // Both browsers preload modules natively; Vite's polyfill would be the only fetch() we ship.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    // Asked for only when the user turns milestone notifications on.
    optional_permissions: ['notifications'],
    host_permissions: SITE_HOST_PATTERNS,
    action: { default_title: 'Clean Break' },
    // Dev mode keeps WXT's own policy: its dev server needs a socket and injected styles.
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    // The content script replaces a shielded page with this extension page; nothing else is exposed.
    // Chrome: reachable by a page only at a per-session address, so a site can't probe for it by the public store id.
    web_accessible_resources: [{ resources: ['pause.html'], matches: SITE_HOST_PATTERNS, ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clean-break@cleanbreak.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
