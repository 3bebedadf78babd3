import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Database } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError } from '../../platform/errors.js';
import type { SetupUsageTables } from '../deps.js';
import { readMunicipality } from '../municipality-store.js';
import {
  deleteOrganisationRow,
  deleteRelationTypeRow,
  insertOrganisation,
  insertRelationType,
  lockCatalogueRow,
  organisationUsage,
  readOrganisationList,
  readRelationTypeList,
  relationTypeUsage,
  updateOrganisationRow,
  updateRelationTypeRow,
} from './catalogue-store.js';

/** Who asks, and when, for the audit trail. */
export interface CatalogueContext {
  db: Kysely<Database>;
  /** Network's relations and people's organisations, counted for each entry's usage (see SetupUsageTables). */
  tables: SetupUsageTables;
  origin: AuditOrigin;
  now: Date;
}

const organisationTaken = () =>
  new DomainError('conflict', 'An organisation with this name exists already.').because(
    'organisation-name-taken',
  );
const relationTypeTaken = () =>
  new DomainError('conflict', 'A relation type with this label and target kind exists already.').because(
    'relation-type-taken',
  );
const noOrganisation = () => new DomainError('not-found', 'No such organisation in this municipality.');
const noRelationType = () => new DomainError('not-found', 'No such relation type in this municipality.');

async function requireMunicipality(db: Kysely<Database>, municipalityId: string) {
  if (!(await readMunicipality(db, municipalityId)))
    throw new DomainError('not-found', 'No municipality with this id exists.');
}

/** Drops undefined fields, so a PATCH sets only what it names. */
function defined<T extends object>(change: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as never;
}

/** One transaction with its audit event; a unique-key race with another administrator becomes `taken`. */
async function change<T>(
  context: CatalogueContext,
  work: (
    tx: Transaction<Database>,
  ) => Promise<{ result: T; action: string; object: { type: string; id: string } }>,
  taken: () => DomainError,
): Promise<T> {
  try {
    return await transaction(context.db, async (tx) => {
      const { result, action, object } = await work(tx);
      await appendAuditEvent(tx, auditEvent(context.origin, action, object), context.now);
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

function archiveAction(prefix: string, change: { archived?: boolean | undefined }, others: unknown[]) {
  if (change.archived !== undefined && others.every((v) => v === undefined))
    return `${prefix}.${change.archived ? 'archive' : 'restore'}`;
  return `${prefix}.update`;
}

// ---- Organisations ----

async function organisationList(db: Kysely<Database>, tables: SetupUsageTables, municipalityId: string) {
  return (await readOrganisationList(db, tables, municipalityId)).map(({ relations, people, ...o }) => ({
    ...o,
    usage: { relations: relations ?? 0, people: people ?? 0 },
  }));
}

/** The municipality's organisations, archived ones included, with their usage (administrators). */
export async function listOrganisations(
  db: Kysely<Database>,
  tables: SetupUsageTables,
  municipalityId: string,
) {
  await requireMunicipality(db, municipalityId);
  return organisationList(db, tables, municipalityId);
}

/** Adds an organisation to the managed list (administrators; audited). */
export async function addOrganisation(
  context: CatalogueContext,
  municipalityId: string,
  input: { name: string; kind: string },
) {
  await requireMunicipality(context.db, municipalityId);
  const id = await change(
    context,
    async (tx) => {
      const row = await insertOrganisation(tx, municipalityId, input);
      if (!row) throw organisationTaken();
      return { result: row.id, action: 'organisation.create', object: { type: 'organisation', id: row.id } };
    },
    organisationTaken,
  );
  return (await organisationList(context.db, context.tables, municipalityId)).find((o) => o.id === id);
}

/** Renames an organisation, changes its kind, archives or restores it (administrators; audited). Returns the list. */
export async function updateOrganisation(
  context: CatalogueContext,
  ids: { municipalityId: string; organisationId: string },
  input: { name?: string | undefined; kind?: string | undefined; archived?: boolean | undefined },
) {
  await change(
    context,
    async (tx) => {
      if (!(await updateOrganisationRow(tx, ids.municipalityId, ids.organisationId, defined(input))))
        throw noOrganisation();
      const action = archiveAction('organisation', input, [input.name, input.kind]);
      return { result: undefined, action, object: { type: 'organisation', id: ids.organisationId } };
    },
    organisationTaken,
  );
  return organisationList(context.db, context.tables, ids.municipalityId);
}

/** Deletes an unused organisation; one in use gets 409 naming what uses it, nothing changed (administrators; audited). */
export async function deleteOrganisation(
  context: CatalogueContext,
  ids: { municipalityId: string; organisationId: string },
) {
  await change(
    context,
    async (tx) => {
      if (!(await lockCatalogueRow(tx, 'organisations', ids.municipalityId, ids.organisationId)))
        throw noOrganisation();
      const usage = await organisationUsage(tx, context.tables, ids.organisationId);
      if (usage.relations > 0 || usage.people > 0)
        throw new DomainError(
          'conflict',
          `This organisation is in use by ${usage.relations} relation(s) and ${usage.people} person(s); archive it instead.`,
        );
      await deleteOrganisationRow(tx, ids.municipalityId, ids.organisationId);
      return {
        result: undefined,
        action: 'organisation.delete',
        object: { type: 'organisation', id: ids.organisationId },
      };
    },
    organisationTaken,
  );
}

// ---- Relation types ----

async function relationTypeList(db: Kysely<Database>, tables: SetupUsageTables, municipalityId: string) {
  return (await readRelationTypeList(db, tables, municipalityId)).map(({ relations, ...t }) => ({
    ...t,
    usage: { relations: relations ?? 0 },
  }));
}

/** The municipality's relation types, archived ones included, with their usage (administrators). */
export async function listRelationTypes(
  db: Kysely<Database>,
  tables: SetupUsageTables,
  municipalityId: string,
) {
  await requireMunicipality(db, municipalityId);
  return relationTypeList(db, tables, municipalityId);
}

/** Adds a relation type, labelled both ways (administrators; audited). */
export async function addRelationType(
  context: CatalogueContext,
  municipalityId: string,
  input: { label: string; inverseLabel: string; targetKind: 'person' | 'organisation' },
) {
  await requireMunicipality(context.db, municipalityId);
  const id = await change(
    context,
    async (tx) => {
      const row = await insertRelationType(tx, municipalityId, input);
      if (!row) throw relationTypeTaken();
      return {
        result: row.id,
        action: 'relation-type.create',
        object: { type: 'relation-type', id: row.id },
      };
    },
    relationTypeTaken,
  );
  return (await relationTypeList(context.db, context.tables, municipalityId)).find((t) => t.id === id);
}

/** Relabels a relation type, archives or restores it (administrators; audited). Returns the list. */
export async function updateRelationType(
  context: CatalogueContext,
  ids: { municipalityId: string; relationTypeId: string },
  input: { label?: string | undefined; inverseLabel?: string | undefined; archived?: boolean | undefined },
) {
  await change(
    context,
    async (tx) => {
      if (!(await updateRelationTypeRow(tx, ids.municipalityId, ids.relationTypeId, defined(input))))
        throw noRelationType();
      const action = archiveAction('relation-type', input, [input.label, input.inverseLabel]);
      return { result: undefined, action, object: { type: 'relation-type', id: ids.relationTypeId } };
    },
    relationTypeTaken,
  );
  return relationTypeList(context.db, context.tables, ids.municipalityId);
}

/** Deletes an unused relation type; one in use gets 409 naming what uses it, nothing changed (administrators; audited). */
export async function deleteRelationType(
  context: CatalogueContext,
  ids: { municipalityId: string; relationTypeId: string },
) {
  await change(
    context,
    async (tx) => {
      if (!(await lockCatalogueRow(tx, 'relation_types', ids.municipalityId, ids.relationTypeId)))
        throw noRelationType();
      const relations = await relationTypeUsage(tx, context.tables, ids.relationTypeId);
      if (relations > 0)
        throw new DomainError(
          'conflict',
          `This relation type is in use by ${relations} relation(s); archive it instead.`,
        );
      await deleteRelationTypeRow(tx, ids.municipalityId, ids.relationTypeId);
      return {
        result: undefined,
        action: 'relation-type.delete',
        object: { type: 'relation-type', id: ids.relationTypeId },
      };
    },
    relationTypeTaken,
  );
}
