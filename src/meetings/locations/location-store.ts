import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Executor, LocationRow } from '../meeting-store.js';

/** A new meeting location; the rotation order is decided by the service. */
export interface NewLocation {
  networkId: string;
  name: string;
  address: string | null;
  kind: LocationRow['kind'];
  active: boolean;
  rotationOrder: number;
}

/** Stores a location and returns its id. */
export async function insertLocation(tx: Transaction<Database>, location: NewLocation): Promise<string> {
  const row = await tx
    .insertInto('meeting_locations')
    .values({
      network_id: location.networkId,
      name: location.name,
      address: location.address,
      kind: location.kind,
      active: location.active,
      rotation_order: location.rotationOrder,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The fields of a location a change names; absent fields stay as they are. */
export interface LocationChange {
  name?: string | undefined;
  address?: string | null | undefined;
  kind?: LocationRow['kind'] | undefined;
  active?: boolean | undefined;
  rotationOrder?: number | undefined;
}

/** Changes the named fields of a location and bumps its version (a unique name clash throws). */
export async function updateLocationRow(
  tx: Transaction<Database>,
  locationId: string,
  change: LocationChange,
): Promise<void> {
  await tx
    .updateTable('meeting_locations')
    .set((eb) => ({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.address !== undefined ? { address: change.address } : {}),
      ...(change.kind !== undefined ? { kind: change.kind } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
      ...(change.rotationOrder !== undefined ? { rotation_order: change.rotationOrder } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', locationId)
    .execute();
}

/** Whether any meeting (of any status) took place at this location. */
export async function locationUsed(db: Executor, locationId: string): Promise<boolean> {
  const used = await db
    .selectFrom('meetings')
    .select('id')
    .where('location_id', '=', locationId)
    .limit(1)
    .executeTakeFirst();
  return used !== undefined;
}

/** Deletes a location. */
export async function deleteLocationRow(tx: Transaction<Database>, locationId: string): Promise<void> {
  await tx.deleteFrom('meeting_locations').where('id', '=', locationId).execute();
}
