import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError } from '../../platform/errors.js';
import { FORMER_KIND } from '../constants.js';
import type { EvaluationNetworkOf, MembershipEndedListener } from '../deps.js';
import { readPersonNetworkIds } from '../people/person-lookup-store.js';
import type { Farewell, FarewellResult, RecordFarewell } from './farewell-schemas.js';
import { insertFarewell, lockPersonForFarewell, readLatestFarewells } from './farewell-store.js';

/** What recording a farewell needs besides its input. */
export interface FarewellDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Told after the farewell is committed (meetings update future invitations); absent, nothing else changes. */
  membershipEnded?: MembershipEndedListener | undefined;
  evaluationNetworkOf?: EvaluationNetworkOf | undefined;
}

const notFound = () => new DomainError('not-found', 'No such record in your networks.');

/**
 * Ends someone's membership (coordinators; audited): records the end date, reason and thanks, and makes an ally
 * a former ally (a key figure a former key figure) in one transaction, so they leave the call list, the crisis
 * sheet and the coverage at once. Then the meetings' calendar port updates every planned future meeting's
 * invitation; a calendar that refuses does not undo the farewell, it is counted in `invitations.failed`.
 */
export async function recordFarewell(
  deps: FarewellDeps,
  origin: AuditOrigin,
  personId: string,
  input: RecordFarewell,
): Promise<FarewellResult> {
  const now = deps.now();
  const farewell = await transaction(deps.db, async (tx) => {
    const person = await lockPersonForFarewell(tx, personId);
    if (!person) throw notFound();
    if (person.version !== input.version)
      throw new DomainError(
        'conflict',
        'Someone else changed this person since you opened it; reload and try again.',
      ).because('changed-meanwhile');
    if (person.kind !== 'ally' && person.kind !== 'key_figure')
      throw new DomainError('rule-violated', 'This membership has already ended.').because(
        'membership-ended',
      );
    if (input.evaluationId) {
      const evaluationNetwork = deps.evaluationNetworkOf
        ? await deps.evaluationNetworkOf(tx, input.evaluationId)
        : null;
      const personNetworks = await readPersonNetworkIds(tx, personId);
      if (!evaluationNetwork || !personNetworks.includes(evaluationNetwork))
        throw new DomainError(
          'rule-violated',
          'The evaluation named does not exist or is not one of this person’s network.',
          [
            {
              field: 'body.evaluationId',
              code: 'unknown_reference',
              kind: 'evaluation',
              message: 'no evaluation of this person’s network with this id',
            },
          ],
        ).because('evaluation-not-of-network');
    }
    const { version: _v, ...details } = input;
    const stored = await insertFarewell(
      tx,
      {
        personId,
        kindBefore: person.kind,
        kindAfter: FORMER_KIND[person.kind],
        recordedBy: origin.actorUserId,
        farewell: details,
      },
      now,
    );
    await appendAuditEvent(tx, auditEvent(origin, 'person.farewell', { type: 'person', id: personId }), now);
    return stored;
  });
  const networkIds = await readPersonNetworkIds(deps.db, personId);
  const invitations = deps.membershipEnded
    ? await deps.membershipEnded({ personId, networkIds })
    : { updated: 0, failed: 0 };
  return { farewell, invitations };
}

/** A person's latest farewell, or null while their membership runs (staff of their networks; audited). */
export async function getFarewell(
  db: Kysely<Database>,
  origin: AuditOrigin,
  personId: string,
  now: Date,
): Promise<Farewell | null> {
  const farewell = (await readLatestFarewells(db, [personId])).get(personId) ?? null;
  await appendAuditEvent(
    db,
    auditEvent(origin, 'person.farewell-read', { type: 'person', id: personId }),
    now,
  );
  return farewell;
}
