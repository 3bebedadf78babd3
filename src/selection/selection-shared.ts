import type { Kysely, Transaction } from 'kysely';
import type { AuditOrigin } from '../audit/audit-origin.js';
import { findUserById, readUserIdentities } from '../identity/index.js';
import { matchReason, type NetworkRecord, readMatchablePeople, readNetwork } from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { isOpenStatus, type Party } from './constants.js';
import type { CandidateMatch } from './schemas.js';
import { type CandidateRow, readCandidate, readCandidates, readMatchDecisions } from './selection-store.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export const NOT_FOUND = 'No such candidate in this network.';

export async function requireNetwork(db: Db | Tx, networkId: string, lock = false): Promise<NetworkRecord> {
  const network = await readNetwork(db, networkId, lock);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  return network;
}

export function requireWritable(network: NetworkRecord): void {
  if (network.status === 'archived')
    throw new DomainError('conflict', 'This network is archived.').because('network-archived');
}

/** The caller's party: their organisation (from their tenant); staff without one cannot take a party's part. */
export async function partyOf(db: Db, userId: string | null): Promise<Party | null> {
  if (!userId) return null;
  return (await findUserById(db, userId))?.organisation ?? null;
}

export async function requireParty(db: Db, origin: AuditOrigin): Promise<Party> {
  const party = await partyOf(db, origin.actorUserId);
  if (!party)
    throw new DomainError(
      'forbidden',
      'Only staff of the municipality or the police take part in selection; your organisation is unknown.',
    ).because('selection-no-party');
  return party;
}

export async function staffNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await readUserIdentities(db, unique);
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

export const staffRef = (names: Map<string, string>, id: string | null) =>
  id && names.has(id) ? { userId: id, displayName: names.get(id) ?? '' } : null;

/** The possible matches of one candidate, with any decision taken on them. */
export interface MatchContext {
  candidates: CandidateRow[];
  people: Awaited<ReturnType<typeof readMatchablePeople>>;
  decisions: Awaited<ReturnType<typeof readMatchDecisions>>;
}

export async function loadMatchContext(db: Db | Tx, network: NetworkRecord): Promise<MatchContext> {
  const candidates = await readCandidates(db, network.id);
  const people = await readMatchablePeople(db, network.municipality.id);
  const decisions = await readMatchDecisions(
    db,
    candidates.map((candidate) => candidate.id),
  );
  return { candidates, people, decisions };
}

/**
 * A candidate's possible matches: other open proposals in the network, and people the municipality already
 * stored (name + wijk, mobile or e-mail). A decision either way is shown; "different" ones stay listed as decided.
 */
export function matchesOf(candidate: CandidateRow, context: MatchContext): CandidateMatch[] {
  if (!isOpenStatus(candidate.status) || candidate.mergedIntoId) return [];
  const decided = (kind: 'candidate' | 'person', id: string) =>
    context.decisions.find(
      (d) =>
        (d.candidateId === candidate.id && d.otherKind === kind && d.otherId === id) ||
        (kind === 'candidate' &&
          d.candidateId === id &&
          d.otherKind === 'candidate' &&
          d.otherId === candidate.id),
    )?.decision ?? null;
  const matches: CandidateMatch[] = [];
  for (const other of context.candidates) {
    if (other.id === candidate.id || other.mergedIntoId || !isOpenStatus(other.status)) continue;
    const reason = matchReason(candidate, other);
    if (reason)
      matches.push({
        kind: 'candidate',
        id: other.id,
        displayName: other.displayName,
        personKind: null,
        status: other.status,
        reason,
        decision: decided('candidate', other.id),
      });
  }
  for (const person of context.people) {
    const linked = candidate.personId === person.id;
    const reason = matchReason(candidate, person) ?? (linked ? 'name_wijk' : null);
    if (reason)
      matches.push({
        kind: 'person',
        id: person.id,
        displayName: person.displayName,
        personKind: person.kind,
        status: null,
        reason,
        decision: linked
          ? 'same'
          : decided('person', person.id) === 'same'
            ? null
            : decided('person', person.id),
      });
  }
  return matches;
}

export async function lockOpenCandidate(
  tx: Tx,
  networkId: string,
  candidateId: string,
): Promise<CandidateRow> {
  const candidate = await readCandidate(tx, networkId, candidateId, true);
  if (!candidate || candidate.mergedIntoId) throw new DomainError('not-found', NOT_FOUND);
  if (!isOpenStatus(candidate.status))
    throw new DomainError('conflict', 'The decision on this candidate has been taken.').because(
      'selection-closed',
    );
  return candidate;
}
