import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readNetworksInAreas } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { readCoveredAreaIds } from './call-out-store.js';
import { readCallOutRowForViewer } from './call-out-view-store.js';
import { readCallOutDetail } from './call-out-views.js';
import type { CallOutDetail } from './schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Who may see a call-out: administrators, the starter, its recipients and staff of a covering network. */
export async function visibleCallOut(db: Executor, access: AccessProfile, callOutId: string) {
  // The row and whether the caller is a recipient in one statement (issue 21).
  const read = await readCallOutRowForViewer(db, callOutId, access.userId);
  // Made only when refused: an error captures a stack trace, and nearly every check lets the caller see it.
  const hidden = () => new DomainError('not-found', 'There is no such call-out among yours.');
  if (!read) throw hidden();
  const { callOut } = read;
  if (access.isAdministrator || callOut.started_by === access.userId || read.recipient) return callOut;
  const networkIds = [...access.networkRoles.keys()];
  if (networkIds.length === 0) throw hidden();
  const covering = await readNetworksInAreas(db, networkIds, await readCoveredAreaIds(db, callOutId));
  if (covering.length === 0) throw hidden();
  return callOut;
}

/** One call-out as the tab shows it, for those who may see it; the read is audited. */
export async function getCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  now: Date,
): Promise<CallOutDetail> {
  // The row the visibility check read is the detail's row: one statement fewer.
  return readVisibleCallOut(db, origin, access, callOutId, await visibleCallOut(db, access, callOutId), now);
}

/** {@link getCallOut} for a call-out whose visibility `row` ({@link visibleCallOut}) has already proven. */
export async function readVisibleCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  callOutId: string,
  row: Awaited<ReturnType<typeof visibleCallOut>>,
  now: Date,
): Promise<CallOutDetail> {
  const detail = await readCallOutDetail(db, callOutId, new Set(access.networkRoles.keys()), now, row);
  await appendAuditEvent(db, auditEvent(origin, 'call-out.read', { type: 'call-out', id: callOutId }), now);
  return detail as CallOutDetail;
}
