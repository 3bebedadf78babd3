import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium-launch.mjs';
import { deferCleanup } from './cleanup.js';

export { CHROMIUM_PATH };

/** Launches the system Chromium headless, with background chatter off so it does not skew timings. */
export async function launchBenchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  return { browser, close: deferCleanup(() => browser.close()) };
}

/** True when the Chromium binary is present. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}
