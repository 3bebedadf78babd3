import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/test-server.js';
import { closeBrowserSuite, openPage, signInAs, startBrowserSuite } from './browser.js';
import { openStartForm } from './call-out-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startBrowserSuite());
});
afterAll(() => closeBrowserSuite(server, browser));

/** The wijken the start form offers, by name, in page order. */
async function offeredWijken(person: string): Promise<string[]> {
  const watched = await openPage(browser);
  const { page } = watched;
  try {
    await page.goto(`${server.url}/`);
    await signInAs(page, person);
    await openStartForm(page);
    // Each district is a fieldset with a legend; its checkboxes are the wijken.
    const labels = page.locator('fieldset:has(legend) label');
    await labels.first().waitFor();
    return await labels.allInnerTexts();
  } finally {
    await watched.close();
  }
}

describe('the wijken the start form offers (one rule with the bot, offersWijk)', () => {
  it('offers a coordinator the wijken of her own network, as the bot’s card form does', async () => {
    const wijken = await offeredWijken('Sanne Verhoef');
    expect(wijken.sort()).toEqual(['Centrum Haven', 'De Marken', 'De Velden', 'De Werven', 'De Wierden']);
  });

  it('offers an administrator every wijk of the municipality', async () => {
    expect(await offeredWijken('Anouk Terpstra')).toHaveLength(22);
  });
});
