import { readSheet } from 'read-excel-file/node';
import { type CsvRecord, type CsvTable, fileError, IMPORT_MAX_ROWS } from './csv-table.js';

/** A cell as read-excel-file gives it (numbers kept as the text Excel stored, see below). */
type Cell = string | number | boolean | Date | null;

/** Dates become `YYYY-MM-DD`, the form the import's date columns take; Excel stores them at UTC midnight. */
function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee';
  return String(cell);
}

/**
 * Reads the first worksheet of an Excel workbook (.xlsx) into the same table a CSV file gives, each row
 * with its row number in Excel so errors point at the row the coordinator sees. Numbers are kept as the
 * digits Excel stored (`parseNumber` returns the text), never as floats: a mobile number typed into a
 * number cell loses its leading zero in Excel, and 612345678 still parses as a Dutch mobile number,
 * while 6.12345678e8 would not.
 */
export async function readXlsxTable(workbook: Buffer, rowsAre = 'people'): Promise<CsvTable> {
  let rows: Cell[][];
  try {
    rows = (await readSheet(workbook, { parseNumber: (text: string) => text, trim: true })) as Cell[][];
  } catch {
    throw fileError(
      'not-xlsx',
      'is not an Excel workbook (.xlsx) this import can read; save it as .xlsx or CSV UTF-8',
    );
  }
  const numbered: CsvRecord[] = rows
    .map((row, index) => ({ line: index + 1, cells: row.map(cellText) }))
    .filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  const [header, ...records] = numbered;
  if (!header) throw fileError('no-rows', 'holds no rows; the first row must hold the headings');
  if (records.length === 0) throw fileError('no-data-rows', `holds headings but no ${rowsAre}`);
  if (records.length > IMPORT_MAX_ROWS) {
    throw fileError(
      'too-many-rows',
      `holds ${records.length} rows; import at most ${IMPORT_MAX_ROWS} at a time`,
      {
        max: IMPORT_MAX_ROWS,
        count: records.length,
      },
    );
  }
  // The separator is a CSV notion; a workbook has none. The CSV reader's default stands in.
  return { separator: ';', header: header.cells, records };
}
