import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent, readObjectHistoryWithJournal } from '../../audit/index.js';
import type { AccessProfile } from '../../identity/access.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError } from '../../platform/errors.js';
import { readNetwork } from '../page/network-store.js';
import { readMemberships, readPeopleByIds, readPeopleOfNetwork } from '../people/people-store.js';
import type { PersonSearchHit, Representativeness } from './insight-schemas.js';
import { readTargetProfile, replaceTargetDimension, searchPersonIds } from './insight-store.js';
import { compareToTarget } from './representativeness.js';

async function requireNetwork(db: Kysely<Database>, networkId: string) {
  const network = await readNetwork(db, networkId);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  return network;
}

/** The allies' mix next to the network's target profile. */
export async function getRepresentativeness(
  db: Kysely<Database>,
  networkId: string,
): Promise<Representativeness> {
  await requireNetwork(db, networkId);
  const [people, targets] = await Promise.all([
    readPeopleOfNetwork(db, networkId),
    readTargetProfile(db, networkId),
  ]);
  const allies = people
    .filter((p) => p.kind === 'ally')
    .map((p) => ({ ageBand: p.ageBand, gender: p.gender, communities: p.communities.map((c) => c.id) }));
  return compareToTarget(allies, targets);
}

/** Sets one dimension of the target profile (coordinators; audited). */
export async function setTargetProfile(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: {
    networkId: string;
    dimension: 'age_band' | 'gender' | 'community';
    targets: { value: string; share: number }[];
  },
  now: Date,
): Promise<Representativeness> {
  await requireNetwork(db, input.networkId);
  await transaction(db, async (tx) => {
    await replaceTargetDimension(tx, input.networkId, input.dimension, input.targets);
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'network.target-profile', { type: 'network', id: input.networkId }),
      now,
    );
  });
  return getRepresentativeness(db, input.networkId);
}

/**
 * Searches people in the caller's own networks only: nobody outside them is found or counted,
 * administrators included (they manage roles, not people). The search text is not audited.
 */
export async function searchPeople(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  filters: {
    q?: string | undefined;
    communityId?: string | undefined;
    neighbourhoodId?: string | undefined;
    kind?: PersonSearchHit['kind'] | undefined;
  },
  now: Date,
): Promise<PersonSearchHit[]> {
  const networkIds = [...access.networkRoles.keys()];
  const ids = await searchPersonIds(db, {
    networkIds,
    text: filters.q,
    communityId: filters.communityId,
    neighbourhoodId: filters.neighbourhoodId,
    kind: filters.kind,
    limit: 100,
  });
  await appendAuditEvent(db, auditEvent(origin, 'person.search', null), now);
  const [people, memberships] = await Promise.all([
    readPeopleByIds(db, ids),
    readMemberships(db, ids, networkIds),
  ]);
  return people.map(({ ageBand: _a, gender: _g, ...person }) => ({
    ...person,
    networks: memberships.get(person.id) ?? [],
  }));
}

/** Who changed or read what about a person, newest first, from the audit trail. */
export async function getPersonHistory(db: Kysely<Database>, personId: string) {
  const rows = await readObjectHistoryWithJournal(db, { type: 'person', id: personId }, 200);
  return rows.map((row) => ({
    occurredAt: new Date(row.occurredAt).toISOString(),
    action: row.action,
    channel: row.channel,
    actor: row.actorId && row.actorName ? { id: row.actorId, displayName: row.actorName } : null,
  }));
}
