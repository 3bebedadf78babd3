import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { MailPort } from '../mail/mail-port.js';
import type { CalendarPort } from '../meetings/calendar-port.js';
import type { Database } from '../platform/db/schema.js';

/**
 * What the call-out routes need from the composition root, and nothing more. The server's AppDeps satisfies
 * it structurally, so call-outs never imports src/server for its routes.
 */
export interface CallOutsDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Logger;
  /** _Bijeenkomst nu_ puts the meeting in the organiser's calendar… */
  calendar: CalendarPort;
  /** …and mails the invitation to allies without Teams. */
  mail: MailPort;
  /** Plain values from the configuration. */
  config: { publicUrl: string };
}
