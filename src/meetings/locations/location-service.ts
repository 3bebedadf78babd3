import type { AuditOrigin } from '../../audit/audit-origin.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { DomainError } from '../../platform/errors.js';
import { type LocationRow, readLocations } from '../meeting-store.js';
import { audit, conflict, invalid, type MeetingDeps, notFound, requireNetwork } from '../service-kit.js';

// ---- Locations ----

export function locationView(row: LocationRow) {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    kind: row.kind,
    active: row.active,
    rotationOrder: row.rotation_order,
    version: row.version,
  };
}

export async function listLocations(deps: MeetingDeps, origin: AuditOrigin, networkId: string) {
  await requireNetwork(deps.db, networkId);
  const locations = (await readLocations(deps.db, networkId)).map(locationView);
  await audit(deps.db, origin, 'meeting-locations.read', { type: 'network', id: networkId }, deps.now());
  return locations;
}

export async function createLocation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  input: {
    name: string;
    address?: string | null | undefined;
    kind: LocationRow['kind'];
    active?: boolean | undefined;
    rotationOrder?: number | undefined;
  },
) {
  await requireNetwork(deps.db, networkId);
  const existing = await readLocations(deps.db, networkId);
  if (existing.some((l) => l.name.toLowerCase() === input.name.toLowerCase()))
    throw invalid([
      {
        field: 'body.name',
        code: 'duplicate',
        kind: 'name',
        message: 'this network already has a location with this name',
      },
    ]);
  const id = await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('meeting_locations')
      .values({
        network_id: networkId,
        name: input.name,
        address: input.address || null,
        kind: input.kind,
        active: input.active ?? true,
        rotation_order: input.rotationOrder ?? Math.max(0, ...existing.map((l) => l.rotation_order + 1)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, origin, 'meeting-location.create', { type: 'meeting-location', id: row.id }, deps.now());
    return row.id;
  });
  const created = (await readLocations(deps.db, networkId)).find((l) => l.id === id);
  if (!created) throw notFound();
  return locationView(created);
}

export async function updateLocation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  locationId: string,
  input: {
    version: number;
    name?: string | undefined;
    address?: string | null | undefined;
    kind?: LocationRow['kind'] | undefined;
    active?: boolean | undefined;
    rotationOrder?: number | undefined;
  },
) {
  const locations = await readLocations(deps.db, networkId);
  const current = locations.find((l) => l.id === locationId);
  if (!current) throw notFound();
  if (current.version !== input.version) throw conflict();
  if (
    input.name &&
    locations.some((l) => l.id !== locationId && l.name.toLowerCase() === input.name?.toLowerCase())
  )
    throw invalid([
      {
        field: 'body.name',
        code: 'duplicate',
        kind: 'name',
        message: 'this network already has a location with this name',
      },
    ]);
  await deps.db.transaction().execute(async (tx) => {
    try {
      await tx
        .updateTable('meeting_locations')
        .set((eb) => ({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.address !== undefined ? { address: input.address || null } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(input.rotationOrder !== undefined ? { rotation_order: input.rotationOrder } : {}),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', locationId)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
    await audit(
      tx,
      origin,
      'meeting-location.update',
      { type: 'meeting-location', id: locationId },
      deps.now(),
    );
  });
  const updated = (await readLocations(deps.db, networkId)).find((l) => l.id === locationId);
  if (!updated) throw notFound();
  return locationView(updated);
}

/** Deletes a location no meeting used; one with history can only be deactivated. */
export async function deleteLocation(
  deps: MeetingDeps,
  origin: AuditOrigin,
  networkId: string,
  locationId: string,
) {
  const current = (await readLocations(deps.db, networkId)).find((l) => l.id === locationId);
  if (!current) throw notFound();
  const used = await deps.db
    .selectFrom('meetings')
    .select('id')
    .where('location_id', '=', locationId)
    .limit(1)
    .executeTakeFirst();
  if (used)
    throw new DomainError(
      'conflict',
      'Meetings took place here; deactivate the location instead of deleting it.',
    ).because('location-used');
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('meeting_locations').where('id', '=', locationId).execute();
    await audit(
      tx,
      origin,
      'meeting-location.delete',
      { type: 'meeting-location', id: locationId },
      deps.now(),
    );
  });
}
