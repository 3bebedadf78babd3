import unit from './jest.config.mjs';

// Same zone as the unit tests, so no date logic depends on the machine it runs on (jest.config.mjs sets it too).
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';

/**
 * End-to-end tests: the real server serving the built tab (`npm run build:tab` first), driven in headless
 * Chromium. Two files at a time (maxWorkers 2): a file alternates between its server (the worker's node process)
 * and Chromium's renderer, so one file at a time left one of CI's two cores mostly idle. The files are
 * independent: each starts its own server on a free port with its own in-memory PGlite database, opens its
 * pages in contexts of its own, and writes screenshots under names no other file uses. One Chromium for the
 * whole run (tests/e2e/chromium-server.mjs): the global set-up launches it, each file connects and opens
 * contexts of its own.
 * @type {import('jest').Config}
 */
export default {
  ...unit,
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 90_000,
  testEnvironmentOptions: { hookTimeout: 120_000 },
  maxWorkers: 2,
  globalSetup: '<rootDir>/tests/e2e/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.mjs',
};
