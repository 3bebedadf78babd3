import { z } from 'zod';

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorName: z
      .string()
      .nullable()
      .describe('The actor’s name as it is now (read from the staff list, never stored in the trail)'),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    result: z.enum(['success', 'denied', 'failed']),
    channel: z.enum(['tab', 'bot', 'api', 'job']),
    clientAddress: z.string().nullable(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T09:00:00Z',
});

const auditFilterFields = {
  actorUserId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z.-]*$/, 'must be an action name such as person.read')
    .max(100)
    .optional(),
  objectType: z.string().max(100).optional(),
  objectId: z.string().max(200).optional(),
  result: z.enum(['success', 'denied', 'failed']).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
};

const toAfterFrom = (query: { from?: string | undefined; to?: string | undefined }) =>
  !query.from || !query.to || new Date(query.from) < new Date(query.to);

/** Filters of the audit trail, as query parameters. */
export const auditQuerySchema = z
  .object({
    ...auditFilterFields,
    beforeSeq: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()
  .refine(toAfterFrom, { message: 'must be after from', path: ['to'] });

/** The export's query: the list's filters (no paging) and the language of the file. */
export const auditExportQuerySchema = z
  .object({
    ...auditFilterFields,
    lang: z
      .enum(['nl', 'en'])
      .optional()
      .describe('Language of the column names and labels; Dutch when absent'),
  })
  .strict()
  .refine(toAfterFrom, { message: 'must be after from', path: ['to'] });

/** Staff a filter can pick as actor, by name. */
export const auditActorsSchema = z
  .object({ actors: z.array(z.object({ id: z.uuid(), displayName: z.string() })) })
  .meta({ id: 'AuditActors' });

export const auditPageSchema = z
  .object({ events: z.array(auditEventSchema), nextBeforeSeq: z.number().int().nullable() })
  .meta({ id: 'AuditPage' });

export const chainVerdictSchema = z
  .object({
    valid: z.boolean(),
    rowsChecked: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
    message: z.string(),
  })
  .meta({ id: 'AuditChainVerdict' });
