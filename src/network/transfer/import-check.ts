import { DomainError, type FieldError } from '../../platform/errors.js';
import { type CsvTable, readCsvTable } from '../../platform/tabular/csv-table.js';
import { readXlsxTable } from '../../platform/tabular/xlsx-table.js';
import type { MatchFacts } from '../people/person-match.js';
import type { CreatePerson } from '../schemas.js';
import { type HeaderMap, IMPORT_COLUMNS, mapHeader } from './import-columns.js';
import { checkRow, type ImportReferences, indexReferences } from './import-rows.js';
import {
  findDuplicateRows,
  findStoredMatches,
  type LineError,
  refuseAllyRows,
  refuseFormerRows,
} from './import-rules.js';
import type { ImportPreview, ImportRow } from './transfer-schemas.js';

/** A file whose shape is known: its rows and what each heading means. */
export interface ImportFile {
  table: CsvTable;
  header: HeaderMap;
}

/** Reads CSV text and its header row; a file that cannot be read row by row is refused (400). */
export function readCsvImportFile(csv: string): ImportFile {
  const table = readCsvTable(csv);
  return { table, header: mapHeader(table.header) };
}

/** Reads the CSV text or the Excel workbook the request carries into the same rows. */
export async function readImportFile(source: { csv?: string; xlsx?: string }): Promise<ImportFile> {
  if (source.xlsx === undefined) return readCsvImportFile(source.csv ?? '');
  const table = await readXlsxTable(Buffer.from(source.xlsx, 'base64'));
  return { table, header: mapHeader(table.header) };
}

/** What the checks need to know about the network the file goes into. */
export interface ImportContext extends ImportReferences {
  /** The people the municipality already stored, which a row must not silently duplicate. */
  storedPeople: readonly (MatchFacts & { kind: string })[];
}

/** The verdict on a file: the preview, and the people to store when every row is valid. */
export interface ImportCheck {
  preview: ImportPreview;
  people: CreatePerson[];
}

const columnOrder = (row: ImportRow['errors'][number]) => IMPORT_COLUMNS.indexOf(row.column);

function withLineErrors(rows: ImportRow[], lineErrors: readonly LineError[]): ImportRow[] {
  return rows.map((row) => {
    const extra = lineErrors
      .filter((error) => error.rowLine === row.line)
      .map(({ rowLine: _rowLine, ...error }) => error);
    const errors = [...row.errors, ...extra].sort((a, b) => columnOrder(a) - columnOrder(b));
    return { ...row, errors };
  });
}

/**
 * Checks every row as if a coordinator added the people one by one (same schema, same rules), plus
 * the rules over the whole file: duplicates within it and against the people already stored, and no
 * allies (they come in through selection). Pure.
 */
export function checkImportFile(file: ImportFile, context: ImportContext): ImportCheck {
  const index = indexReferences(context);
  const checked = file.table.records.map((record) => checkRow(record, file.header, index));
  const facts = checked.map(({ row }) => row);
  const stored = findStoredMatches(
    checked.map(({ row, person }) => ({
      line: row.line,
      person: person && {
        displayName: person.displayName,
        neighbourhoodId: person.neighbourhoodId,
        mobile: person.mobile ?? null,
        email: person.email ?? null,
      },
    })),
    context.storedPeople,
  );
  const rows = withLineErrors(facts, [
    ...findDuplicateRows(facts),
    ...refuseAllyRows(facts),
    ...refuseFormerRows(facts),
    ...stored,
  ]);
  const invalid = rows.filter((row) => row.errors.length > 0).length;
  const people = invalid === 0 ? checked.map(({ person }) => person as CreatePerson) : [];
  return {
    preview: {
      rows,
      valid: rows.length - invalid,
      invalid,
      columns: { recognised: file.header.recognised, unknown: file.header.unknown },
      warnings: [],
    },
    people,
  };
}

/**
 * The refusal of a file with errors (all or nothing): 422 with one entry per cell, each naming its
 * line and column so that the tab can point at it.
 */
export function importRefusal(preview: ImportPreview): DomainError {
  const errors: FieldError[] = preview.rows.flatMap((row) =>
    row.errors.map(({ column, ...problem }) => ({
      field: `body.csv.line.${row.line}.${column}`,
      ...problem,
      message: `line ${row.line}, ${column}: ${problem.message}`,
    })),
  );
  return new DomainError(
    'rule-violated',
    `${preview.invalid} of ${preview.rows.length} rows have errors; nothing was imported.`,
    errors,
  ).because('rows-with-errors');
}
