import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { deferCleanup } from './cleanup.js';

/** Where Chromium is expected; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches the system Chromium headless, with background chatter off so it does not skew timings. */
export async function launchBenchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return { browser, close: deferCleanup(() => browser.close()) };
}

/** True when the Chromium binary is present. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}
