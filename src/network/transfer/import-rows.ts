import type { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import { zodFieldErrors } from '../../platform/http/zod-field-errors.js';
import type { CsvRecord } from '../../platform/tabular/csv-table.js';
import { normaliseMobile } from '../people/person-rules.js';
import { type CreatePerson, createPersonSchema } from '../schemas.js';
import type { HeaderMap, ImportColumn } from './import-columns.js';
import {
  indexByName,
  lookupName,
  lookupNames,
  type NamedRecord,
  type Parsed,
  parseAgeBand,
  parseChoice,
  parseDate,
  splitList,
  unescapeFormula,
} from './import-values.js';
import { CHANNELS, GENDERS, KINDS, LEGAL_BASES, YES_NO } from './import-vocabulary.js';
import type { ImportCellError, ImportRow } from './transfer-schemas.js';

type PersonField = keyof z.input<typeof createPersonSchema>;

/** The municipality's lists that cells refer to by name. */
export interface ImportReferences {
  neighbourhoods: readonly NamedRecord[];
  communities: readonly NamedRecord[];
}

/** The lists, indexed once per file. */
export interface ReferenceIndex {
  neighbourhoods: ReadonlyMap<string, NamedRecord>;
  communities: ReadonlyMap<string, NamedRecord>;
  namesById: ReadonlyMap<string, string>;
}

/** Indexes the municipality's lists for the lookups of every row. */
export function indexReferences(references: ImportReferences): ReferenceIndex {
  return {
    neighbourhoods: indexByName(references.neighbourhoods),
    communities: indexByName(references.communities),
    namesById: new Map(
      [...references.neighbourhoods, ...references.communities].map((record) => [record.id, record.name]),
    ),
  };
}

/** Which field of a new person each column fills (the same fields as adding a person by hand). */
const FIELD_OF: Record<ImportColumn, PersonField> = {
  naam: 'displayName',
  soort: 'kind',
  professional: 'isProfessional',
  wijk: 'neighbourhoodId',
  gemeenschappen: 'communityIds',
  mobiel: 'mobile',
  email: 'email',
  achterban: 'following',
  voorkeurskanaal: 'preferredChannel',
  talen: 'languages',
  beschikbaarheid: 'availability',
  leeftijd: 'ageBand',
  gender: 'gender',
  grondslag: 'legalBasis',
  toestemmingsdatum: 'consentDate',
};

const COLUMN_OF = new Map(Object.entries(FIELD_OF).map(([column, field]) => [field, column as ImportColumn]));

const text = (cell: string): Parsed<string> => ({ ok: true, value: cell });

/** How each column's cell becomes the field's value; the person schema then checks the values. */
const READERS: Record<ImportColumn, (cell: string, index: ReferenceIndex) => Parsed<unknown>> = {
  naam: text,
  soort: (cell) => parseChoice(cell, KINDS),
  professional: (cell) => parseChoice(cell, YES_NO),
  wijk: (cell, index) => {
    const found = lookupName(cell, index.neighbourhoods, {
      kind: 'neighbourhood',
      what: 'a wijk of this municipality',
    });
    return found.ok ? { ok: true, value: found.value.id } : found;
  },
  gemeenschappen: (cell, index) => {
    const found = lookupNames(cell, index.communities, {
      kind: 'community',
      what: "in the municipality's list of communities",
    });
    return found.ok ? { ok: true, value: found.value.map((record) => record.id) } : found;
  },
  mobiel: text,
  email: text,
  achterban: text,
  voorkeurskanaal: (cell) => parseChoice(cell, CHANNELS),
  talen: (cell) => ({ ok: true, value: splitList(cell) }),
  beschikbaarheid: text,
  leeftijd: parseAgeBand,
  gender: (cell) => parseChoice(cell, GENDERS),
  grondslag: (cell) => parseChoice(cell, LEGAL_BASES),
  toestemmingsdatum: parseDate,
};

/** Reads every recognised cell of a row into the fields of a new person; empty cells keep the defaults. */
export function readCells(
  record: CsvRecord,
  header: HeaderMap,
  index: ReferenceIndex,
): { input: Partial<Record<PersonField, unknown>>; errors: ImportCellError[] } {
  const input: Partial<Record<PersonField, unknown>> = { displayName: '' };
  const errors: ImportCellError[] = [];
  header.byPosition.forEach((column, position) => {
    if (!column) return;
    const cell = unescapeFormula((record.cells[position] ?? '').trim()).trim();
    if (cell === '') return;
    const parsed = READERS[column](cell, index);
    if (parsed.ok) input[FIELD_OF[column]] = parsed.value;
    else errors.push({ column, ...parsed.error });
  });
  return { input, errors };
}

/** The phone rule of adding a person by hand: E.164, or the error to show in the mobiel column. */
function checkMobile(mobile: unknown): { mobile?: string | null; errors: ImportCellError[] } {
  if (typeof mobile !== 'string') return { errors: [] };
  try {
    return { mobile: normaliseMobile(mobile, 'mobiel'), errors: [] };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      errors: error.errors.map(({ field: _field, ...problem }) => ({
        column: 'mobiel' as const,
        ...problem,
      })),
    };
  }
}

/** Runs the values through the same schema and phone rule as adding a person by hand. */
function validatePerson(
  input: Partial<Record<PersonField, unknown>>,
  cellErrors: readonly ImportCellError[],
): { person?: CreatePerson; errors: ImportCellError[] } {
  const result = createPersonSchema.safeParse(input, { reportInput: true });
  const schemaErrors = result.success
    ? []
    : zodFieldErrors(null, result.error).map(({ field, ...problem }) => ({
        column: COLUMN_OF.get(field.split('.')[0] as PersonField) ?? ('naam' as const),
        ...problem,
      }));
  const phone = schemaErrors.some((error) => error.column === 'mobiel')
    ? { errors: [] }
    : checkMobile(result.success ? result.data.mobile : input.mobile);
  // A cell that could not be read falls back to its default; the schema's verdict on it adds nothing.
  const errors = [...schemaErrors, ...phone.errors].filter(
    (error) => !cellErrors.some((cell) => cell.column === error.column),
  );
  if (!result.success || errors.length > 0) return { errors };
  return { person: { ...result.data, mobile: phone.mobile ?? result.data.mobile }, errors };
}

/** One row after its own checks: the person to store (if the row itself is valid) and its preview. */
export interface CheckedRow {
  person: CreatePerson | undefined;
  row: ImportRow;
}

function nameOrNull(index: ReferenceIndex, id: unknown): string | null {
  return typeof id === 'string' ? (index.namesById.get(id) ?? null) : null;
}

function previewOf(
  line: number,
  values: Partial<Record<PersonField, unknown>>,
  index: ReferenceIndex,
): Omit<ImportRow, 'errors'> {
  const pick = <T>(field: PersonField, fallback: T) => (values[field] ?? fallback) as T;
  const ids = pick<unknown[]>('communityIds', []);
  return {
    line,
    displayName: String(values.displayName ?? ''),
    kind: pick('kind', 'key_figure'),
    isProfessional: pick('isProfessional', false),
    neighbourhood: nameOrNull(index, values.neighbourhoodId),
    communities: ids.map((id) => nameOrNull(index, id)).filter((name): name is string => name !== null),
    mobile: pick('mobile', null),
    email: pick('email', null),
    following: pick('following', null),
    preferredChannel: pick('preferredChannel', null),
    languages: pick('languages', []),
    availability: pick('availability', null),
    ageBand: pick('ageBand', null),
    gender: pick('gender', null),
    legalBasis: pick('legalBasis', 'consent'),
    consentDate: pick('consentDate', null),
  };
}

/** Checks one row on its own (the rules over the whole file come after): cells, schema, phone number. */
export function checkRow(record: CsvRecord, header: HeaderMap, index: ReferenceIndex): CheckedRow {
  const read = readCells(record, header, index);
  const validated = validatePerson(read.input, read.errors);
  const errors = [...read.errors, ...validated.errors];
  const person = errors.length === 0 ? validated.person : undefined;
  return { person, row: { ...previewOf(record.line, person ?? read.input, index), errors } };
}
