import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AutomaticRepliesPort } from '../continuity/automatic-replies-port.js';
import type { NewcomerWelcome } from '../continuity/bot/introduction-welcome-notifier.js';
import type { Authenticator } from '../identity/authenticate.js';
import type { Directory } from '../identity/directory-port.js';
import type { GraphTokens } from '../m365/graph-tokens.js';
import type { MailPort } from '../mail/mail-port.js';
import type { CalendarPort } from '../meetings/calendar-port.js';
import type { MeetingNotifier } from '../meetings/index.js';
import type { AreaOverviewCache } from '../network/areas/area-overview-cache.js';
import type { NetworkPageCache } from '../network/page/network-page-cache.js';
import type { DatabaseHandle } from '../platform/db/database.js';
import type { DatabaseHealth } from '../platform/db/database-health.js';
import type { Database } from '../platform/db/schema.js';
import type { CardSender } from '../teams/outbox/card-sender.js';
import type { AppConfig } from './config.js';

/** What the composition root hands to every capability's routes. */
export interface AppDeps {
  config: AppConfig;
  db: Kysely<Database>;
  /** The handle behind `db`: engine, migrations, closing. */
  database: DatabaseHandle;
  logger: Logger;
  authenticate: Authenticator;
  /** Finds colleagues to add as staff: Microsoft Graph in Entra mode, the demo staff table locally. */
  directory: Directory;
  /** Meeting events: the organisers' Outlook calendars through Graph in Entra mode, the embedded calendar locally. */
  calendar: CalendarPort;
  /** E-mail to allies: Graph sendMail from the sender's mailbox in Entra mode, the local outbox table locally. */
  mail: MailPort;
  /** Outlook's automatic replies (absence suggestions) through Graph in Entra mode; absent or null locally. */
  automaticReplies?: AutomaticRepliesPort | null;
  now: () => Date;
  /** The one app-only Graph token cache (compose.ts), shared with the call-out worker's app installation. */
  graphTokens?: GraphTokens;
  /**
   * The one Bot Connector client (compose.ts), shared by the call-out worker and the Teams outbox: one
   * connector token cache per bot credential. Null where the bot cannot send.
   */
  cardSender?: CardSender | null;
  /** Logs a database outage once and its end once; the error handler reports outages to it. */
  databaseHealth?: DatabaseHealth;
  /**
   * Hears about stored meeting records (the next-meeting proposal card). Built by start-server when the bot
   * is wired, before the bot handler and the routes, which both receive it; absent, recording works the same.
   */
  meetingNotifier?: MeetingNotifier;
  /**
   * Queues a newcomer's welcome card in the role grant's transaction (the Teams outbox). Built by start-server when
   * the bot is wired; absent, a role grant starts the introduction without a card.
   */
  newcomerWelcome?: NewcomerWelcome;
  /**
   * The network page cache of this instance (src/network/page/network-page-cache.ts), made once by start-server;
   * every view checks its entry against the database's change stamps.
   */
  networkPageCache: NetworkPageCache;
  /**
   * The area overview cache of this instance (src/network/areas/area-overview-cache.ts), made once by start-server;
   * every request checks its entry against the digest of the database's change stamps.
   */
  areaOverviewCache: AreaOverviewCache;
}
