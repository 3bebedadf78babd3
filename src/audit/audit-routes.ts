import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { administerMunicipality } from '../identity/policies.js';
import { auditPageSchema, auditQuerySchema, chainVerdictSchema } from './audit-schemas.js';
import { checkAuditTrail, exportAuditTrail, readAuditTrail } from './audit-service.js';
import type { AuditFilter } from './audit-store.js';
import type { AuditDeps } from './deps.js';

type AuditQuery = ReturnType<typeof auditQuerySchema.parse>;

function toFilter(query: AuditQuery): AuditFilter {
  return {
    ...query,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** Administrator routes to read, export and verify the audit trail. */
export function auditRoutes(deps: AuditDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'listAuditEvents',
      method: 'get',
      path: '/audit-events',
      summary: 'The audit trail, newest first, filtered (administrators)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: auditQuerySchema,
      response: { status: 200, description: 'A page of audit events', schema: auditPageSchema },
      handle: async ({ query }, context) => {
        const page = await readAuditTrail(deps.db, context.origin, toFilter(query), deps.now());
        return {
          nextBeforeSeq: page.nextBeforeSeq,
          events: page.events.map(({ prevHash: _prevHash, ...event }) => ({
            ...event,
            occurredAt: event.occurredAt.toISOString(),
          })),
        };
      },
    }),
    defineRoute({
      operationId: 'exportAuditEvents',
      method: 'get',
      path: '/audit-events/export',
      summary: 'The filtered audit trail as CSV (administrators)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: auditQuerySchema,
      response: { status: 200, description: 'CSV', format: { kind: 'csv', fileName: 'audit-trail.csv' } },
      handle: async ({ query }, context) => {
        const { beforeSeq: _b, limit: _l, ...filter } = toFilter(query);
        return exportAuditTrail(deps.db, context.origin, filter, deps.now());
      },
    }),
    defineRoute({
      operationId: 'verifyAuditTrail',
      method: 'get',
      path: '/audit-events/verification',
      summary: 'Check the whole hash chain and name the first broken row (administrators)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      response: { status: 200, description: 'The verdict', schema: chainVerdictSchema },
      handle: async (_input, context) => checkAuditTrail(deps.db, context.origin, deps.now()),
    }),
  ];
}
