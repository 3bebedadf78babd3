import { readNetworkStaffContacts, readUserIdentities } from '../identity/index.js';
import type { NetworkStatus } from '../platform/db/schema.js';
import type { SchoolHolidayRegion } from './db-schema.js';
import { type Executor, readAllyPreferences } from './meeting-store.js';
import type { MeetingNeighbours } from './neighbours.js';

/**
 * What meetings reads of other capabilities' tables: staff through identity's public API, networks, people and
 * municipalities through the `neighbours` port (network and setup's public API, filled in by compose.ts).
 */
export interface NeighbourReads {
  db: Executor;
  neighbours: MeetingNeighbours;
}

/** The network with what planning needs of its municipality. */
export interface NetworkContext {
  id: string;
  name: string;
  status: NetworkStatus;
  municipalityId: string;
  latitude: number;
  longitude: number;
  region: SchoolHolidayRegion | null;
}

export async function readNetworkContext(
  { db, neighbours }: NeighbourReads,
  networkId: string,
): Promise<NetworkContext | null> {
  const network = await neighbours.network(db, networkId);
  if (!network) return null;
  const municipality = await neighbours.municipality(db, network.municipalityId);
  if (!municipality) return null;
  return {
    ...network,
    latitude: municipality.latitude,
    longitude: municipality.longitude,
    region: municipality.schoolHolidayRegion,
  };
}

/** Staff of the network who attend meetings (viewers do not), with their address. */
export async function readStaff(db: Executor, networkId: string) {
  return readNetworkStaffContacts(db, networkId);
}

export type StaffRow = Awaited<ReturnType<typeof readStaff>>[number];

/** The network's allies with their meeting preferences, in a stable order (name, then id). */
export async function readAllies({ db, neighbours }: NeighbourReads, networkId: string) {
  const [allies, preferences] = await Promise.all([
    neighbours.invitableAllies(db, networkId),
    readAllyPreferences(db, networkId),
  ]);
  const byPerson = new Map(preferences.map((p) => [p.personId, p]));
  return allies.map((ally) => {
    const p = byPerson.get(ally.personId);
    return {
      ...ally,
      willingToChair: p?.willingToChair ?? null,
      availableWeekdays: p?.availableWeekdays ?? null,
      absentFrom: p?.absentFrom ?? null,
      absentUntil: p?.absentUntil ?? null,
    };
  });
}

export type AllyRow = Awaited<ReturnType<typeof readAllies>>[number];

/** The communities of a network's people, with the observance traditions set on each. */
export async function readNetworkCommunities({ db, neighbours }: NeighbourReads, networkId: string) {
  return neighbours.communities(db, await neighbours.networkCommunityIds(db, networkId));
}

export async function readPeopleNames(
  { db, neighbours }: NeighbourReads,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await neighbours.personNames(db, ids);
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function readUserNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await readUserIdentities(db, ids);
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
