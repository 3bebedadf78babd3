// Every test runs in UTC so that date logic never depends on the machine's zone. Set here, before Jest starts its
// workers, so that they inherit it (and so does the in-band run on a machine with one spare core).
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';

/**
 * Unit and integration tests (PGlite by default; TEST_DATABASE_URL for PostgreSQL), under Jest's native ESM
 * (`npm test` starts node with --experimental-vm-modules), since the code is ESM and uses import.meta.
 *
 * TypeScript goes through @swc/jest: it strips types per file like the `isolatedModules` build the project
 * already requires, an order of magnitude faster than ts-jest on a cold cache, and it needs no install script
 * (@swc/core's postinstall is only a fallback check; the native binary is an ordinary optional package, so it
 * works without npm approving the script). Type errors are `npm run typecheck`'s job, not the test run's.
 * @type {import('jest').Config}
 */
export default {
  // Jest's node environment plus a longer default for hooks (hookTimeout) than for tests (testTimeout).
  testEnvironment: '<rootDir>/tests/helpers/jest-environment.mjs',
  testEnvironmentOptions: { hookTimeout: 60_000 },
  // PGlite's migrated template, built once per run and shared by every worker (see the files).
  globalSetup: '<rootDir>/tests/helpers/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/tests/helpers/jest-global-teardown.mjs',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/tests/e2e/'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  // The code imports its own TypeScript files with the .js suffix NodeNext wants; Jest resolves the .ts file.
  // Not `x.json.js` (libphonenumber-js ships its metadata so): that would resolve to the raw `x.json`.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)(?<!\\.json)\\.js$': '$1',
    // ESM-only, required from CommonJS by @microsoft/app-manifest: see the file.
    '^strip-bom$': '<rootDir>/tests/helpers/strip-bom.cjs',
  },
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, importAttributes: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2023',
          experimental: { keepImportAttributes: true },
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  testTimeout: 30_000,
  // Jest keeps each test file's module graph (a vm context) alive in the process that ran it: run in band, one
  // process grew by about 250 MB a file (3 GB after 11 files). With a memory limit Jest runs the files in a child
  // worker and starts a fresh one once it passes the limit.
  workerIdleMemoryLimit: '1500MB',
  // One worker per core, not Jest's default of cores − 1: the main process only hands out files and prints,
  // while a worker is busy on one core (PGlite runs in it). On CI's 2 cores the default left one core idle for
  // the whole run. Memory: two workers of at most ~1.5 GB each plus the one file running over the limit.
  maxWorkers: '100%',
  slowTestThreshold: 15,
  // How long Jest waits for a worker to exit at the end of the run before it kills it and warns "A worker
  // process has failed to exit gracefully". Jest's 500 ms was too short, not a leak: a worker's JavaScript is
  // done within a millisecond of Jest's "end" message (its 'exit' event fires), but the operating system takes
  // 0.2-0.6 s more on a loaded machine to tear down a process that held PGlite's WebAssembly memories. A handle
  // that really leaks keeps a worker alive past any limit, so it is still reported, 5 s later.
  workerGracefulExitTimeout: 5_000,
};
