import { fileError } from '../../platform/tabular/csv-table.js';
import { foldWord } from '../../platform/tabular/fold-word.js';

/** The columns of the import and export files, in the order the export writes them (Dutch headings). */
export const IMPORT_COLUMNS = [
  'naam',
  'soort',
  'professional',
  'wijk',
  'gemeenschappen',
  'mobiel',
  'email',
  'achterban',
  'voorkeurskanaal',
  'talen',
  'beschikbaarheid',
  'leeftijd',
  'gender',
  'grondslag',
  'toestemmingsdatum',
] as const;

/** One column of the file, named by its Dutch heading. */
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Other headings people write for the same column: English ones, and common Dutch variants. */
const ALIASES: Record<ImportColumn, readonly string[]> = {
  naam: ['name', 'display name', 'volledige naam', 'full name'],
  soort: ['kind', 'type'],
  professional: ['professioneel', 'is professional'],
  wijk: ['neighbourhood', 'neighborhood'],
  gemeenschappen: ['gemeenschap', 'communities', 'community'],
  mobiel: ['mobiel nummer', 'mobile', 'mobile phone', 'telefoon', 'telefoonnummer', 'phone'],
  email: ['e-mailadres', 'mail', 'email address'],
  achterban: ['following'],
  voorkeurskanaal: ['kanaal', 'preferred channel', 'channel'],
  talen: ['taal', 'languages', 'language'],
  beschikbaarheid: ['availability'],
  leeftijd: ['leeftijdscategorie', 'age', 'age band'],
  gender: ['geslacht'],
  grondslag: ['wettelijke grondslag', 'legal basis'],
  toestemmingsdatum: ['datum toestemming', 'consent date'],
};

const HEADINGS: ReadonlyMap<string, ImportColumn> = new Map(
  IMPORT_COLUMNS.flatMap((column) =>
    [column, ...ALIASES[column]].map((heading) => [foldWord(heading), column] as const),
  ),
);

/** The column a heading names, whatever its case, spacing or language; undefined when unknown. */
export function columnFor(heading: string): ImportColumn | undefined {
  return HEADINGS.get(foldWord(heading));
}

/** How the file's headings map onto columns. */
export interface HeaderMap {
  /** Per cell position: the column it holds, or undefined for an ignored one. */
  byPosition: (ImportColumn | undefined)[];
  recognised: ImportColumn[];
  /** Headings that are not a column; their cells are ignored (and the preview says so). */
  unknown: string[];
}

/**
 * Maps the header row onto the columns. A file without a name column, or with two headings for the
 * same column, cannot be read row by row, so it is refused as a whole.
 */
export function mapHeader(header: readonly string[]): HeaderMap {
  const byPosition: (ImportColumn | undefined)[] = [];
  const recognised: ImportColumn[] = [];
  const unknown: string[] = [];
  for (const heading of header) {
    const column = columnFor(heading);
    byPosition.push(column);
    if (column && recognised.includes(column)) {
      throw fileError('duplicate-column', `has two columns for ${column}; keep one`, { kind: column });
    }
    if (column) recognised.push(column);
    else if (heading.trim() !== '') unknown.push(heading.trim());
  }
  if (!recognised.includes('naam')) {
    throw fileError(
      'no-name-column',
      'has no column naam (name) in its first row; the first row must hold the headings',
    );
  }
  return { byPosition, recognised, unknown };
}
