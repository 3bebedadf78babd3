import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { AutomaticRepliesPort } from './automatic-replies-port.js';
import type { HandOverHoldings } from './hand-over-port.js';
import type { IntroductionAllies, IntroductionMeetings } from './introduction-ports.js';

/** What the continuity capability needs from the composition root. */
export interface ContinuityDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Outlook's automatic replies through Graph in Entra mode; null in the local run (no Outlook there). */
  automaticReplies: AutomaticRepliesPort | null;
  /** The network's current allies for the introduction checklist: network's, from compose.ts. */
  introductionAllies: IntroductionAllies;
  /** The network's meetings from a date on for the introduction checklist: meetings', from compose.ts. */
  introductionMeetings: IntroductionMeetings;
  /** What a staff member holds in meetings, signals, call-outs and identity, read and moved by their owners. */
  handOver: HandOverHoldings;
}
