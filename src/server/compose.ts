import type { Kysely } from 'kysely';
import { createCalendar } from '../m365/calendar-factory.js';
import { createDirectory, type Directory } from '../m365/directory.js';
import { createGraphTokens, type GraphTokens } from '../m365/graph-tokens.js';
import { createMail } from '../m365/mail-factory.js';
import type { MailPort } from '../mail/mail-port.js';
import type { CalendarPort } from '../meetings/calendar-port.js';
import type { Database } from '../platform/db/schema.js';
import type { AppConfig } from './config.js';

/** The Microsoft 365 adapters, each built once for the whole process. */
export interface Adapters {
  directory: Directory;
  calendar: CalendarPort;
  mail: MailPort;
  /**
   * The one app-only Graph token source (one msal ConfidentialClientApplication, one token cache) shared by
   * the directory, calendar, mail and app installation; absent without Entra app credentials.
   */
  graphTokens: GraphTokens | undefined;
}

/** Adapters tests hand in instead of the configured ones. */
export type AdapterReplacements = Partial<Pick<Adapters, 'directory' | 'calendar' | 'mail'>>;

/**
 * Builds every Microsoft 365 adapter once. With Entra app credentials they share one token cache; without
 * them each factory chooses its local counterpart (or refuses, naming the missing setting) as before.
 */
export function composeAdapters(
  config: AppConfig,
  db: Kysely<Database>,
  replacements: AdapterReplacements = {},
): Adapters {
  const graphTokens =
    config.authMode === 'entra' && config.aad?.clientSecret ? createGraphTokens(config) : undefined;
  return {
    directory: replacements.directory ?? createDirectory({ config, db }, graphTokens),
    calendar: replacements.calendar ?? createCalendar({ config, db }, graphTokens),
    mail: replacements.mail ?? createMail({ config, db }, graphTokens),
    graphTokens,
  };
}
