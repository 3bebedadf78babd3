import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import { closeBrowserSuite, openPage, signInAs, startBrowserSuite } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

// English a developer or the API would write, and raw codes: `meeting-mail-sent`, `auth.sign-in`, `urn:…`,
// an ICU placeholder left unfilled. E-mail addresses (the demo's example.org) are data, not words of the tab.
const ENGLISH =
  /\b(the|is required|must|Invalid|not found|Error|Loading|Save|Cancel|Submit|expected|undefined|null|NaN)\b/;
const RAW_CODE = /\b[a-z]+(-[a-z]+){2,}\b|\b[a-z]+\.[a-z-]+\b|urn:|\{[a-zA-Z]+\}/;
const EMAIL = /\S+@\S+/g;

// Pages every persona may try; the ones a role does not allow answer with a Dutch "geen toegang".
const START_PAGES = [
  '/',
  '/zoeken',
  '/overleggen',
  '/crisisoproepen',
  '/crisisoproepen/afgesloten',
  '/beheer/rollen',
  '/beheer/audit',
  '/beheer/crisisoproepen',
  '/beheer/inrichting',
  '/lokaal/postbus',
];
const SKIPPED = /export|\.pdf|\.csv|^\/api/;

/** Every page reachable by links from the start pages (up to `limit`), with the lines that read as English or code. */
async function walk(page: Page, limit: number): Promise<{ visited: number; findings: string[] }> {
  const visited = new Set<string>();
  const queue = [...START_PAGES];
  const findings: string[] = [];
  while (queue.length > 0 && visited.size < limit) {
    const path = queue.shift() as string;
    if (visited.has(path) || SKIPPED.test(path)) continue;
    visited.add(path);
    await page.goto(`${server.url}${path}`);
    await page
      .getByRole('heading', { level: 1 })
      .first()
      .waitFor()
      .catch((error: Error) => {
        throw new Error(`${path} shows no page heading: ${error.message}`);
      });
    // Lists load after the heading; give them a moment, as a reader would.
    await page.waitForLoadState('networkidle');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines a reader sees, not hidden text
    for (const line of (await page.locator('body').innerText()).split('\n')) {
      const words = line.replace(EMAIL, '');
      const found = ENGLISH.exec(words) ?? RAW_CODE.exec(words);
      if (found) findings.push(`${path}: «${found[0]}» in «${line.slice(0, 120)}»`);
    }
    const links = await page.$$eval('a[href^="/"]', (anchors) =>
      anchors.map((a) => a.getAttribute('href') ?? ''),
    );
    for (const link of links) if (!visited.has(link) && !queue.includes(link)) queue.push(link);
  }
  return { visited: visited.size, findings };
}

describe('a walk through every page in Dutch', () => {
  it.each([
    ['Petra Lindeboom', 'secretary of two networks'],
    ['Anouk Terpstra', 'functional administrator'],
  ])(
    'shows %s (%s) no English and no raw codes',
    async (name) => {
      const watched = await openPage(browser);
      try {
        await watched.page.goto(`${server.url}/`);
        await signInAs(watched.page, name);
        const { visited, findings } = await walk(watched.page, 45);
        expect(visited).toBeGreaterThan(10);
        expect(findings).toEqual([]);
      } finally {
        await watched.close();
      }
    },
    300_000,
  );
});
