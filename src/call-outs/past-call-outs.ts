import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { addDays, startOfLocalDate } from '../platform/time.js';
import { summaryOf } from './call-out-views.js';
import type { PastCallOutPage, PastCallOutsQuery } from './past-call-out-schemas.js';
import { readClosedCallOutPage, readCoveredNetworks } from './past-call-out-store.js';

/**
 * Closed call-outs the caller may see (the rule of `visibleCallOut`: administrators, the starter, recipients, staff
 * of a covering network), newest first, a page at a time. Filtering on a network needs a role there (need-to-know);
 * the list names only the caller's own networks. The read is audited as one `call-out.list-closed` event.
 */
export async function listClosedCallOuts(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  query: PastCallOutsQuery,
  now: Date,
): Promise<PastCallOutPage> {
  const networkIds = [...access.networkRoles.keys()];
  if (query.networkId && !access.isAdministrator && !access.networkRoles.has(query.networkId))
    throw new DomainError('forbidden', 'You have no role in this network.');
  const { rows, total } = await readClosedCallOutPage(
    db,
    { userId: access.userId, isAdministrator: access.isAdministrator, networkIds },
    {
      startedFrom: query.from ? startOfLocalDate(query.from) : null,
      startedBefore: query.to ? startOfLocalDate(addDays(query.to, 1)) : null,
      kind: query.kind ?? null,
      networkId: query.networkId ?? null,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const covered = await readCoveredNetworks(
    db,
    rows.map((row) => row.id),
    access.isAdministrator ? null : networkIds,
  );
  const items = await Promise.all(
    rows.map(async (row) => ({
      ...(await summaryOf(db, row)),
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
      networks: covered
        .filter((network) => network.callOutId === row.id)
        .map((network) => ({ id: network.id, name: network.name })),
    })),
  );
  const object = query.networkId ? { type: 'network', id: query.networkId } : null;
  await appendAuditEvent(db, auditEvent(origin, 'call-out.list-closed', object), now);
  return { items, page: query.page, pageSize: query.pageSize, total };
}
