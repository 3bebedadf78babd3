import type { AuditOrigin } from '../../audit/audit-origin.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError } from '../../platform/errors.js';
import { type LocationRow, readLocations } from '../meeting-store.js';
import { audit, conflict, invalid, type MeetingDeps, notFound, requireNetwork } from '../service-kit.js';
import { deleteLocationRow, insertLocation, locationUsed, updateLocationRow } from './location-store.js';

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
  await requireNetwork(deps, networkId);
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
  await requireNetwork(deps, networkId);
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
  const id = await transaction(deps.db, async (tx) => {
    const id = await insertLocation(tx, {
      networkId,
      name: input.name,
      address: input.address || null,
      kind: input.kind,
      active: input.active ?? true,
      rotationOrder: input.rotationOrder ?? Math.max(0, ...existing.map((l) => l.rotation_order + 1)),
    });
    await audit(tx, origin, 'meeting-location.create', { type: 'meeting-location', id }, deps.now());
    return id;
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
  await transaction(deps.db, async (tx) => {
    try {
      await updateLocationRow(tx, locationId, {
        ...input,
        ...(input.address !== undefined ? { address: input.address || null } : {}),
      });
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
  if (await locationUsed(deps.db, locationId))
    throw new DomainError(
      'conflict',
      'Meetings took place here; deactivate the location instead of deleting it.',
    ).because('location-used');
  await transaction(deps.db, async (tx) => {
    await deleteLocationRow(tx, locationId);
    await audit(
      tx,
      origin,
      'meeting-location.delete',
      { type: 'meeting-location', id: locationId },
      deps.now(),
    );
  });
}
