import type { Transaction } from 'kysely';
import type { Database, NetworkStatus } from '../platform/db/schema.js';
import type { SchoolHolidayRegion } from './db-schema.js';
import type { Executor } from './meeting-store.js';

/**
 * What meetings reads and changes in other capabilities' tables, through the owners' public API
 * (src/network/index.ts, src/setup/index.ts). A port that src/server/compose.ts fills in rather than imports:
 * network and setup use meetings' constants (communities' kinds and traditions), so meetings importing them
 * would close a circle.
 */
export interface MeetingNeighbours {
  /** A network's name, status and municipality (network). */
  network(
    db: Executor,
    networkId: string,
  ): Promise<{ id: string; name: string; status: NetworkStatus; municipalityId: string } | undefined>;
  /** A municipality's coordinates and school holiday region (setup). */
  municipality(
    db: Executor,
    municipalityId: string,
  ): Promise<
    { latitude: number; longitude: number; schoolHolidayRegion: SchoolHolidayRegion | null } | undefined
  >;
  /** The allies of a network who may be invited, by name then id (network). */
  invitableAllies(
    db: Executor,
    networkId: string,
  ): Promise<{ personId: string; displayName: string; email: string | null }[]>;
  /** The communities the people of a network belong to, by id (network). */
  networkCommunityIds(db: Executor, networkId: string): Promise<string[]>;
  /** These communities with their observance traditions, by name (setup). */
  communities(
    db: Executor,
    ids: readonly string[],
  ): Promise<{ name: string; category: 'religion' | 'origin' | 'group'; traditions: string[] }[]>;
  /** The names of these people (network). */
  personNames(db: Executor, personIds: readonly string[]): Promise<{ id: string; displayName: string }[]>;
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
