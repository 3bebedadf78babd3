import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { CommunityKind, ObservanceTradition } from '../../meetings/constants.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Database, NetworkStatus } from '../../platform/db/schema.js';
import { transaction } from '../../platform/db/transaction.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import { insertCommunity, updateAllyLimits, updateCommunityRow } from '../../setup/index.js';
import {
  communityNameTaken,
  insertNetwork,
  municipalityExists,
  networkNameTaken,
  readAllyLimits,
  readAreaMunicipality,
  readManagedCommunities,
  readManagedNetworks,
  readNetworkPlacement,
  updateNetworkRow,
} from './management-store.js';

const invalid = (field: string, reason: Omit<FieldError, 'field' | 'message'>, message: string) =>
  new DomainError('validation-failed', 'One or more fields are not valid.', [{ field, ...reason, message }]);

/** Creates a network for an area; the area decides the municipality, so no network crosses a border (audited). */
export async function createNetwork(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: { name: string; areaId: string; status: 'starting' | 'active' | 'paused'; foundedOn: string | null },
  now: Date,
) {
  const municipalityId = await readAreaMunicipality(db, input.areaId);
  if (!municipalityId)
    throw invalid(
      'body.areaId',
      { code: 'unknown_reference', kind: 'area' },
      'is not an active district or neighbourhood',
    );
  if (await networkNameTaken(db, municipalityId, input.name))
    throw new DomainError('conflict', 'A network with this name exists already.').because(
      'network-name-taken',
    );
  return transaction(db, async (tx) => {
    const network = await insertNetwork(tx, { ...input, municipalityId });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'network.create', { type: 'network', id: network.id }),
      now,
    );
    return network;
  });
}

/** Renames a network, or changes its status or founding date (audited). */
export async function updateNetwork(
  db: Kysely<Database>,
  origin: AuditOrigin,
  networkId: string,
  change: {
    name?: string | undefined;
    status?: NetworkStatus | undefined;
    foundedOn?: string | null | undefined;
  },
  now: Date,
) {
  const current = await readNetworkPlacement(db, networkId);
  if (!current) throw new DomainError('not-found', 'No network with this id exists.');
  // Bringing a network back is only possible while its area is still offered for new networks.
  const restoring =
    current.status === 'archived' && change.status !== undefined && change.status !== 'archived';
  if (restoring && !(await readAreaMunicipality(db, current.area_id)))
    throw new DomainError('conflict', 'The network cannot be restored: its area is archived.').because(
      'network-area-archived',
    );
  if (change.name && (await networkNameTaken(db, current.municipality_id, change.name, networkId))) {
    throw new DomainError('conflict', 'A network with this name exists already.').because(
      'network-name-taken',
    );
  }
  const action =
    change.status === 'archived' && current.status !== 'archived'
      ? 'network.archive'
      : restoring
        ? 'network.restore'
        : 'network.update';
  return transaction(db, async (tx) => {
    const network = await updateNetworkRow(tx, networkId, change);
    await appendAuditEvent(tx, auditEvent(origin, action, { type: 'network', id: networkId }), now);
    return network;
  });
}

/** The municipality's networks for the administrators' page, archived ones included. */
export async function listManagedNetworks(db: Kysely<Database>, municipalityId: string) {
  await requireMunicipality(db, municipalityId);
  return readManagedNetworks(db, municipalityId);
}

/** The municipality's ally limits (administrators). */
export async function getAllyLimits(db: Kysely<Database>, municipalityId: string) {
  const limits = await readAllyLimits(db, municipalityId);
  if (!limits) throw new DomainError('not-found', 'No municipality with this id exists.');
  return limits;
}

type CommunityRow = Awaited<ReturnType<typeof readManagedCommunities>>[number];

/** Presents a community with its warnings: a faith community without a tradition derives no observances. */
function presentCommunity(row: CommunityRow) {
  const warnings: 'no-tradition'[] =
    row.category === 'religion' && row.traditions.length === 0 && !row.archived ? ['no-tradition'] : [];
  return { ...row, traditions: row.traditions as ObservanceTradition[], warnings };
}

/** The municipality's managed list of communities and groups, archived ones included. */
export async function listManagedCommunities(db: Kysely<Database>, municipalityId: string) {
  await requireMunicipality(db, municipalityId);
  return (await readManagedCommunities(db, municipalityId)).map(presentCommunity);
}

async function requireMunicipality(db: Kysely<Database>, municipalityId: string) {
  if (!(await municipalityExists(db, municipalityId)))
    throw new DomainError('not-found', 'No municipality with this id exists.');
}

const nameTaken = () =>
  new DomainError('conflict', 'A community with this name is on the list already.').because(
    'community-name-taken',
  );

/** Extends the managed list with a community, its kind and its observance traditions (administrators; audited). */
export async function addCommunity(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: { municipalityId: string; name: string; category: CommunityKind; traditions: ObservanceTradition[] },
  now: Date,
) {
  await requireMunicipality(db, input.municipalityId);
  return transaction(db, async (tx) => {
    const { municipalityId, ...values } = input;
    const community = await insertCommunity(tx, municipalityId, values);
    if (!community) throw nameTaken();
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'community.create', { type: 'community', id: community.id }),
      now,
    );
    return presentCommunity(community);
  });
}

/**
 * Renames a community, changes its kind or observance traditions, archives it (it stays on existing
 * people but is no longer offered) or restores it (administrators; audited). Returns the whole list.
 */
export async function updateCommunity(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: {
    municipalityId: string;
    communityId: string;
    change: {
      name?: string | undefined;
      category?: CommunityKind | undefined;
      traditions?: ObservanceTradition[] | undefined;
      archived?: boolean | undefined;
    };
  },
  now: Date,
) {
  const change = Object.fromEntries(Object.entries(input.change).filter(([, v]) => v !== undefined));
  if (
    change.name &&
    (await communityNameTaken(db, input.municipalityId, String(change.name), input.communityId))
  )
    throw nameTaken();
  try {
    await transaction(db, async (tx) => {
      if (!(await updateCommunityRow(tx, input.municipalityId, input.communityId, change))) {
        throw new DomainError('not-found', 'No such community in this municipality.');
      }
      await appendAuditEvent(
        tx,
        auditEvent(origin, communityAction(input.change), { type: 'community', id: input.communityId }),
        now,
      );
    });
  } catch (error) {
    // Two administrators renaming to the same name at once: the unique key decides.
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return (await readManagedCommunities(db, input.municipalityId)).map(presentCommunity);
}

/** The audit action: archive and restore keep their own names, any other change is an update. */
function communityAction(change: {
  archived?: boolean | undefined;
  name?: unknown;
  category?: unknown;
  traditions?: unknown;
}) {
  const onlyArchive =
    change.name === undefined && change.category === undefined && change.traditions === undefined;
  if (onlyArchive && change.archived !== undefined)
    return change.archived ? 'community.archive' : 'community.restore';
  return 'community.update';
}

/** Sets the municipality's ally limits (administrators; audited). */
export async function setAllyLimits(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: { municipalityId: string; allySoftLimit: number; allyHardLimit: number },
  now: Date,
) {
  await transaction(db, async (tx) => {
    if (!(await updateAllyLimits(tx, input.municipalityId, input.allySoftLimit, input.allyHardLimit))) {
      throw new DomainError('not-found', 'No municipality with this id exists.');
    }
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'municipality.settings', { type: 'municipality', id: input.municipalityId }),
      now,
    );
  });
  return { allySoftLimit: input.allySoftLimit, allyHardLimit: input.allyHardLimit };
}
