import { z } from 'zod';
import { FIELD_ERROR_CODES } from '../errors.js';

/** The stable code of a field error, as documented in the OpenAPI document. */
export const fieldErrorCodeSchema = z
  .enum(FIELD_ERROR_CODES)
  .describe('Stable machine code of the error; translate by it, never by `message`')
  .meta({ id: 'FieldErrorCode' });

/** The parameters a field error code may carry, flat beside it (see `FieldErrorParams`). */
export const fieldErrorParamsShape = {
  max: z.number().optional().describe('Upper limit: characters, items, value, days or minutes'),
  min: z.number().optional().describe('Lower limit: characters, items, value, days or minutes'),
  values: z.array(z.string()).optional().describe('The allowed values'),
  format: z
    .string()
    .optional()
    .describe('The expected syntax: email, uuid, date, datetime, time, pattern, …'),
  kind: z.string().optional().describe('What a reference, duplicate or limit is about'),
  from: z.string().optional(),
  until: z.string().optional(),
  reason: z.string().optional().describe('A finer reason, e.g. why a date is refused or a file unreadable'),
  count: z.number().int().optional(),
  line: z.number().int().optional().describe('A line of an uploaded file'),
};

/** One field error of a problem: where, which code with its parameters, and an English explanation. */
export const fieldErrorSchema = z
  .object({
    field: z.string(),
    code: fieldErrorCodeSchema,
    message: z.string().describe('English explanation for developers; wording may change'),
    ...fieldErrorParamsShape,
  })
  .meta({ id: 'FieldError' });
