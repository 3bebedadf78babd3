import { z } from 'zod';

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
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

/** Filters of the audit trail, as query parameters. */
export const auditQuerySchema = z
  .object({
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
    beforeSeq: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()
  .refine(
    (query) => !query.from || !query.to || query.from < query.to || new Date(query.from) < new Date(query.to),
    {
      message: 'must be after from',
      path: ['to'],
    },
  );

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
