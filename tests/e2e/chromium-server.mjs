import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium-launch.mjs';

/**
 * One headless Chromium for the whole browser-test run. Jest's global set-up (jest.e2e.config.mjs) launches it as
 * a Playwright browser server before any test file starts and closes it after the last; every file connects to it
 * (tests/e2e/browser.ts, launchChromium) and opens its pages in contexts of its own, which share no cookies, storage
 * or cache with another file's. A launch and close cost a file about four seconds on a loaded two-core machine.
 * Plain JavaScript: Jest loads the global set-up outside its transform.
 */

/** Where the connecting files find the server (Jest starts its workers after the global set-up). */
export const BROWSER_ENDPOINT_VARIABLE = 'BONDGENOTEN_E2E_BROWSER_ENDPOINT';

/** The system Chromium headless, with the background chatter that slows CI switched off. */
export function chromiumLaunchOptions() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] };
}

/** Launches the shared browser server (Jest's global set-up, tests/e2e/global-setup.mjs). */
export default async function launchSharedChromium() {
  const server = await chromium.launchServer(chromiumLaunchOptions());
  globalThis.__bondgenotenBrowserServer = server;
  process.env[BROWSER_ENDPOINT_VARIABLE] = server.wsEndpoint();
}

/** Closes it (tests/e2e/global-teardown.mjs). */
export async function closeSharedChromium() {
  await globalThis.__bondgenotenBrowserServer?.close();
  delete process.env[BROWSER_ENDPOINT_VARIABLE];
}
