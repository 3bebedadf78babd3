import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buffer, text } from 'node:stream/consumers';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContextOptions,
  chromium,
  type Download,
  type Page,
} from 'playwright-core';
import { projectRoot } from '../../src/platform/project-root.js';
import { TAB_DIST_DIR } from '../../src/server/app.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { BROWSER_ENDPOINT_VARIABLE, chromiumLaunchOptions } from './chromium-server.mjs';

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = join(projectRoot(), 'test-results');

/** Fails with the fix in the message when the tab was not built: these tests drive the built bundle. */
export function assertTabBuilt(): void {
  if (!existsSync(join(TAB_DIST_DIR, 'index.html'))) {
    throw new Error(
      `The tab is not built (${join(TAB_DIST_DIR, 'index.html')} is missing). Run \`npm run build\` first.`,
    );
  }
}

/**
 * The run's shared headless Chromium (tests/e2e/chromium-server.mjs, launched by Jest's global set-up), connected
 * to; or, when the file runs without that set-up, a Chromium of its own, launched with the same options. Either
 * way `close()` ends what the file opened: its connection and contexts, or its own browser.
 */
export async function launchChromium(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT_VARIABLE];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch(chromiumLaunchOptions());
}

/** What a browser test file shares between its tests: the app's test server and one Chromium. */
export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
}

/**
 * A browser test file's set-up (its `beforeAll`): checks the tab is built, starts the test server (with
 * `options`, e.g. other environment settings) and launches Chromium.
 */
export async function startBrowserSuite(
  options?: Parameters<typeof startTestServer>[0],
): Promise<BrowserSuite> {
  assertTabBuilt();
  const server = await startTestServer(options);
  try {
    return { server, browser: await launchChromium() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** A browser test file's tear-down (its `afterAll`): closes whatever {@link startBrowserSuite} got to start. */
export async function closeBrowserSuite(
  server: TestServer | undefined,
  browser: Browser | undefined,
): Promise<void> {
  await browser?.close();
  await server?.close();
}

/** A page plus every console error and CSP violation it reported. */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  cspViolations: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** Opens a page in a fresh context (own cookies and storage) that records console errors and CSP violations. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // Injected by the browser driver, so the page's own CSP does not block it.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The tab learns whether a session exists from /auth/config (its `session`), which answers 200 either way:
    // any 401 or 403 logged here is a real refusal (and an audit row) that the tab should not have caused.
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return {
    page,
    consoleErrors,
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    close: () => context.close(),
  };
}

/** Signs in on the local sign-in page by choosing the demo staff member's button. */
export async function signInAs(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(displayName) }).click();
  await page
    .getByRole('heading', { level: 1, name: /Netwerkkaart – overzicht|Network map – overview/ })
    .waitFor();
  await page.getByRole('heading', { level: 3 }).first().waitFor();
}

/** The axe violations that matter most (serious and critical), as readable lines for a failing assertion. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Fluent's focus manager (tabster) adds focusable `aria-hidden` guard elements on purpose; axe's aria-hidden-focus
  // rule misreads them (https://github.com/microsoft/tabster/issues/288), so they alone are left out of the scan.
  // A dialog still fading in has blended colours, which axe reports as poor contrast (seen once in CI on the
  // meetings settings dialog): let running animations and transitions finish first.
  // A page with an endless animation (a spinner) is scanned after the wait as it is.
  // A toast that enters or leaves while axe runs (after the wait) blends the same way (seen in CI on a save's
  // toast): during the scan the page prefers reduced motion, which Fluent's motion honours with 1 ms animations.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    return await scanSettled(page);
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

/**
 * Every rule still runs on every element; only the report is trimmed. After the rules, axe builds a unique CSS
 * selector and an HTML snippet for every node of every result type, and on a Fluent page the passes hold
 * thousands of nodes: with `resultTypes` the passes, incomplete and inapplicable results keep one node each.
 * The scans here read only the violations, which keep all their nodes.
 */
export const VIOLATIONS_ONLY = { resultTypes: ['violations' as const] };

async function scanSettled(page: Page): Promise<string[]> {
  // In every frame: the tab framed by the Teams host has its own document, whose toasts were not waited for (a
  // toast fading in inside the frame was reported as poor contrast, twice on 2026-12-07, once in CI).
  await Promise.all(
    page
      .frames()
      .map((frame) =>
        frame
          .waitForFunction(
            () =>
              document
                .getAnimations()
                .every(
                  (animation) =>
                    animation.playState !== 'running' ||
                    animation.effect?.getTiming().iterations === Infinity,
                ),
            undefined,
            { timeout: 5_000 },
          )
          .catch(() => undefined),
      ),
  );
  // A page without frames is scanned by one axe.run in the page (AxeBuilder's legacy mode). The default mode runs
  // the same rules as runPartial per frame and then finishRun in a new blank page that gets axe's 600 kB source a
  // second time: about twice the time per scan (~10 s against ~5 s for a 217-element page on a loaded two-core
  // machine), and the browser tests scan over a hundred pages. A page with frames (the Teams host around the side
  // panel) keeps the default mode, which reaches each frame through the driver rather than by postMessage into a
  // page whose teams-js listens to its parent's messages.
  const frameless = page.frames().length === 1;
  const builder = new AxeBuilder({ page })
    .exclude('[data-tabster-dummy]')
    .options(VIOLATIONS_ONLY)
    .setLegacyMode(frameless);
  // A selector reaches the top page only: the tab framed by the Teams host has tabster guards of its own.
  if (!frameless) builder.exclude(['iframe', '[data-tabster-dummy]']);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5);
      return `${violation.impact} ${violation.id}: ${violation.help} — ${targets.join(', ')}`;
    });
}

/** Saves a full-page screenshot under test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `tab-${name}.png`), fullPage: true });
}

/**
 * A finished download's content as UTF-8 text, read through Playwright's stream: `download.path()` is refused
 * on a connected browser (the shared Chromium), the stream works both there and on a browser of the file's own.
 */
export async function downloadedText(download: Download): Promise<string> {
  return text(await download.createReadStream());
}

/** A finished download's bytes, read the same way as {@link downloadedText}. */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  return buffer(await download.createReadStream());
}
