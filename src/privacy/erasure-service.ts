import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import {
  ERASED_PERSON_NAME,
  erasePersonRecords,
  readPersonDetail,
  readPersonNetworkIds,
} from '../network/index.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { ErasureReason } from './db-schema.js';
import type { PrivacyDeps } from './deps.js';
import { insertErasure } from './erasure-store.js';
import { eraseEverywhere, releaseEverywhere } from './registry.js';
import type { erasePersonSchema, erasureResultSchema } from './schemas.js';

function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
}

/**
 * Erases one person (AVG art. 17) for an administrator with a reason code. In one transaction network
 * empties the person's record (the row stays as a tombstone with its id), the erasure is recorded and
 * audited (ids only); then every holder takes the person off call lists and future invitations and scrubs
 * its free text. The audit chain is untouched: its rows never held the person's data, only the id.
 */
export async function erasePerson(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  personId: string,
  input: z.output<typeof erasePersonSchema>,
): Promise<z.infer<typeof erasureResultSchema>> {
  const result = await eraseOnePerson(deps, origin, personId, input.reason);
  if (!result) throw new DomainError('not-found', 'No person with this id exists.');
  return result;
}

/**
 * The erasure itself, for the route and the retention job: undefined when there is no such person or it was
 * erased already (by another instance of the job, say), so a second erasure never runs the holders again.
 */
export async function eraseOnePerson(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  personId: string,
  reason: ErasureReason,
): Promise<z.infer<typeof erasureResultSchema> | undefined> {
  const person = await readPersonDetail(deps.db, personId);
  if (!person) return undefined;
  const networkIds = await readPersonNetworkIds(deps.db, personId);
  const now = deps.now();
  const done = await transaction(deps.db, async (tx) => {
    if (!(await erasePersonRecords(tx, personId, amsterdamDate(now), now))) return false;
    await insertErasure(tx, { personId, reason, erasedBy: origin.actorUserId, erasedAt: now });
    await appendAuditEvent(tx, auditEvent(origin, 'person.erase', { type: 'person', id: personId }), now);
    return true;
  });
  if (!done) return undefined;
  const released = await releaseEverywhere(deps.personDataHolders, { personId, networkIds });
  const erased = await eraseEverywhere(deps.personDataHolders, {
    personId,
    networkIds,
    displayName: person.displayName,
    email: person.email,
    pseudonym: ERASED_PERSON_NAME,
    pseudonymAddress: `gewist-${personId.slice(0, 8)}@erased.invalid`,
  });
  const failed = [...new Set([...released.failed, ...erased.failed])];
  if (failed.length > 0) deps.logger.warn({ personId, failed }, 'erasure: some holders failed');
  return {
    personId,
    reason,
    erasedAt: now.toISOString(),
    released: released.outcomes,
    erased: erased.outcomes,
    failed,
  };
}
