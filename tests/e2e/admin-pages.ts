import type { Page } from 'playwright-core';

/** Follows the main menu to Beheer and then the Beheer page with this name. */
export async function openBeheer(page: Page, section: 'Rollen' | 'Audittrail'): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beheer – Rollen' }).waitFor();
  if (section === 'Audittrail') {
    await page
      .getByRole('navigation', { name: 'Beheeronderdelen' })
      .getByRole('link', { name: section })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Beheer – Audittrail' }).waitFor();
  }
}

/** The Rollen table's row of one staff member, once the table has loaded. */
export async function staffRow(page: Page, displayName: string) {
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: displayName, exact: true }) });
  await row.waitFor();
  return row;
}

/** Waits for the toast with this text (the toaster also repeats it in a live region for screen readers). */
export async function toast(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor();
}

/** Picks an option in a Fluent Dropdown (a combobox button with a listbox). */
export async function choose(
  page: Page,
  combobox: ReturnType<Page['getByRole']>,
  option: string,
): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
