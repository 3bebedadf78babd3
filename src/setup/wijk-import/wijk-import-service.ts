import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import type { CsvTable } from '../../platform/tabular/csv-table.js';
import { readCsvTable } from '../../platform/tabular/csv-table.js';
import { foldWord } from '../../platform/tabular/fold-word.js';
import { readXlsxTable } from '../../platform/tabular/xlsx-table.js';
import { insertArea, readManagedArea, readManagedAreas, readUsedWijkcodes } from '../area-store.js';
import { readMunicipality } from '../municipality-store.js';
import type { WijkImportPreview, WijkImportRequest } from './import-schemas.js';
import { checkWijkImport, type WijkImportCheck } from './wijk-import-check.js';
import { mapWijkHeader } from './wijk-import-columns.js';

/** Reads the CSV text or workbook with the people import's readers (same limits, same messages). */
async function readTable(request: WijkImportRequest): Promise<CsvTable> {
  if (request.xlsx !== undefined) return readXlsxTable(Buffer.from(request.xlsx, 'base64'), 'wijken');
  return readCsvTable(request.csv ?? '', 'wijken');
}

async function checkFile(db: Kysely<Database>, municipalityId: string, request: WijkImportRequest) {
  const municipality = await readMunicipality(db, municipalityId);
  if (!municipality) throw new DomainError('not-found', 'No municipality with this id exists.');
  const table = await readTable(request);
  const areas = await readManagedAreas(db, municipalityId);
  let defaultDistrict: { id: string; name: string } | null = null;
  if (request.districtId) {
    const district = await readManagedArea(db, municipalityId, request.districtId);
    if (district?.kind !== 'district' || district.archived) {
      throw new DomainError('validation-failed', 'One or more fields are not valid.', [
        {
          field: 'body.districtId',
          code: 'unknown_reference',
          kind: 'district',
          message: 'is not an active district of this municipality',
        },
      ]);
    }
    defaultDistrict = { id: district.id, name: district.name };
  }
  const districts = areas.filter((area) => area.kind === 'district');
  const check = checkWijkImport(table.records, mapWijkHeader(table.header), {
    gemeentecode: municipality.cbsCode,
    districts,
    wijken: areas.filter((area) => area.kind === 'neighbourhood'),
    usedCodes: await readUsedWijkcodes(db),
    defaultDistrict,
  });
  return { check, districts };
}

/** Checks a list of wijken without storing anything (administrators; audited as a read of the file). */
export async function previewWijkImport(
  db: Kysely<Database>,
  origin: AuditOrigin,
  municipalityId: string,
  request: WijkImportRequest,
  now: Date,
): Promise<WijkImportPreview> {
  const { check } = await checkFile(db, municipalityId, request);
  await appendAuditEvent(
    db,
    auditEvent(origin, 'area.import-preview', { type: 'municipality', id: municipalityId }),
    now,
  );
  return check.preview;
}

function refusal(check: WijkImportCheck): DomainError {
  const errors: FieldError[] = check.preview.rows.flatMap((row) =>
    row.errors.map(({ column, ...problem }) => ({
      field: `body.csv.line.${row.line}.${column}`,
      ...problem,
      message: `line ${row.line}, ${column}: ${problem.message}`,
    })),
  );
  return new DomainError(
    'rule-violated',
    `${check.preview.invalid} of ${check.preview.rows.length} rows have errors; nothing was imported.`,
    errors,
  ).because('rows-with-errors');
}

/**
 * Imports a list of wijken all or nothing (administrators; audited): any row with an error refuses the
 * whole file (422, one entry per cell); otherwise the new districts and wijken are stored in one transaction.
 */
export async function importWijken(
  db: Kysely<Database>,
  origin: AuditOrigin,
  municipalityId: string,
  request: WijkImportRequest,
  now: Date,
): Promise<{ created: number; districtsCreated: number }> {
  const { check, districts } = await checkFile(db, municipalityId, request);
  if (check.preview.invalid > 0) throw refusal(check);
  if (check.wijken.length === 0) {
    throw new DomainError(
      'rule-violated',
      'The file holds no new wijken of this municipality; nothing was imported.',
    ).because('no-new-wijken');
  }
  try {
    return await store(db, origin, municipalityId, check, districts, now);
  } catch (error) {
    // Another administrator added one of these names or codes meanwhile: the unique keys decide.
    if (isUniqueViolation(error))
      throw new DomainError(
        'conflict',
        'A wijk or district of the file was added meanwhile; check the file again.',
      ).because('file-changed-meanwhile');
    throw error;
  }
}

async function store(
  db: Kysely<Database>,
  origin: AuditOrigin,
  municipalityId: string,
  check: WijkImportCheck,
  districts: readonly { id: string; name: string }[],
  now: Date,
): Promise<{ created: number; districtsCreated: number }> {
  return transaction(db, async (tx) => {
    const districtIds = new Map(districts.map((district) => [foldWord(district.name), district.id]));
    for (const name of check.newDistricts) {
      const district = await insertArea(tx, {
        municipalityId,
        kind: 'district',
        name,
        parentId: null,
        cbsCode: null,
      });
      districtIds.set(foldWord(name), district.id);
      await appendAuditEvent(tx, auditEvent(origin, 'area.create', { type: 'area', id: district.id }), now);
    }
    for (const wijk of check.wijken) {
      const parentId = districtIds.get(foldWord(wijk.district)) ?? null;
      const area = await insertArea(tx, {
        municipalityId,
        kind: 'neighbourhood',
        name: wijk.name,
        parentId,
        cbsCode: wijk.cbsCode,
      });
      await appendAuditEvent(tx, auditEvent(origin, 'area.create', { type: 'area', id: area.id }), now);
    }
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'area.import', { type: 'municipality', id: municipalityId }),
      now,
    );
    return { created: check.wijken.length, districtsCreated: check.newDistricts.length };
  });
}
