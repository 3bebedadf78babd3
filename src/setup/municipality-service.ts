import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import {
  gemeentecodeTaken,
  insertMunicipality,
  readMunicipalities,
  updateMunicipalityRow,
} from './municipality-store.js';
import type { CreateMunicipality, Municipality, UpdateMunicipality } from './schemas.js';

const codeTaken = () =>
  new DomainError('conflict', 'A municipality with this CBS gemeentecode exists already.', [
    {
      field: 'body.cbsCode',
      code: 'duplicate',
      kind: 'cbs-code',
      message: 'is used by another municipality',
    },
  ]);

/** Every municipality of the deployment (administrators; no personal data). */
export async function listMunicipalities(db: Kysely<Database>): Promise<Municipality[]> {
  return readMunicipalities(db);
}

/**
 * Creates a municipality (administrators; audited). Administrators are the deployment's functional
 * administrators and manage every municipality in it; a deployment normally serves one.
 */
export async function createMunicipality(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: CreateMunicipality,
  now: Date,
): Promise<Municipality> {
  if (await gemeentecodeTaken(db, input.cbsCode)) throw codeTaken();
  return transaction(db, async (tx) => {
    const municipality = await insertMunicipality(tx, input);
    if (!municipality) throw codeTaken();
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'municipality.create', { type: 'municipality', id: municipality.id }),
      now,
    );
    return municipality;
  });
}

/** Changes a municipality's name, code, school holiday region or coordinates (administrators; audited). */
export async function updateMunicipality(
  db: Kysely<Database>,
  origin: AuditOrigin,
  municipalityId: string,
  change: UpdateMunicipality,
  now: Date,
): Promise<Municipality> {
  if (change.cbsCode && (await gemeentecodeTaken(db, change.cbsCode, municipalityId))) throw codeTaken();
  try {
    return await transaction(db, async (tx) => {
      const municipality = await updateMunicipalityRow(tx, municipalityId, change);
      if (!municipality) throw new DomainError('not-found', 'No municipality with this id exists.');
      await appendAuditEvent(
        tx,
        auditEvent(origin, 'municipality.update', { type: 'municipality', id: municipalityId }),
        now,
      );
      return municipality;
    });
  } catch (error) {
    // Two administrators giving two municipalities the same code at once: the unique key decides.
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}
