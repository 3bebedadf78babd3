import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SetupUsageTables } from '../deps.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The municipality's organisations, archived ones included, with how many relations and people use each
 * (network's tables, as its sub-queries: `tables`).
 */
export async function readOrganisationList(db: Executor, tables: SetupUsageTables, municipalityId: string) {
  return db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.kind',
      'o.archived',
      eb
        .selectFrom(tables.relations(db).as('relations'))
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('relations.organisation_id', '=', 'o.id')
        .as('relations'),
      eb
        .selectFrom(tables.personOrganisations(db).as('person_organisations'))
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('person_organisations.organisation_id', '=', 'o.id')
        .as('people'),
    ])
    .where('o.municipality_id', '=', municipalityId)
    .orderBy('o.name')
    .execute();
}

/** Inserts an organisation; undefined when the name is taken. */
export async function insertOrganisation(
  tx: Transaction<Database>,
  municipalityId: string,
  values: { name: string; kind: string },
) {
  return tx
    .insertInto('organisations')
    .values({ municipality_id: municipalityId, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Changes an organisation; false when it is not the municipality's. */
export async function updateOrganisationRow(
  tx: Transaction<Database>,
  municipalityId: string,
  organisationId: string,
  change: { name?: string; kind?: string; archived?: boolean },
) {
  const result = await tx
    .updateTable('organisations')
    .set(change)
    .where('id', '=', organisationId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes an organisation; false when it is not the municipality's. */
export async function deleteOrganisationRow(
  tx: Transaction<Database>,
  municipalityId: string,
  organisationId: string,
) {
  const result = await tx
    .deleteFrom('organisations')
    .where('id', '=', organisationId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The municipality's relation types, archived ones included, with how many relations (network's) use each. */
export async function readRelationTypeList(db: Executor, tables: SetupUsageTables, municipalityId: string) {
  return db
    .selectFrom('relation_types as t')
    .select((eb) => [
      't.id',
      't.label',
      't.inverse_label as inverseLabel',
      't.target_kind as targetKind',
      't.archived',
      eb
        .selectFrom(tables.relations(db).as('relations'))
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('relations.relation_type_id', '=', 't.id')
        .as('relations'),
    ])
    .where('t.municipality_id', '=', municipalityId)
    .orderBy('t.target_kind')
    .orderBy('t.label')
    .execute();
}

/** Inserts a relation type; undefined when the label is taken for this target kind. */
export async function insertRelationType(
  tx: Transaction<Database>,
  municipalityId: string,
  values: { label: string; inverseLabel: string; targetKind: 'person' | 'organisation' },
) {
  return tx
    .insertInto('relation_types')
    .values({
      municipality_id: municipalityId,
      label: values.label,
      inverse_label: values.inverseLabel,
      target_kind: values.targetKind,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'label', 'target_kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Changes a relation type's labels or archived flag; false when it is not the municipality's. */
export async function updateRelationTypeRow(
  tx: Transaction<Database>,
  municipalityId: string,
  relationTypeId: string,
  change: { label?: string; inverseLabel?: string; archived?: boolean },
) {
  const { inverseLabel, ...rest } = change;
  const result = await tx
    .updateTable('relation_types')
    .set({ ...rest, ...(inverseLabel === undefined ? {} : { inverse_label: inverseLabel }) })
    .where('id', '=', relationTypeId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a relation type; false when it is not the municipality's. */
export async function deleteRelationTypeRow(
  tx: Transaction<Database>,
  municipalityId: string,
  relationTypeId: string,
) {
  const result = await tx
    .deleteFrom('relation_types')
    .where('id', '=', relationTypeId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Locks an organisation or relation type row for the rest of the transaction: a relation being
 * added concurrently takes a key-share lock on it, so usage counted after this cannot change
 * before the delete. Returns false when the row is not the municipality's.
 */
export async function lockCatalogueRow(
  tx: Transaction<Database>,
  table: 'organisations' | 'relation_types',
  municipalityId: string,
  id: string,
) {
  const row = await tx
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** How many relations and people use an organisation (inside the locking transaction). */
export async function organisationUsage(
  tx: Transaction<Database>,
  tables: SetupUsageTables,
  organisationId: string,
) {
  const [relations, people] = await Promise.all([
    tx
      .selectFrom(tables.relations(tx).as('relations'))
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow(),
    tx
      .selectFrom(tables.personOrganisations(tx).as('person_organisations'))
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow(),
  ]);
  return { relations: relations.n, people: people.n };
}

/** How many relations use a relation type (inside the locking transaction). */
export async function relationTypeUsage(
  tx: Transaction<Database>,
  tables: SetupUsageTables,
  relationTypeId: string,
) {
  const row = await tx
    .selectFrom(tables.relations(tx).as('relations'))
    .select(sql<number>`count(*)::int`.as('n'))
    .where('relation_type_id', '=', relationTypeId)
    .executeTakeFirstOrThrow();
  return row.n;
}
