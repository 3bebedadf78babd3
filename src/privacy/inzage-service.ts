import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent, readObjectAuditHistory } from '../audit/index.js';
import { readPersonDetail, readRelationsOf } from '../network/index.js';
import { DomainError } from '../platform/errors.js';
import type { PrivacyDeps } from './deps.js';
import type { InzagePart } from './registry.js';
import type { inzageSchema } from './schemas.js';

type Inzage = z.infer<typeof inzageSchema>;

/** The person's relations as network holds them, seen from the person (the label reads from their side). */
async function relationsPart(deps: PrivacyDeps, personId: string): Promise<InzagePart> {
  const relations = await readRelationsOf(deps.db, [personId]);
  return {
    kind: 'relations',
    rows: relations.map((relation) => {
      const own = relation.personId === personId;
      return {
        on: relation.since,
        facts: {
          relation: own ? relation.label : relation.inverseLabel,
          with: own ? (relation.relatedPersonName ?? relation.organisationName) : relation.personName,
          since: relation.since,
          until: relation.until,
        },
      };
    }),
  };
}

/**
 * An inzage (AVG art. 15) for an administrator: the person's record, their relations, what every capability
 * plugged into the registry holds about them (contact notes, signals, call lists and calls, meeting responses
 * and attendance), and who read or changed it, from the audit trail. The export itself is audited (`action`,
 * `person.inzage` for the JSON and `person.inzage-pdf` for the PDF, the id only) before the trail is read, so
 * the answer includes it. A capability that cannot answer is named in `incomplete`, never silently left out.
 */
export async function personInzage(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  personId: string,
  action: 'person.inzage' | 'person.inzage-pdf' = 'person.inzage',
): Promise<Inzage> {
  const person = await readPersonDetail(deps.db, personId);
  if (!person) throw new DomainError('not-found', 'No person with this id exists.');
  const now = deps.now();
  await appendAuditEvent(deps.db, auditEvent(origin, action, { type: 'person', id: personId }), now);
  const relations = await relationsPart(deps, personId);
  const records: Inzage['records'] = relations.rows.length > 0 ? [{ holder: 'network', ...relations }] : [];
  const incomplete: string[] = [];
  for (const holder of deps.personDataHolders) {
    if (!holder.describe) continue;
    try {
      for (const part of await holder.describe(personId))
        if (part.rows.length > 0) records.push({ holder: holder.name, ...part });
    } catch {
      incomplete.push(holder.name);
    }
  }
  if (incomplete.length > 0) deps.logger.warn({ personId, incomplete }, 'inzage: some holders failed');
  const history = await readObjectAuditHistory(deps.db, { type: 'person', id: personId });
  const { municipalityId: _m, ...record } = person;
  return {
    generatedAt: now.toISOString(),
    personId,
    person: record,
    records,
    incomplete,
    accessLog: history.map((event) => ({
      occurredAt: event.occurredAt.toISOString(),
      actorName: event.actorName,
      action: event.action,
      result: event.result,
      channel: event.channel,
    })),
  };
}
