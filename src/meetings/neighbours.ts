import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { SchoolHolidayRegion } from './db-schema.js';
import type { Executor } from './meeting-store.js';

/**
 * What meetings reads and changes in other capabilities' tables, through the owners' public API
 * (src/network/index.ts, src/setup/index.ts). A port that src/server/compose.ts fills in rather than imports:
 * network and setup use meetings' constants (communities' kinds and traditions), so meetings importing them
 * would close a circle.
 */
export interface MeetingNeighbours {
  /** The people of a network, by id (network). */
  networkPersonIds(db: Executor, networkId: string): Promise<string[]>;
  /** The networks by name: every network, or only these ids (network). */
  networksByName(
    db: Executor,
    networkIds: 'all' | readonly string[],
  ): Promise<{ id: string; name: string }[]>;
  /** Sets a municipality's school holiday region; false when there is no such municipality (setup). */
  setSchoolHolidayRegion(
    tx: Transaction<Database>,
    municipalityId: string,
    region: SchoolHolidayRegion | null,
  ): Promise<boolean>;
}
