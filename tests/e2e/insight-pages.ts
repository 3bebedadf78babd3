import type { Page } from 'playwright-core';

interface Areas {
  municipalities: { districts: { networks: { id: string; name: string }[] }[] }[];
}

/** The absolute URL of an API path on the page's server. */
export function apiUrl(page: Page, path: string): string {
  return `${new URL(page.url()).origin}/api/v1${path}`;
}

/** The id of a network by its name, asked with the page's own session cookie. */
export async function networkIdOf(page: Page, name: string): Promise<string> {
  const response = await page.request.get(apiUrl(page, '/areas'));
  const areas = (await response.json()) as Areas;
  const network = areas.municipalities
    .flatMap((municipality) => municipality.districts.flatMap((district) => district.networks))
    .find((candidate) => candidate.name === name);
  if (!network) throw new Error(`No network named ${name}`);
  return network.id;
}

/** The gap count the Dekking page shows ("3 gaten", "1 gat", "Geen gaten"), once the matrix has loaded. */
export async function shownGaps(page: Page): Promise<number> {
  const text = (await page.getByText(/^(\d+ gat(en)?|Geen gaten)$/).textContent()) ?? '';
  return text === 'Geen gaten' ? 0 : Number.parseInt(text, 10);
}

/** The people of a network by kind, read with the page's session (as the network page would show them). */
export async function networkPeople(page: Page, networkId: string) {
  const response = await page.request.get(apiUrl(page, `/networks/${networkId}`));
  return (await response.json()) as {
    allies: { id: string; displayName: string }[];
    keyFigures: { id: string; displayName: string }[];
  };
}
