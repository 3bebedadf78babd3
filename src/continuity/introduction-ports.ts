import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * What the introduction checklist reads of network's and meetings' data. Ports, not imports: network and meetings
 * import continuity (absences), so continuity importing them would close a circle. src/server/compose.ts hands in
 * their own public functions.
 */

/** The network's current allies (network's `readInvitableAllies`), by name: one checklist line each. */
export type IntroductionAllies = (
  db: Kysely<Database>,
  networkId: string,
) => Promise<Array<{ personId: string; displayName: string }>>;

/** The network's meetings from `fromDate` on (local date), earliest first, cancelled ones left out. */
export type IntroductionMeetings = (
  db: Kysely<Database>,
  networkId: string,
  fromDate: string,
) => Promise<Array<{ id: string; meetingDate: string }>>;
