import { z } from 'zod';
import { fieldErrorCodeSchema, fieldErrorParamsShape } from '../../platform/http/field-error-schema.js';
import { IMPORT_MAX_CHARACTERS, IMPORT_MAX_XLSX_BASE64 } from '../../platform/tabular/limits.js';
import {
  ageBandSchema,
  genderSchema,
  legalBasisSchema,
  networkWarningSchema,
  personKindSchema,
  preferredChannelSchema,
  staffTenantIdSchema,
} from '../schemas.js';
import { IMPORT_COLUMNS } from './import-columns.js';

/** A file of people to check or import, as the tab read it from disk: CSV text or an Excel workbook. */
export const importRequestSchema = z
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
  })
  .strict()
  .refine((body) => (body.csv === undefined) !== (body.xlsx === undefined), {
    message: 'send the file as either csv or xlsx',
    params: { code: 'either_or' },
    path: ['csv'],
  })
  .meta({ id: 'ImportRequest' });
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** A column of the import and export files (Dutch headings; the tab translates them). */
export const importColumnSchema = z.enum(IMPORT_COLUMNS).meta({ id: 'ImportColumn' });

/** One problem in one cell of the file. */
export const importCellErrorSchema = z
  .object({
    column: importColumnSchema,
    code: fieldErrorCodeSchema,
    message: z.string().describe('English explanation; translate by code'),
    ...fieldErrorParamsShape,
  })
  .meta({ id: 'ImportCellError' });

/** One data row as the import would store it; a value the row could not supply is null. */
export const importRowSchema = z
  .object({
    line: z.number().int().describe('Line in the file where the row starts (the header is line 1)'),
    displayName: z.string(),
    kind: personKindSchema.nullable(),
    isProfessional: z.boolean().nullable(),
    neighbourhood: z.string().nullable(),
    communities: z.array(z.string()),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    following: z.string().nullable(),
    preferredChannel: preferredChannelSchema.nullable(),
    languages: z.array(z.string()),
    availability: z.string().nullable(),
    ageBand: ageBandSchema.nullable(),
    gender: genderSchema.nullable(),
    legalBasis: legalBasisSchema.nullable(),
    consentDate: z.string().nullable(),
    errors: z.array(importCellErrorSchema),
  })
  .meta({ id: 'ImportRow' });

/** What an import would do: every row with its errors; nothing is stored. */
export const importPreviewSchema = z
  .object({
    rows: z.array(importRowSchema),
    valid: z.number().int(),
    invalid: z.number().int(),
    columns: z.object({
      recognised: z.array(importColumnSchema),
      unknown: z.array(z.string()).describe('Headings the import does not know; their cells are ignored'),
    }),
    warnings: z.array(networkWarningSchema),
  })
  .meta({ id: 'ImportPreview' });

/** The result of an import that stored every row. */
export const importResultSchema = z
  .object({ imported: z.number().int(), warnings: z.array(networkWarningSchema) })
  .meta({ id: 'ImportResult' });

/** A person on the crisis sheet: how to reach them and what they stand for. */
export const crisisContactSchema = z
  .object({
    displayName: z.string(),
    mobile: z.string().nullable(),
    preferredChannel: preferredChannelSchema.nullable(),
    communities: z.array(z.string()),
    neighbourhood: z.string().nullable(),
    availability: z.string().nullable(),
  })
  .meta({ id: 'CrisisContact' });

/** A staff member on the crisis sheet with their work number and their back-up's. */
export const crisisStaffSchema = z
  .object({
    displayName: z.string(),
    tenantId: staffTenantIdSchema,
    organisation: z.enum(['gemeente', 'politie']).nullable(),
    jobTitle: z.string().nullable(),
    phone: z.string().nullable().describe('Work number from the directory'),
    role: z.enum(['coordinator', 'member', 'secretary', 'viewer']),
    backup: z.string().nullable().describe('Who takes over when this staff member is absent'),
    backupPhone: z.string().nullable().describe("The back-up's work number"),
    absentUntil: z.iso
      .date()
      .nullable()
      .describe('Absent today: the last day of the absence; call the back-up meanwhile'),
  })
  .meta({ id: 'CrisisStaff' });

/** Everything needed to bring the network together within the hour, on one printable page. */
export const crisisSheetSchema = z
  .object({
    network: z.object({ id: z.uuid(), name: z.string() }),
    municipality: z.string(),
    generatedAt: z.iso.datetime(),
    staff: z.array(crisisStaffSchema),
    allies: z.array(crisisContactSchema),
    keyFigures: z.array(crisisContactSchema),
  })
  .meta({ id: 'CrisisSheet' });

export type ImportRow = z.infer<typeof importRowSchema>;
export type ImportCellError = z.infer<typeof importCellErrorSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type CrisisSheet = z.infer<typeof crisisSheetSchema>;
export type CrisisContact = z.infer<typeof crisisContactSchema>;
