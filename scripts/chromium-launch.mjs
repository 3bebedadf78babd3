// The system Chromium every headless use in the project launches: the browser tests' shared server
// (tests/e2e/chromium-server.mjs), the benches (bench/lib/browser.ts) and the icon renderer (make-icons.mjs).
// Plain JavaScript, so that Jest's global set-up and a plain `node scripts/…` can load it untransformed.

/** Where Chromium is expected (Debian's package `chromium`); `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless in a container as root (no sandbox, no GPU), with the background chatter off: it slows a loaded CI
 * machine and would skew a bench's timings.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
