import type { Browser, BrowserContext } from 'playwright-core';
import {
  BLANK_TAB_HEADING,
  BLANK_TAB_PATH,
  SIGNED_IN_BLANK_TAB_HEADING,
  SIGNED_IN_BLANK_TAB_PATH,
} from './blank-tab.js';
import { emulatedPage, type NetworkConditions } from './network-emulation.js';
import type { SessionCookie } from './sign-in.js';

/** The overview's heading in Dutch, the tab's language outside Teams unless the user chose English. */
export const OVERVIEW_HEADING = 'Netwerkkaart – overzicht';

/** How long one timed wait may take before the sample counts as a failure. */
const WAIT_MS = 20_000;

/** Milliseconds from the start of a navigation to the heading, and to the first district of the map. */
export interface OverviewTiming {
  heading: number;
  areas: number;
}

/**
 * A fresh context (no cache, no storage), in Dutch, optionally holding the session cookie. With `conditions`, its
 * page is opened at once under those emulated network conditions (bench/lib/network-emulation.ts); the timing
 * functions below navigate that page.
 */
export async function freshContext(
  browser: Browser,
  baseUrl: string,
  cookie?: SessionCookie,
  conditions?: NetworkConditions,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  if (cookie) {
    await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
  }
  if (conditions) await emulatedPage(context, conditions);
  return context;
}

/** Navigates `context`'s page to `/` and times the overview's heading, then its first district (an h3). */
export async function timeOverview(context: BrowserContext, baseUrl: string): Promise<OverviewTiming> {
  const page = context.pages()[0] ?? (await context.newPage());
  const started = performance.now();
  await page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: WAIT_MS });
  await page
    .getByRole('heading', { level: 1, name: OVERVIEW_HEADING })
    .waitFor({ state: 'visible', timeout: WAIT_MS });
  const heading = performance.now() - started;
  await page.getByRole('heading', { level: 3 }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  return { heading, areas: performance.now() - started };
}

/** Navigates a fresh page to `path` and times it until the `load` event. */
export async function timeLoad(context: BrowserContext, baseUrl: string, path: string): Promise<number> {
  const page = await context.newPage();
  const started = performance.now();
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load', timeout: WAIT_MS });
  const elapsed = performance.now() - started;
  if (!response?.ok()) throw new Error(`GET ${path} answered ${response?.status() ?? 'nothing'}`);
  return elapsed;
}

/** Navigates `context`'s page to a bench page at `path` and times it until its h1 `heading` is visible. */
async function timeBenchPage(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  heading: string,
): Promise<number> {
  const page = context.pages()[0] ?? (await context.newPage());
  const started = performance.now();
  await page.goto(`${baseUrl}${path}/`, { waitUntil: 'commit', timeout: WAIT_MS });
  await page
    .getByRole('heading', { level: 1, name: heading })
    .waitFor({ state: 'visible', timeout: WAIT_MS });
  return performance.now() - started;
}

/**
 * Navigates `context`'s page to the blank tab (see bench/lib/blank-tab.ts) and times it until its heading is
 * visible: the least any Fluent Teams tab costs on this machine, server and compression.
 */
export function timeBlankTab(context: BrowserContext, baseUrl: string): Promise<number> {
  return timeBenchPage(context, baseUrl, BLANK_TAB_PATH, BLANK_TAB_HEADING);
}

/**
 * Navigates `context`'s page to the signed-in blank tab (bench/lib/blank-tab.ts) and times it until its heading,
 * which it shows once `GET /api/v1/me` answered, is visible: the least a tab page with one signed-in read costs.
 */
export function timeSignedInBlankTab(context: BrowserContext, baseUrl: string): Promise<number> {
  return timeBenchPage(context, baseUrl, SIGNED_IN_BLANK_TAB_PATH, SIGNED_IN_BLANK_TAB_HEADING);
}
