import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// `npm run bench`: one long measuring run in real browsers, printed as it goes.
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['tests/bench/benchmarks.ts'],
    testTimeout: 30 * 60_000,
    disableConsoleIntercept: true,
  },
});
