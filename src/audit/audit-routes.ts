import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { administerMunicipality } from '../identity/policies.js';
import {
  auditActorsSchema,
  auditExportQuerySchema,
  auditPageSchema,
  auditQuerySchema,
  chainVerdictSchema,
} from './audit-schemas.js';
import { checkAuditTrail, exportAuditTrail, listAuditActors, readAuditTrail } from './audit-service.js';
import type { AuditFilter } from './audit-store.js';
import type { AuditDeps } from './deps.js';

type AuditQuery = ReturnType<typeof auditQuerySchema.parse>;
type AuditExportQuery = ReturnType<typeof auditExportQuerySchema.parse>;

function toFilter<Q extends AuditQuery | AuditExportQuery>(query: Q) {
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
        const filter: AuditFilter = toFilter(query);
        const page = await readAuditTrail(deps.db, context.origin, filter, deps.now());
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
      summary:
        'The filtered audit trail as CSV (administrators): `;`-separated with a UTF-8 BOM (Dutch Excel), actor ' +
        'names, actions and object types in words in the chosen language, times in Europe/Amsterdam, and the ' +
        'stored codes, ids and hashes beside them',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: auditExportQuerySchema,
      response: { status: 200, description: 'CSV', format: { kind: 'csv', fileName: 'audittrail.csv' } },
      handle: async ({ query }, context) => {
        const { lang, ...filter } = toFilter(query);
        return exportAuditTrail(deps.db, context.origin, filter, lang ?? 'nl', deps.now());
      },
    }),
    defineRoute({
      operationId: 'listAuditActors',
      method: 'get',
      path: '/audit-events/actors',
      summary: 'Staff the audit filter can pick as actor, by name (administrators)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      response: { status: 200, description: 'Staff by name', schema: auditActorsSchema },
      handle: async (_input, context) => listAuditActors(deps.db, context.origin, deps.now()),
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
