import { z } from 'zod';
import { GM_CODE_PATTERN, SCHOOL_HOLIDAY_REGIONS, SETUP_STEPS, WK_CODE_PATTERN } from './constants.js';

// Control characters (NUL above all, which PostgreSQL refuses in text) never belong in a name.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A display name: trimmed, 1–200 characters, no control characters. */
export const nameSchema = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, 'is required')
  .max(200, 'use at most 200 characters')
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters');

const gemeentecodeSchema = z
  .string({ message: 'must be text' })
  .trim()
  .toUpperCase()
  .regex(GM_CODE_PATTERN, "must be a CBS gemeentecode: 'GM' and four digits, e.g. GM0034")
  .describe('CBS gemeentecode, GM + 4 digits');

/** CBS wijkcode, optional: `WK` + six digits. */
export const wijkcodeSchema = z
  .string({ message: 'must be text' })
  .trim()
  .toUpperCase()
  .regex(WK_CODE_PATTERN, "must be a CBS wijkcode: 'WK' and six digits, e.g. WK003401")
  .describe('CBS wijkcode, WK + 6 digits (gemeentecode digits + wijk number)');

const regionSchema = z.enum(SCHOOL_HOLIDAY_REGIONS, { message: 'must be noord, midden or zuid' });
const latitudeSchema = z
  .number({ message: 'must be a number of degrees' })
  .min(50.7, 'lies outside the Netherlands (50.7–53.6)')
  .max(53.6, 'lies outside the Netherlands (50.7–53.6)')
  .describe('Latitude in decimal degrees (WGS 84) of the town hall or centre, for sunset times');
const longitudeSchema = z
  .number({ message: 'must be a number of degrees' })
  .min(3.3, 'lies outside the Netherlands (3.3–7.3)')
  .max(7.3, 'lies outside the Netherlands (3.3–7.3)')
  .describe('Longitude in decimal degrees (WGS 84)');

/** A municipality as administrators see and edit it. */
export const municipalitySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    cbsCode: z.string(),
    schoolHolidayRegion: regionSchema.nullable(),
    latitude: z.number(),
    longitude: z.number(),
  })
  .meta({ id: 'Municipality' });
export type Municipality = z.infer<typeof municipalitySchema>;

/** A new municipality (administrators; an empty database has none). */
export const createMunicipalitySchema = z
  .object({
    name: nameSchema,
    cbsCode: gemeentecodeSchema,
    schoolHolidayRegion: regionSchema,
    latitude: latitudeSchema,
    longitude: longitudeSchema,
  })
  .strict()
  .meta({ id: 'CreateMunicipality' });
export type CreateMunicipality = z.infer<typeof createMunicipalitySchema>;

export const updateMunicipalitySchema = createMunicipalitySchema
  .partial()
  .strict()
  .meta({ id: 'UpdateMunicipality' });
export type UpdateMunicipality = z.infer<typeof updateMunicipalitySchema>;

export const municipalityIdParams = z.object({
  municipalityId: z.uuid({ message: 'must be a municipality id' }),
});
export const areaParams = municipalityIdParams.extend({
  areaId: z.uuid({ message: 'must be an area id' }),
});

/** A district (stadsdeel, basisteam) or wijk as administrators manage it. */
export const managedAreaSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['district', 'neighbourhood']),
    name: z.string(),
    parentId: z.uuid().nullable().describe('The district of a wijk; null for a district'),
    cbsCode: z.string().nullable(),
    archived: z.boolean(),
  })
  .meta({ id: 'ManagedArea' });
export type ManagedArea = z.infer<typeof managedAreaSchema>;

/** A new district, or a new wijk in a district. */
export const createAreaSchema = z
  .object({
    kind: z.enum(['district', 'neighbourhood']),
    name: nameSchema,
    parentId: z.uuid({ message: 'must be a district id' }).nullable().default(null),
    cbsCode: wijkcodeSchema.nullable().default(null),
  })
  .strict()
  .refine((area) => (area.kind === 'district') === (area.parentId === null), {
    message: 'a wijk needs its district; a district has none',
    params: { code: 'required', kind: 'district' },
    path: ['parentId'],
  })
  .refine((area) => area.kind === 'neighbourhood' || area.cbsCode === null, {
    message: 'only a wijk has a CBS wijkcode; districts are the municipality’s own grouping',
    params: { code: 'wijk_only' },
    path: ['cbsCode'],
  })
  .meta({ id: 'CreateArea' });
export type CreateArea = z.infer<typeof createAreaSchema>;

/** Rename, move a wijk to another district, set its wijkcode, archive or restore. */
export const updateAreaSchema = z
  .object({
    name: nameSchema,
    parentId: z.uuid({ message: 'must be a district id' }),
    cbsCode: wijkcodeSchema.nullable(),
    archived: z.boolean(),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateArea' });
export type UpdateArea = z.infer<typeof updateAreaSchema>;

/** One step of the first-run checklist. */
export const setupStepSchema = z
  .object({ key: z.enum(SETUP_STEPS), done: z.boolean() })
  .meta({ id: 'SetupStep' });

export const setupStatusSchema = z
  .object({
    municipalityId: z.uuid().nullable().describe('The first municipality, once there is one'),
    setUp: z
      .boolean()
      .describe('Municipality and its districts and wijken exist: the tab stops opening the checklist'),
    steps: z.array(setupStepSchema),
  })
  .meta({ id: 'SetupStatus' });
export type SetupStatus = z.infer<typeof setupStatusSchema>;
