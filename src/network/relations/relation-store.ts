import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { joinableOrganisations, joinableRelationTypes } from '../../setup/index.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A stored relation with its type's labels and the names of both ends. */
export interface RelationRow {
  id: string;
  typeId: string;
  label: string;
  inverseLabel: string;
  personId: string;
  personName: string;
  relatedPersonId: string | null;
  relatedPersonName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  since: string | null;
  until: string | null;
}

function relationQuery(db: Executor) {
  return db
    .selectFrom('relations')
    .innerJoin(
      joinableRelationTypes(db).as('relation_types'),
      'relation_types.id',
      'relations.relation_type_id',
    )
    .innerJoin('people as from_person', 'from_person.id', 'relations.person_id')
    .leftJoin('people as to_person', 'to_person.id', 'relations.related_person_id')
    .leftJoin(joinableOrganisations(db).as('organisations'), 'organisations.id', 'relations.organisation_id')
    .select([
      'relations.id',
      'relation_types.id as typeId',
      'relation_types.label',
      'relation_types.inverse_label as inverseLabel',
      'relations.person_id as personId',
      'from_person.display_name as personName',
      'relations.related_person_id as relatedPersonId',
      'to_person.display_name as relatedPersonName',
      'relations.organisation_id as organisationId',
      'organisations.name as organisationName',
      'relations.since',
      'relations.until',
    ]);
}

/** Every relation that starts or ends at one of these people. */
export async function readRelationsOf(db: Executor, personIds: string[]): Promise<RelationRow[]> {
  if (personIds.length === 0) return [];
  return relationQuery(db)
    .where((eb) =>
      eb.or([eb('relations.person_id', 'in', personIds), eb('relations.related_person_id', 'in', personIds)]),
    )
    .orderBy('relations.created_at')
    .execute();
}

/** One relation, if it exists. */
export async function readRelation(db: Executor, relationId: string): Promise<RelationRow | undefined> {
  return relationQuery(db).where('relations.id', '=', relationId).executeTakeFirst();
}

/** The municipality's relation types offered for new relations (archived ones stay on existing relations only). */
export async function readRelationTypes(db: Executor, municipalityId: string) {
  return db
    .selectFrom(joinableRelationTypes(db).as('relation_types'))
    .select(['id', 'label', 'inverse_label as inverseLabel', 'target_kind as targetKind'])
    .where('municipality_id', '=', municipalityId)
    .where('archived', '=', false)
    .orderBy('label')
    .execute();
}

/** The municipality's organisations offered for new relations (archived ones stay on existing relations only). */
export async function readOrganisations(db: Executor, municipalityId: string) {
  return db
    .selectFrom(joinableOrganisations(db).as('organisations'))
    .select(['id', 'name', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .where('archived', '=', false)
    .orderBy('name')
    .execute();
}

/** Stores a relation; returns its id. */
export async function insertRelation(
  tx: Transaction<Database>,
  values: {
    typeId: string;
    personId: string;
    relatedPersonId: string | null;
    organisationId: string | null;
    since: string | null;
    until: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('relations')
    .values({
      relation_type_id: values.typeId,
      person_id: values.personId,
      related_person_id: values.relatedPersonId,
      organisation_id: values.organisationId,
      since: values.since,
      until: values.until,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a relation's period. */
export async function updateRelationPeriod(
  tx: Transaction<Database>,
  relationId: string,
  period: { since?: string | null | undefined; until?: string | null | undefined },
): Promise<void> {
  const set: { since?: string | null; until?: string | null } = {};
  if (period.since !== undefined) set.since = period.since;
  if (period.until !== undefined) set.until = period.until;
  if (Object.keys(set).length > 0)
    await tx.updateTable('relations').set(set).where('id', '=', relationId).execute();
}
