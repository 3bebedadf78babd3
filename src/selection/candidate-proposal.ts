import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { checkReferences, normaliseMobile } from '../network/index.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { CandidateDetail, DecideMatch, ProposeCandidate } from './schemas.js';
import { afterChange } from './selection-read.js';
import {
  type Db,
  loadMatchContext,
  lockOpenCandidate,
  matchesOf,
  requireNetwork,
  requireParty,
  requireWritable,
} from './selection-shared.js';
import {
  deleteMatchDecision,
  insertCandidate,
  moveMergedDetails,
  readCandidate,
  updateCandidate,
  upsertMatchDecision,
} from './selection-store.js';

/** The audit action of each manual decision; literals, so the audit-label check finds them. */
const MATCH_ACTIONS = { same: 'selection.match-same', different: 'selection.match-different' } as const;

/** Proposes a key figure for a network; the party is the caller's organisation (audited). */
export async function proposeCandidate(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  input: ProposeCandidate,
  now: Date,
): Promise<CandidateDetail> {
  const party = await requireParty(db, origin);
  const mobile = normaliseMobile(input.mobile) ?? null;
  const candidateId = await transaction(db, async (tx) => {
    const network = await requireNetwork(tx, networkId);
    requireWritable(network);
    await checkReferences(tx, network.municipality.id, input);
    const id = await insertCandidate(
      tx,
      {
        networkId,
        displayName: input.displayName,
        neighbourhoodId: input.neighbourhoodId,
        mobile,
        email: input.email ?? null,
        party,
        proposedByUserId: origin.actorUserId,
        motivation: input.motivation,
        communityIds: input.communityIds,
      },
      now,
    );
    await appendAuditEvent(tx, auditEvent(origin, 'selection.propose', { type: 'candidate', id }), now);
    return id;
  });
  return afterChange(db, origin, networkId, candidateId, now);
}

const unknownMatch = (): DomainError =>
  new DomainError('validation-failed', 'One or more fields are not valid.', [
    {
      field: 'body.id',
      code: 'unknown_reference',
      kind: 'match',
      message: 'is not a possible match of this candidate',
    },
  ]);

/**
 * The manual decision on a possible match. "Same" with another proposal merges this proposal into it (both
 * proposers stay listed); "same" with a stored person links the candidate to them, so admission updates that
 * person instead of adding a duplicate. "Different" keeps both (audited).
 */
export async function decideMatch(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  input: DecideMatch,
  now: Date,
): Promise<CandidateDetail> {
  const resultId = await transaction(db, async (tx) => {
    const network = await requireNetwork(tx, networkId);
    requireWritable(network);
    const candidate = await lockOpenCandidate(tx, networkId, candidateId);
    const context = await loadMatchContext(tx, network);
    const match = matchesOf(candidate, context).find((m) => m.kind === input.kind && m.id === input.id);
    if (!match) throw unknownMatch();
    await upsertMatchDecision(
      tx,
      {
        candidateId,
        otherKind: input.kind,
        otherId: input.id,
        decision: input.decision,
        userId: origin.actorUserId ?? '',
      },
      now,
    );
    let shown = candidateId;
    if (input.kind === 'candidate' && input.decision === 'same') {
      await moveMergedDetails(tx, candidateId, input.id);
      await updateCandidate(tx, candidateId, { merged_into_id: input.id }, now);
      await updateCandidate(tx, input.id, {}, now);
      shown = input.id;
    } else if (input.kind === 'person') {
      const personId =
        input.decision === 'same' ? input.id : candidate.personId === input.id ? null : candidate.personId;
      await updateCandidate(tx, candidateId, { person_id: personId }, now);
    }
    await appendAuditEvent(
      tx,
      auditEvent(origin, MATCH_ACTIONS[input.decision], { type: 'candidate', id: candidateId }),
      now,
    );
    return shown;
  });
  return afterChange(db, origin, networkId, resultId, now);
}

/**
 * Undoes a "zelfde persoon" merge (staff of either party, before admission; audited): the proposal merged into
 * this candidate stands on its own again and the possible match is open once more. The candidate must still be
 * open (not admitted, not refused). Communities copied in by the merge stay on this candidate (they are a
 * proposal's claims, not facts the undo can tell apart).
 */
export async function undoMerge(
  db: Db,
  origin: AuditOrigin,
  networkId: string,
  candidateId: string,
  mergedId: string,
  now: Date,
): Promise<CandidateDetail> {
  await transaction(db, async (tx) => {
    const network = await requireNetwork(tx, networkId);
    requireWritable(network);
    await lockOpenCandidate(tx, networkId, candidateId);
    const merged = await readCandidate(tx, networkId, mergedId, true);
    if (!merged || merged.mergedIntoId !== candidateId)
      throw new DomainError('validation-failed', 'One or more fields are not valid.', [
        {
          field: 'params.mergedId',
          code: 'unknown_reference',
          kind: 'merge',
          message: 'is not a proposal merged into this candidate',
        },
      ]);
    await updateCandidate(tx, mergedId, { merged_into_id: null }, now);
    await updateCandidate(tx, candidateId, {}, now);
    await deleteMatchDecision(tx, { candidateId: mergedId, otherKind: 'candidate', otherId: candidateId });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'selection.merge-undo', { type: 'candidate', id: mergedId }),
      now,
    );
  });
  return afterChange(db, origin, networkId, candidateId, now);
}
