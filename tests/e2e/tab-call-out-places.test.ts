import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { assertTabBuilt, launchChromium, openPage, signInAs } from './browser.js';
import { openStartForm } from './call-out-pages.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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
