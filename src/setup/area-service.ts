import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import {
  type AreaUses,
  areaNameTaken,
  countActiveWijken,
  countAreaUses,
  deleteAreaRow,
  insertArea,
  lockArea,
  readManagedArea,
  readManagedAreas,
  updateAreaRow,
  wijkcodeTaken,
} from './area-store.js';
import { wijkcodeInMunicipality } from './constants.js';
import type { SetupUsageTables } from './deps.js';
import { readMunicipality } from './municipality-store.js';
import type { CreateArea, ManagedArea, UpdateArea } from './schemas.js';

const nameTaken = () =>
  new DomainError('conflict', 'An area of this kind with this name exists already.', [
    { field: 'body.name', code: 'duplicate', kind: 'name', message: 'is used by another area of this kind' },
  ]);
const codeTaken = () =>
  new DomainError('conflict', 'Another wijk has this CBS wijkcode already.', [
    { field: 'body.cbsCode', code: 'duplicate', kind: 'cbs-code', message: 'is used by another wijk' },
  ]);

async function municipalityOrThrow(db: Kysely<Database>, municipalityId: string) {
  const municipality = await readMunicipality(db, municipalityId);
  if (!municipality) throw new DomainError('not-found', 'No municipality with this id exists.');
  return municipality;
}

async function areaOrThrow(db: Kysely<Database>, municipalityId: string, areaId: string) {
  const area = await readManagedArea(db, municipalityId, areaId);
  if (!area) throw new DomainError('not-found', 'No such area in this municipality.');
  return area;
}

/** The code must lie in the municipality (WK0034xx in GM0034) and be free. */
async function checkWijkcode(db: Kysely<Database>, gemeentecode: string, code: string, exceptId?: string) {
  if (!wijkcodeInMunicipality(code, gemeentecode)) {
    throw new DomainError('rule-violated', 'The wijkcode lies in another municipality.', [
      {
        field: 'body.cbsCode',
        code: 'invalid_format',
        format: 'cbs-wijkcode',
        reason: `WK${gemeentecode.slice(2)}`,
        message: `must start with WK${gemeentecode.slice(2)} (this gemeente)`,
      },
    ]);
  }
  if (await wijkcodeTaken(db, code, exceptId)) throw codeTaken();
}

/** A wijk's district must be an active district of the same municipality. */
async function checkDistrict(db: Kysely<Database>, municipalityId: string, districtId: string) {
  const district = await readManagedArea(db, municipalityId, districtId);
  if (district?.kind !== 'district') {
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field: 'body.parentId',
        code: 'unknown_reference',
        kind: 'district',
        message: 'is not a district of this municipality',
      },
    ]);
  }
  if (district.archived) {
    throw new DomainError('rule-violated', 'The district is archived.', [
      { field: 'body.parentId', code: 'archived', message: 'is archived; restore it first' },
    ]);
  }
}

/** Every district and wijk of a municipality, archived ones included (administrators). */
export async function listManagedAreas(db: Kysely<Database>, municipalityId: string): Promise<ManagedArea[]> {
  await municipalityOrThrow(db, municipalityId);
  return readManagedAreas(db, municipalityId);
}

/** Runs one area change and its audit row in a transaction; a unique key refusing it becomes 409. */
async function audited(
  db: Kysely<Database>,
  origin: AuditOrigin,
  action: string,
  now: Date,
  work: (tx: Transaction<Database>) => Promise<ManagedArea>,
): Promise<ManagedArea> {
  try {
    return await transaction(db, async (tx) => {
      const result = await work(tx);
      await appendAuditEvent(tx, auditEvent(origin, action, { type: 'area', id: result.id }), now);
      return result;
    });
  } catch (error) {
    // A concurrent writer took the name or code between the check and the write: the unique keys decide.
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'The name or wijkcode was taken meanwhile; reload and try again.');
    }
    throw error;
  }
}

/** Adds a district, or a wijk to a district (administrators; audited). */
export async function createArea(
  db: Kysely<Database>,
  origin: AuditOrigin,
  municipalityId: string,
  input: CreateArea,
  now: Date,
): Promise<ManagedArea> {
  const municipality = await municipalityOrThrow(db, municipalityId);
  if (input.parentId) await checkDistrict(db, municipalityId, input.parentId);
  if (await areaNameTaken(db, municipalityId, input.kind, input.name)) throw nameTaken();
  if (input.cbsCode) await checkWijkcode(db, municipality.cbsCode, input.cbsCode);
  return audited(db, origin, 'area.create', now, (tx) => insertArea(tx, { municipalityId, ...input }));
}

/** Why an area cannot be archived: a district with active wijken. */
async function checkArchive(db: Kysely<Database>, area: ManagedArea) {
  if (area.kind !== 'district') return;
  const active = await countActiveWijken(db, area.id);
  if (active > 0) {
    throw new DomainError(
      'conflict',
      `The district still has ${active} active wijken; archive or move them first.`,
      [
        {
          field: 'body.archived',
          code: 'in_use',
          kind: 'wijk',
          count: active,
          message: `${active} active wijken lie in this district`,
        },
      ],
    );
  }
}

/** A wijk comes back only into an active district (else it would be offered under an archived one). */
async function checkRestore(db: Kysely<Database>, municipalityId: string, districtId: string) {
  const district = await readManagedArea(db, municipalityId, districtId);
  if (district?.archived) {
    throw new DomainError('conflict', 'The district of this wijk is archived; restore the district first.', [
      { field: 'body.archived', code: 'archived', kind: 'district', message: 'the district is archived' },
    ]);
  }
}

/** Renames, moves, re-codes, archives or restores an area (administrators; audited). */
export async function updateArea(
  db: Kysely<Database>,
  origin: AuditOrigin,
  ids: { municipalityId: string; areaId: string },
  change: UpdateArea,
  now: Date,
): Promise<ManagedArea> {
  const municipality = await municipalityOrThrow(db, ids.municipalityId);
  const area = await areaOrThrow(db, ids.municipalityId, ids.areaId);
  if (area.kind === 'district' && (change.parentId !== undefined || change.cbsCode)) {
    throw new DomainError('validation-failed', 'A district has no district and no CBS wijkcode.', [
      {
        field: change.parentId !== undefined ? 'body.parentId' : 'body.cbsCode',
        code: 'wijk_only',
        message: 'applies to wijken only',
      },
    ]);
  }
  if (change.parentId) await checkDistrict(db, ids.municipalityId, change.parentId);
  if (change.name && (await areaNameTaken(db, ids.municipalityId, area.kind, change.name, area.id)))
    throw nameTaken();
  if (change.cbsCode) await checkWijkcode(db, municipality.cbsCode, change.cbsCode, area.id);
  if (change.archived === true && !area.archived) await checkArchive(db, area);
  if (change.archived === false && area.archived && area.parentId)
    await checkRestore(db, ids.municipalityId, area.parentId);
  const action =
    change.archived === true ? 'area.archive' : change.archived === false ? 'area.restore' : 'area.update';
  return audited(db, origin, action, now, (tx) => updateAreaRow(tx, area.id, change));
}

function describeUses(uses: AreaUses): FieldError[] {
  const parts: [keyof AreaUses, string][] = [
    ['networks', 'networks'],
    ['people', 'people (key figures and allies)'],
    ['callOuts', 'crisis call-outs'],
    ['wijken', 'wijken'],
  ];
  return parts
    .filter(([key]) => uses[key] > 0)
    .map(([key, label]) => ({
      field: `usedBy.${key}`,
      code: 'in_use' as const,
      kind: key,
      count: uses[key],
      message: `${uses[key]} ${label}`,
    }));
}

/**
 * Deletes an area nothing uses (administrators; audited). One that a network, person, call-out or (a
 * district) wijk uses is refused with 409 naming the uses, and nothing changes: archive it instead.
 */
export async function deleteArea(
  db: Kysely<Database>,
  tables: SetupUsageTables,
  origin: AuditOrigin,
  ids: { municipalityId: string; areaId: string },
  now: Date,
): Promise<void> {
  await areaOrThrow(db, ids.municipalityId, ids.areaId);
  await transaction(db, async (tx) => {
    // Lock the row so no network or person can start using it between the count and the delete.
    await lockArea(tx, ids.areaId);
    const uses = describeUses(await countAreaUses(tx, tables, ids.areaId));
    if (uses.length > 0) {
      throw new DomainError(
        'conflict',
        `The area is in use (${uses.map((use) => use.message).join(', ')}); archive it instead.`,
        uses,
      );
    }
    await deleteAreaRow(tx, ids.areaId);
    await appendAuditEvent(tx, auditEvent(origin, 'area.delete', { type: 'area', id: ids.areaId }), now);
  });
}
