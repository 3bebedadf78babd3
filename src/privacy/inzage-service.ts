import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent, readObjectAuditHistory } from '../audit/index.js';
import { readPersonDetail } from '../network/index.js';
import { DomainError } from '../platform/errors.js';
import type { PrivacyDeps } from './deps.js';
import type { inzageSchema } from './schemas.js';

/**
 * An inzage (AVG art. 15) for an administrator: the person's record and who read or changed it, from the
 * audit trail. The export itself is audited (`person.inzage`, the id only) before the trail is read, so the
 * answer includes it.
 */
export async function personInzage(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  personId: string,
): Promise<z.infer<typeof inzageSchema>> {
  const person = await readPersonDetail(deps.db, personId);
  if (!person) throw new DomainError('not-found', 'No person with this id exists.');
  const now = deps.now();
  await appendAuditEvent(deps.db, auditEvent(origin, 'person.inzage', { type: 'person', id: personId }), now);
  const history = await readObjectAuditHistory(deps.db, { type: 'person', id: personId });
  const { municipalityId: _m, ...record } = person;
  return {
    generatedAt: now.toISOString(),
    personId,
    person: record,
    accessLog: history.map((event) => ({
      occurredAt: event.occurredAt.toISOString(),
      actorName: event.actorName,
      action: event.action,
      result: event.result,
      channel: event.channel,
    })),
  };
}
