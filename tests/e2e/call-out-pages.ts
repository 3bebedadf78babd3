import type { Page } from 'playwright-core';
import { pickTag, section } from './network-pages.js';

/** What the start form is filled with; wijken and communities by their visible names. */
export interface CallOutDraft {
  summary: string;
  ask: string;
  places: string[];
  communities: { typed: string; option: string }[];
}

/** Opens the start form from the overview's prominent "Crisisoproep starten". */
export async function openStartForm(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Crisisoproep starten' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Crisisoproep starten' }).waitFor();
  await page.getByRole('checkbox').first().waitFor();
}

/** Fills the start form (kind and urgency keep their defaults: incident, direct). */
export async function fillStartForm(page: Page, draft: CallOutDraft): Promise<void> {
  await page.getByRole('textbox', { name: 'Wat is er gebeurd?' }).fill(draft.summary);
  for (const place of draft.places) await page.getByRole('checkbox', { name: place, exact: true }).check();
  for (const community of draft.communities) {
    await pickTag(
      page,
      page.getByRole('combobox', { name: 'Betrokken gemeenschappen' }),
      community.typed,
      community.option,
    );
  }
  await page.getByRole('textbox', { name: 'Wat vraag je van de ontvangers?' }).fill(draft.ask);
}

/** Asks for the recipients and waits for the preview. */
export async function reviewRecipients(page: Page) {
  await page.getByRole('button', { name: 'Ontvangers bekijken' }).click();
  const preview = section(page, 'Wie krijgt de oproep');
  await preview.getByRole('table', { name: 'Staf (kaart in Teams)' }).waitFor();
  return preview;
}

/** Sends from the preview and waits for the call-out's own page. */
export async function send(page: Page, heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
