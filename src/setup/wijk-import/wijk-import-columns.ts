import { foldWord } from '../../platform/tabular/fold-word.js';

/**
 * The columns the wijk import reads. CBS names them in the Wijk- en Buurtkaart (layer/table
 * `wijken`): WK_CODE, WK_NAAM, GM_CODE, WATER; `stadsdeel` is the municipality's own grouping,
 * which CBS does not publish.
 */
export const WIJK_IMPORT_COLUMNS = ['wijknaam', 'wijkcode', 'gemeentecode', 'water', 'stadsdeel'] as const;
export type WijkImportColumn = (typeof WIJK_IMPORT_COLUMNS)[number];

const HEADINGS: Record<WijkImportColumn, readonly string[]> = {
  wijknaam: ['WK_NAAM', 'wijknaam', 'wijk', 'naam'],
  wijkcode: ['WK_CODE', 'wijkcode', 'code'],
  gemeentecode: ['GM_CODE', 'gemeentecode'],
  water: ['WATER'],
  stadsdeel: ['stadsdeel', 'district', 'basisteam', 'gebied'],
};

const byFolded = new Map<string, WijkImportColumn>(
  (Object.entries(HEADINGS) as [WijkImportColumn, readonly string[]][]).flatMap(([column, names]) =>
    names.map((name) => [foldWord(name), column] as const),
  ),
);

/** Where each recognised column sits in the header row; other columns (kerncijfers) are ignored. */
export function mapWijkHeader(header: readonly string[]): Map<WijkImportColumn, number> {
  const positions = new Map<WijkImportColumn, number>();
  header.forEach((heading, index) => {
    const column = byFolded.get(foldWord(heading));
    if (column && !positions.has(column)) positions.set(column, index);
  });
  return positions;
}
