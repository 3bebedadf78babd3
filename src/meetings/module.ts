import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AnyApiRoute } from '../identity/api-route.js';
import type { Database } from '../platform/db/schema.js';
import type { CardVerbFamily } from '../teams/card-action.js';
import { meetingCardVerbs } from './bot/meeting-proposal-invoke.js';
import type { CalendarPort } from './calendar-port.js';
import type { MeetingNotifier } from './meeting-notifier.js';
import { meetingRoutes } from './meeting-routes.js';
import type { FollowUpSource } from './meeting-service.js';
import type { MeetingNeighbours } from './neighbours.js';
import type { CallOutMeetingFinder } from './panel/panel-service.js';

/**
 * What the meetings capability needs from the composition root, and nothing more. The server's AppDeps
 * satisfies it structurally, so meetings never imports src/server.
 */
export interface MeetingsDeps {
  db: Kysely<Database>;
  logger: Logger;
  /** Meeting events: Outlook through Graph in Entra mode, the embedded calendar locally. */
  calendar: CalendarPort;
  now: () => Date;
  /** Hears about stored meeting records (the bot's next-meeting card); absent without a bot. */
  meetingNotifier?: MeetingNotifier | undefined;
  /** Call-outs' follow-ups of a network, shown in its meetings list; absent, the list shows none. */
  followUps?: FollowUpSource | undefined;
  /** The call-out whose *Bijeenkomst nu* is a Teams meeting (the side panel); absent, only meetings resolve. */
  callOutMeetings?: CallOutMeetingFinder | undefined;
  /** Other capabilities' people, networks and municipalities (compose.ts wires their public API). */
  neighbours: MeetingNeighbours;
  /** Plain values from the configuration: the tab's address, where the proposal card's links lead. */
  config: { publicUrl: string };
}

export interface MeetingsModule {
  /** Every `/api/v1` route of meetings, in declaration order (the OpenAPI document follows it). */
  routes: AnyApiRoute[];
  /** The next-meeting proposal card's verbs (_Plannen_), for src/teams; `tabUrl` is where its links lead. */
  cardVerbs(tabUrl: string): CardVerbFamily;
}

/** Builds the meetings capability from its narrow dependencies. */
export function createMeetingsModule(deps: MeetingsDeps): MeetingsModule {
  const meetings = {
    db: deps.db,
    calendar: deps.calendar,
    logger: deps.logger,
    now: deps.now,
    neighbours: deps.neighbours,
  };
  return {
    routes: meetingRoutes(deps),
    cardVerbs: (tabUrl) => meetingCardVerbs({ meetings, tabUrl, logger: deps.logger }),
  };
}
