import { CsvError, parse } from 'csv-parse/sync';
import { isConfidentialNoticeLine } from '../confidential-notice.js';
import { DomainError, type FieldError } from '../errors.js';

/** The separators spreadsheets write: Dutch Excel writes `;` (the comma is the decimal sign there). */
export type Separator = ';' | ',';

/** The most data rows one file may hold; a network has at most a few dozen people. */
export const IMPORT_MAX_ROWS = 1000;

/** One data row and the line of the file where it starts (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A file read into its header and data rows. */
export interface CsvTable {
  separator: Separator;
  header: string[];
  records: CsvRecord[];
}

/** Counts each separator outside quoted cells of a line. */
function countOutsideQuotes(line: string): { semicolons: number; commas: number } {
  let quoted = false;
  let semicolons = 0;
  let commas = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return { semicolons, commas };
}

/**
 * Picks the separator from the header line. Headings rarely hold either sign, so the one that occurs
 * more often wins; on a tie (e.g. a single column) `;`, as Dutch Excel writes.
 */
export function detectSeparator(headerLine: string): Separator {
  const { semicolons, commas } = countOutsideQuotes(headerLine);
  return commas > semicolons ? ',' : ';';
}

/** Why a file cannot be read at all: the `reason` of its `unreadable_file` field error. */
export type FileProblem =
  | 'csv-syntax'
  | 'not-utf8'
  | 'not-xlsx'
  | 'no-rows'
  | 'no-data-rows'
  | 'too-many-rows'
  | 'duplicate-column'
  | 'no-name-column';

/** A file that cannot be read row by row: 400, naming what is wrong with it (code `unreadable_file`). */
export function fileError(
  reason: FileProblem,
  message: string,
  params: Pick<FieldError, 'max' | 'count' | 'line' | 'kind'> = {},
): DomainError {
  return new DomainError('validation-failed', `The file ${message}.`, [
    { field: 'body.csv', code: 'unreadable_file', reason, ...params, message },
  ]);
}

/** Excel honours a first line `sep=;`; so do we, and the headings follow on line 2. */
function separatorLine(text: string): { separator: Separator; fromLine: number } | undefined {
  const match = /^sep=([;,])\s*(\r?\n|$)/i.exec(text);
  return match ? { separator: match[1] as Separator, fromLine: 2 } : undefined;
}

/** Our own exports start with a confidentiality notice line: 1 when this text does, else 0. */
function noticeLines(text: string): number {
  const end = text.search(/\r?\n/);
  return isConfidentialNoticeLine(end === -1 ? text : text.slice(0, end)) ? 1 : 0;
}

/** What csv-parse returns per record with `info: true` (its typings only describe plain arrays). */
interface RecordWithInfo {
  record: string[];
  info: { lines: number };
}

function parseRecords(text: string, separator: Separator, fromLine: number): RecordWithInfo[] {
  try {
    const records = parse(text, {
      delimiter: separator,
      bom: true,
      from_line: fromLine,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    });
    return records as unknown as RecordWithInfo[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw fileError(
        'csv-syntax',
        `could not be read as CSV${line ? ` near line ${line}` : ''} (${error.code})`,
        line ? { line } : {},
      );
    }
    throw error;
  }
}

/** csv-parse reports the line where a record ends; a quoted cell may span lines, so count back. */
function startLine(endLine: number, cells: readonly string[]): number {
  const breaks = cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
  return endLine - breaks;
}

/**
 * Reads a CSV file (UTF-8, optional byte-order mark, `;` or `,`) into its header and data rows, each
 * with the line it starts on so that errors can point at it.
 */
export function readCsvTable(text: string, rowsAre = 'people'): CsvTable {
  // Excel's plain "CSV" is Windows-1252; read as UTF-8 its accents become U+FFFD and names would be
  // stored mangled, so such a file is sent back with the way to save it right.
  if (text.includes('\uFFFD')) {
    throw fileError('not-utf8', "is not UTF-8 text; in Excel save it as 'CSV UTF-8' and try again");
  }
  const withoutBom = text.replace(/^\uFEFF/, '');
  // Skipped by line number, so the lines errors point at stay the file's own.
  const skipped = noticeLines(withoutBom);
  const lines = withoutBom.split(/\r?\n/, skipped + 2);
  const declared = separatorLine(lines.slice(skipped).join('\n'));
  const firstLine = lines[skipped + (declared ? 1 : 0)] ?? '';
  const separator = declared?.separator ?? detectSeparator(firstLine);
  const parsed = parseRecords(withoutBom, separator, (declared?.fromLine ?? 1) + skipped);
  const [header, ...rows] = parsed.map(({ record, info }) => ({
    line: startLine(info.lines, record),
    cells: record,
  }));
  if (!header) throw fileError('no-rows', 'holds no rows; the first row must hold the headings');
  if (rows.length === 0) throw fileError('no-data-rows', `holds headings but no ${rowsAre}`);
  if (rows.length > IMPORT_MAX_ROWS) {
    throw fileError(
      'too-many-rows',
      `holds ${rows.length} rows; import at most ${IMPORT_MAX_ROWS} at a time`,
      {
        max: IMPORT_MAX_ROWS,
        count: rows.length,
      },
    );
  }
  return { separator, header: header.cells, records: rows };
}
