import type { Page } from 'playwright-core';

/** Follows the overview's link to a network the user has a role in, and waits for its page. */
export async function openNetworkFromOverview(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A titled section of a page (a region named by its h2), e.g. "Sleutelfiguren". */
export function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** Opens a person's page from a link on the current page. */
export async function openPerson(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Picks an option in a Fluent TagPicker by typing part of its name. */
export async function pickTag(
  page: Page,
  input: ReturnType<Page['getByRole']>,
  typed: string,
  option: string,
) {
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}
