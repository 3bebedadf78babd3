import { z } from 'zod';
import { fieldErrorCodeSchema, fieldErrorParamsShape } from '../../platform/http/field-error-schema.js';
import { IMPORT_MAX_CHARACTERS, IMPORT_MAX_XLSX_BASE64 } from '../../platform/tabular/limits.js';
import { WIJK_IMPORT_COLUMNS } from './wijk-import-columns.js';

/**
 * A list of wijken as the tab read it from disk (CSV text or an Excel workbook), the same two forms
 * the people import takes, and the district for rows that name none.
 */
export const wijkImportRequestSchema = z
  .object({
    csv: z
      .string({ message: 'must be the CSV file as text' })
      .min(1, 'is empty')
      .max(IMPORT_MAX_CHARACTERS, `use at most ${IMPORT_MAX_CHARACTERS} characters`)
      .optional(),
    xlsx: z
      .base64({ message: 'must be the Excel workbook (.xlsx) in base64' })
      .min(1, 'is empty')
      .max(IMPORT_MAX_XLSX_BASE64, 'is larger than 1 MB; split the list')
      .optional()
      .describe('An Excel workbook (.xlsx), base64-encoded; its first worksheet is read'),
    districtId: z
      .uuid({ message: 'must be a district id' })
      .nullable()
      .default(null)
      .describe('The district for rows whose district column is empty (or when the file has none)'),
  })
  .strict()
  .refine((body) => (body.csv === undefined) !== (body.xlsx === undefined), {
    message: 'send the file as either csv or xlsx',
    params: { code: 'either_or' },
    path: ['csv'],
  })
  .meta({ id: 'WijkImportRequest' });
export type WijkImportRequest = z.infer<typeof wijkImportRequestSchema>;

const columnSchema = z.enum(WIJK_IMPORT_COLUMNS).meta({ id: 'WijkImportColumn' });

/** One row of the file and what the import does with it. */
export const wijkImportRowSchema = z
  .object({
    line: z.number().int().describe('Line (CSV) or row (Excel) in the file; the header is 1'),
    name: z.string(),
    cbsCode: z.string().nullable(),
    district: z.string().nullable().describe('The district the wijk goes into'),
    action: z
      .enum(['create', 'existing', 'other-municipality', 'water'])
      .describe('create; or skipped: already there, another gemeente, or a CBS water part'),
    errors: z.array(
      z.object({
        column: columnSchema,
        code: fieldErrorCodeSchema,
        message: z.string().describe('English explanation; translate by code'),
        ...fieldErrorParamsShape,
      }),
    ),
  })
  .meta({ id: 'WijkImportRow' });
export type WijkImportRow = z.infer<typeof wijkImportRowSchema>;

export const wijkImportPreviewSchema = z
  .object({
    rows: z.array(wijkImportRowSchema),
    toCreate: z.number().int(),
    skipped: z.number().int(),
    invalid: z.number().int(),
    newDistricts: z.array(z.string()).describe('Districts the import creates'),
    columns: z.array(columnSchema).describe('The columns recognised in the file'),
  })
  .meta({ id: 'WijkImportPreview' });
export type WijkImportPreview = z.infer<typeof wijkImportPreviewSchema>;

export const wijkImportResultSchema = z
  .object({ created: z.number().int(), districtsCreated: z.number().int() })
  .meta({ id: 'WijkImportResult' });
