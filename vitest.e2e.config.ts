import { defineConfig } from 'vitest/config';

// Same zone as the unit tests, so no date logic depends on the machine it runs on.
process.env.TZ = 'UTC';

/** End-to-end tests: the real server serving the built tab (`npm run build` first), driven in headless Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC', NODE_ENV: 'test' },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser and one server at a time: the files share the machine's CPU with Chromium.
    fileParallelism: false,
    pool: 'forks',
  },
});
