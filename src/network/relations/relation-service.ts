import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { AccessProfile } from '../../identity/access.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import { readNetwork } from '../page/network-store.js';
import { readPeopleOfNetwork } from '../people/people-store.js';
import { readPersonIdsInNetworks, readPersonMunicipality } from '../people/person-lookup-store.js';
import type { NetworkGraph, Relation } from './relation-schemas.js';
import {
  insertRelation,
  readOrganisations,
  readRelation,
  readRelationsOf,
  readRelationTypes,
  updateRelationPeriod,
} from './relation-store.js';
import { buildNetworkGraph, relationsFrom } from './relation-view.js';

const today = (now: Date) => now.toISOString().slice(0, 10);
const invalid = (field: string, reason: Omit<FieldError, 'field' | 'message'>, message: string) =>
  new DomainError('validation-failed', 'One or more fields are not valid.', [{ field, ...reason, message }]);

async function visiblePeople(db: Kysely<Database>, access: AccessProfile): Promise<Set<string>> {
  const networkIds = [...access.networkRoles.keys()];
  if (networkIds.length === 0) return new Set();
  return new Set(await readPersonIdsInNetworks(db, networkIds));
}

async function municipalityOfPerson(db: Kysely<Database>, personId: string): Promise<string> {
  const municipalityId = await readPersonMunicipality(db, personId);
  if (!municipalityId) throw new DomainError('not-found', 'No such record in your networks.');
  return municipalityId;
}

/** A person's relations as the caller may see them. */
export async function listRelations(
  db: Kysely<Database>,
  access: AccessProfile,
  personId: string,
  now: Date,
): Promise<Relation[]> {
  const [rows, visible] = await Promise.all([readRelationsOf(db, [personId]), visiblePeople(db, access)]);
  return relationsFrom(personId, rows, visible, today(now));
}

/** Adds a relation to another person in the caller's networks or to an organisation (coordinators; audited). */
export async function addRelation(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: {
    personId: string;
    relationTypeId: string;
    relatedPersonId?: string | undefined;
    organisationId?: string | undefined;
    since: string | null;
    until: string | null;
  },
  now: Date,
): Promise<Relation[]> {
  const municipalityId = await municipalityOfPerson(db, input.personId);
  const type = (await readRelationTypes(db, municipalityId)).find((t) => t.id === input.relationTypeId);
  if (!type)
    throw invalid(
      'body.relationTypeId',
      { code: 'unknown_reference', kind: 'relation-type' },
      'is not a relation type of this municipality',
    );
  if (input.relatedPersonId) {
    if (type.targetKind !== 'person')
      throw invalid(
        'body.relatedPersonId',
        { code: 'wrong_reference', kind: 'organisation' },
        'this relation type links to an organisation',
      );
    if (input.relatedPersonId === input.personId)
      throw invalid(
        'body.relatedPersonId',
        { code: 'self_reference' },
        'a person cannot relate to themselves',
      );
    // Only people the caller may see can be linked, so a relation never reveals anyone new.
    if (!(await visiblePeople(db, access)).has(input.relatedPersonId))
      throw invalid(
        'body.relatedPersonId',
        { code: 'unknown_reference', kind: 'person' },
        'is not a person in your networks',
      );
  } else {
    if (type.targetKind !== 'organisation')
      throw invalid(
        'body.organisationId',
        { code: 'wrong_reference', kind: 'person' },
        'this relation type links to a person',
      );
    const organisations = await readOrganisations(db, municipalityId);
    if (!organisations.some((o) => o.id === input.organisationId))
      throw invalid(
        'body.organisationId',
        { code: 'unknown_reference', kind: 'organisation' },
        'is not an organisation of this municipality',
      );
  }
  await transaction(db, async (tx) => {
    await insertRelation(tx, {
      typeId: type.id,
      personId: input.personId,
      relatedPersonId: input.relatedPersonId ?? null,
      organisationId: input.organisationId ?? null,
      since: input.since,
      until: input.until,
    });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'relation.create', { type: 'person', id: input.personId }),
      now,
    );
  });
  return listRelations(db, access, input.personId, now);
}

/** Changes a relation's period, e.g. ends it; the relation stays visible, greyed (coordinators; audited). */
export async function changeRelation(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: {
    personId: string;
    relationId: string;
    since?: string | null | undefined;
    until?: string | null | undefined;
  },
  now: Date,
): Promise<Relation[]> {
  const relation = await readRelation(db, input.relationId);
  if (!relation || (relation.personId !== input.personId && relation.relatedPersonId !== input.personId)) {
    throw new DomainError('not-found', 'This person has no such relation.');
  }
  const since = input.since !== undefined ? input.since : relation.since;
  const until = input.until !== undefined ? input.until : relation.until;
  if (since && until && until < since)
    throw invalid('body.until', { code: 'before_start' }, 'must not be before since');
  await transaction(db, async (tx) => {
    await updateRelationPeriod(tx, input.relationId, input);
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'relation.update', { type: 'person', id: input.personId }),
      now,
    );
  });
  return listRelations(db, access, input.personId, now);
}

/** The network's people, communities, organisations and relations as a graph (audited as a network read). */
export async function getNetworkGraph(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  now: Date,
): Promise<NetworkGraph> {
  if (!(await readNetwork(db, networkId)))
    throw new DomainError('not-found', 'No network with this id exists.');
  const people = await readPeopleOfNetwork(db, networkId);
  const rows = await readRelationsOf(
    db,
    people.map((p) => p.id),
  );
  await appendAuditEvent(db, auditEvent(origin, 'network.graph', { type: 'network', id: networkId }), now);
  return buildNetworkGraph(people, rows, today(now));
}

/** Relation types and organisations a network's relation form offers. */
export async function getRelationChoices(db: Kysely<Database>, networkId: string) {
  const network = await readNetwork(db, networkId);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  const [relationTypes, organisations] = await Promise.all([
    readRelationTypes(db, network.municipality.id),
    readOrganisations(db, network.municipality.id),
  ]);
  return { relationTypes, organisations };
}
