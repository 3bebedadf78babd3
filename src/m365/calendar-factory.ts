import type { Kysely } from 'kysely';
import type { CalendarPort } from '../meetings/calendar-port.js';
import { EmbeddedCalendar } from '../meetings/embedded-calendar.js';
import type { Database } from '../platform/db/schema.js';
import { GraphCalendar } from './graph-calendar.js';
import { createGraphClient } from './graph-client.js';
import type { GraphConfig } from './graph-config.js';
import { createGraphTokens, type GraphTokens } from './graph-tokens.js';

/**
 * Chooses the calendar like the directory: the organisers' Outlook calendars through Microsoft Graph
 * (app-only) in Entra mode, the embedded calendar in the database (with .ics invitations) otherwise.
 */
export function createCalendar(
  deps: { config: GraphConfig; db: Kysely<Database> },
  tokens?: GraphTokens,
): CalendarPort {
  const { config } = deps;
  if (config.authMode !== 'entra' || !config.aad) return new EmbeddedCalendar(deps.db);
  const client = createGraphClient({
    graphBaseUrl: config.graphBaseUrl,
    tokens: tokens ?? createGraphTokens(config),
    credential: { kind: 'app' },
  });
  return new GraphCalendar(client);
}
