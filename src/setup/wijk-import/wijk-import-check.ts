import type { FieldError } from '../../platform/errors.js';
import type { CsvRecord } from '../../platform/tabular/csv-table.js';
import { foldWord } from '../../platform/tabular/fold-word.js';
import { WK_CODE_PATTERN, wijkcodeInMunicipality } from '../constants.js';
import type { WijkImportPreview, WijkImportRow } from './import-schemas.js';
import { WIJK_IMPORT_COLUMNS, type WijkImportColumn } from './wijk-import-columns.js';

/** What the check needs to know about the municipality the wijken go into. */
export interface WijkImportContext {
  gemeentecode: string;
  districts: readonly { id: string; name: string }[];
  /** Wijken already there, archived ones included (names are unique per municipality). */
  wijken: readonly { name: string; cbsCode: string | null }[];
  /** Wijkcodes used anywhere (they are unique nationally). */
  usedCodes: ReadonlySet<string>;
  /** The district for rows that name none. */
  defaultDistrict: { id: string; name: string } | null;
}

/** A wijk to create, with its district by name (an existing one, or one of `newDistricts`). */
export interface PlannedWijk {
  name: string;
  cbsCode: string | null;
  district: string;
}

/** The verdict on a file: the preview, and what to store when no row has an error. */
export interface WijkImportCheck {
  preview: WijkImportPreview;
  wijken: PlannedWijk[];
  newDistricts: string[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

type Cells = Partial<Record<WijkImportColumn, string>>;

function cellsOf(record: CsvRecord, header: ReadonlyMap<WijkImportColumn, number>): Cells {
  const cells: Cells = {};
  for (const [column, index] of header) cells[column] = (record.cells[index] ?? '').trim();
  return cells;
}

type CellProblem = Omit<FieldError, 'field'>;

function nameErrors(name: string): CellProblem | null {
  if (name === '') return { code: 'required', message: 'is required' };
  if (name.length > 200) return { code: 'too_long', max: 200, message: 'use at most 200 characters' };
  if (CONTROL_CHARACTERS.test(name))
    return { code: 'unstorable_text', message: 'must not contain control characters' };
  return null;
}

/** Checks one row on its own: its cells, its municipality, and whether it is there already. */
function checkRow(record: CsvRecord, cells: Cells, context: WijkImportContext): WijkImportRow {
  const name = cells.wijknaam ?? '';
  const code = (cells.wijkcode ?? '').toUpperCase() || null;
  const districtCell = cells.stadsdeel ?? '';
  const district = districtCell || context.defaultDistrict?.name || null;
  const row: WijkImportRow = {
    line: record.line,
    name,
    cbsCode: code,
    district,
    action: 'create',
    errors: [],
  };
  const gm = (cells.gemeentecode ?? '').toUpperCase();
  if (gm !== '' && gm !== context.gemeentecode) return { ...row, action: 'other-municipality' };
  // The Wijk- en Buurtkaart splits a wijk into its land and water parts; the water part repeats the wijk.
  if (foldWord(cells.water ?? '') === 'ja') return { ...row, action: 'water' };
  const errors: WijkImportRow['errors'] = [];
  const nameError = nameErrors(name);
  if (nameError) errors.push({ column: 'wijknaam', ...nameError });
  if (code !== null && !WK_CODE_PATTERN.test(code))
    errors.push({
      column: 'wijkcode',
      code: 'invalid_format',
      format: 'cbs-wijkcode',
      message: "must be a CBS wijkcode: 'WK' and six digits",
    });
  else if (code !== null && !wijkcodeInMunicipality(code, context.gemeentecode))
    errors.push({
      column: 'wijkcode',
      code: 'invalid_format',
      format: 'cbs-wijkcode',
      reason: `WK${context.gemeentecode.slice(2)}`,
      message: `does not lie in gemeente ${context.gemeentecode}`,
    });
  const districtError: CellProblem | null =
    district === null
      ? {
          code: 'required',
          kind: 'district',
          message: 'is empty: add a stadsdeel column or choose a district',
        }
      : nameErrors(district);
  if (districtError) errors.push({ column: 'stadsdeel', ...districtError });
  const existing = context.wijken.find((wijk) => foldWord(wijk.name) === foldWord(name));
  if (existing && name !== '') {
    // Already there: its district is whatever it is now, so an empty district cell is no error.
    const kept = errors.filter((error) => error.column !== 'stadsdeel');
    if (existing.cbsCode === code || code === null) return { ...row, action: 'existing', errors: kept };
    errors.push({
      column: 'wijkcode',
      code: 'duplicate',
      kind: 'wijk-other-code',
      message: `differs from the existing wijk ${existing.name} (${existing.cbsCode ?? '—'})`,
    });
  } else if (code !== null && context.usedCodes.has(code)) {
    errors.push({
      column: 'wijkcode',
      code: 'duplicate',
      kind: 'cbs-code',
      message: 'belongs to another area already',
    });
  }
  return { ...row, errors };
}

/** Rows that repeat a name or code of an earlier row to create: identical repeats are skipped, others refused. */
function markRepeats(rows: WijkImportRow[]): WijkImportRow[] {
  const seen: WijkImportRow[] = [];
  return rows.map((row) => {
    if (row.action !== 'create' || row.errors.length > 0) return row;
    const sameName = seen.find((other) => foldWord(other.name) === foldWord(row.name));
    const sameCode = row.cbsCode ? seen.find((other) => other.cbsCode === row.cbsCode) : undefined;
    if (sameName && sameName.cbsCode === row.cbsCode && sameName.district === row.district)
      return { ...row, action: 'existing' as const };
    seen.push(row);
    const errors = [...row.errors];
    if (sameName)
      errors.push({
        column: 'wijknaam',
        code: 'duplicate',
        kind: 'row',
        line: sameName.line,
        message: `repeats line ${sameName.line}`,
      });
    if (sameCode)
      errors.push({
        column: 'wijkcode',
        code: 'duplicate',
        kind: 'row',
        line: sameCode.line,
        message: `repeats line ${sameCode.line}`,
      });
    return { ...row, errors };
  });
}

/**
 * Checks a list of wijken against the municipality: per-row errors, skipped rows (other gemeenten,
 * water parts, wijken already there), and the districts to create. Pure: no I/O.
 */
export function checkWijkImport(
  records: readonly CsvRecord[],
  header: ReadonlyMap<WijkImportColumn, number>,
  context: WijkImportContext,
): WijkImportCheck {
  const rows = markRepeats(records.map((record) => checkRow(record, cellsOf(record, header), context)));
  if (!header.has('wijknaam')) {
    rows.forEach((row) => {
      row.errors.splice(0, row.errors.length, {
        column: 'wijknaam',
        code: 'unreadable_file',
        reason: 'no-name-column',
        message: 'the file has no WK_NAAM or wijknaam column',
      });
    });
  }
  const creating = rows.filter((row) => row.action === 'create');
  const invalid = rows.filter((row) => row.errors.length > 0).length;
  const known = new Set(context.districts.map((district) => foldWord(district.name)));
  const newDistricts: string[] = [];
  for (const row of creating) {
    const district = row.district ?? '';
    if (row.errors.length === 0 && !known.has(foldWord(district))) {
      known.add(foldWord(district));
      newDistricts.push(district);
    }
  }
  return {
    preview: {
      rows,
      toCreate: creating.filter((row) => row.errors.length === 0).length,
      skipped: rows.length - creating.length,
      invalid,
      newDistricts,
      columns: WIJK_IMPORT_COLUMNS.filter((column) => header.has(column)),
    },
    wijken:
      invalid === 0
        ? creating.map((row) => ({ name: row.name, cbsCode: row.cbsCode, district: row.district ?? '' }))
        : [],
    newDistricts: invalid === 0 ? newDistricts : [],
  };
}
