import type { AuditChannel, AuditEventInput, AuditResult } from './audit-chain.js';

/** Who acts and through which door: carried from the edge into every service that writes audit rows. */
export interface AuditOrigin {
  actorUserId: string | null;
  channel: AuditChannel;
  clientAddress: string | null;
  requestId: string | null;
}

/** Builds the audit row for an action by `origin` on one object. */
export function auditEvent(
  origin: AuditOrigin,
  action: string,
  object: { type: string; id: string } | null,
  result: AuditResult = 'success',
): AuditEventInput {
  return { ...origin, action, objectType: object?.type ?? null, objectId: object?.id ?? null, result };
}
