import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';
import { middayZone } from './tests/e2e/midday-zone.ts';

// Set before the browsers start, which take their local time from TZ (see midday-zone.ts).
process.env.TZ = middayZone();

export default defineConfig({
  // `#i18n` is WXT's generated module (`wxt prepare`); Node gets English messages from the setup file.
  resolve: { alias: { '@': resolve(import.meta.dirname), '#i18n': resolve(import.meta.dirname, '.wxt/i18n/index.ts') } },
  test: {
    setupFiles: ['tests/e2e/node-i18n.ts', 'tests/e2e/temp-files.ts'],
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Real browsers on a two-core machine: one file at a time keeps timings honest.
    fileParallelism: false,
  },
});
