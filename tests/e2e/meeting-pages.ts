import type { Page } from 'playwright-core';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { openNetworkFromOverview } from './network-pages.js';

/** Opens a network's meetings page from the overview, through the network page's "Overleggen" link. */
export async function openMeetings(page: Page, network = 'Bondgenoten Haven'): Promise<void> {
  await openNetworkFromOverview(page, network);
  await followMeetingsLink(page, network);
}

/** Follows the network page's "Overleggen" link to the meetings page. */
export async function followMeetingsLink(page: Page, network = 'Bondgenoten Haven'): Promise<void> {
  // The page's own link, not the main menu's "Overleggen" (the year calendar).
  await page.getByRole('main').getByRole('link', { name: 'Overleggen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Overleggen – ${network}` }).waitFor();
}

/** One meeting's card: a group named by its date heading, e.g. "dinsdag 8 december 2026". */
export function meetingCard(page: Page, longDate: string | RegExp) {
  return page.getByRole('group', { name: longDate });
}

/** "dinsdag 8 december 2026" for a `YYYY-MM-DD` date, as the tab writes it in Dutch. */
export function dutchLongDate(date: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** `YYYY-MM-DD` of a day `days` from now (UTC), for data placed relative to the real clock. */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A meeting of Haven that took place a week ago and was never recorded: the secretary records it. The server
 * lets a meeting be recorded only once it has started, and the browser test runs on the real clock.
 */
export async function insertUnrecordedMeeting(database: DatabaseHandle, date: string): Promise<void> {
  const { id: networkId } = await database.db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Bondgenoten Haven')
    .executeTakeFirstOrThrow();
  const location = await database.db
    .selectFrom('meeting_locations')
    .select('id')
    .where('network_id', '=', networkId)
    .orderBy('rotation_order')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('meetings')
    .values({
      network_id: networkId,
      meeting_date: date,
      starts_at: `${date}T17:00:00Z`,
      ends_at: `${date}T19:00:00Z`,
      location_id: location.id,
      status: 'planned',
      organiser: 'secretaris@example.org',
      intent_id: crypto.randomUUID(),
    })
    .execute();
}
