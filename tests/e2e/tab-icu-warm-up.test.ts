import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Worker } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/test-server.js';
import { closeBrowserSuite, openPage, signInAs, startBrowserSuite } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

describe("ICU's start-up on a worker thread (issue 21)", () => {
  it('starts the warm-up worker from the served page under its CSP, and the worker runs to its end', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      const workers: Worker[] = [];
      const closed: string[] = [];
      page.on('worker', (worker) => {
        workers.push(worker);
        worker.on('close', () => closed.push(worker.url()));
      });
      await page.goto(`${server.url}/`);
      await signInAs(page, 'Sanne Verhoef');
      const warmUp = workers.filter((worker) => /\/assets\/icu-warm-up[^/]*\.js$/.test(worker.url()));
      // One per page load: the sign-in page, then the overview it leads to.
      expect(warmUp.length).toBeGreaterThanOrEqual(1);
      // It closes itself after its last Intl call: a worker that threw, or was refused, would not reach it.
      await eventually(() => closed.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      expect(closed.every((url) => /icu-warm-up/.test(url))).toBe(true);
      expect(await watched.cspViolations()).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
