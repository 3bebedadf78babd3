import { type Kysely, sql, type Transaction } from 'kysely';
import { joinableNetworkRoles, joinableUsers } from '../../identity/index.js';
import { joinableNetworks } from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import { joinableMunicipalities } from '../../setup/index.js';
import { joinableConversationReferences } from '../../teams/index.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Escalation settings of a municipality, with the defaults the issue names when none are stored. */
export interface EscalationSettings {
  backupAfterMinutes: number;
  minAvailableStaff: number;
  nextGroupAfterMinutes: number;
  reminderAfterMinutes: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = {
  backupAfterMinutes: 10,
  minAvailableStaff: 2,
  nextGroupAfterMinutes: 20,
  reminderAfterMinutes: 5,
};

export async function readEscalationSettings(
  db: Executor,
  municipalityId: string,
): Promise<EscalationSettings> {
  const row = await db
    .selectFrom('call_out_settings')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) return DEFAULT_ESCALATION;
  return {
    backupAfterMinutes: row.backup_after_minutes,
    minAvailableStaff: row.min_available_staff,
    nextGroupAfterMinutes: row.next_group_after_minutes,
    reminderAfterMinutes: row.reminder_after_minutes,
  };
}

/** The municipality's crisis team: the next group when too few staff are available. */
export async function readCrisisTeam(db: Executor, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_out_crisis_team')
    .select('user_id')
    .where('municipality_id', '=', municipalityId)
    .orderBy('user_id')
    .execute();
  return rows.map((row) => row.user_id);
}

/** Every municipality of the deployment (administrators administer them all). */
export async function readMunicipalityIds(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom(joinableMunicipalities(db).as('municipalities'))
    .select('id')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The municipalities of these networks, once each. */
export async function readNetworkMunicipalityIds(
  db: Executor,
  networkIds: readonly string[],
): Promise<string[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectFrom(joinableNetworks(db).as('networks'))
    .select('municipality_id')
    .distinct()
    .where('id', 'in', networkIds)
    .orderBy('municipality_id')
    .execute();
  return rows.map((row) => row.municipality_id);
}

/** Whether the municipality has its own row (false: the defaults apply). */
export async function hasStoredSettings(db: Executor, municipalityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('call_out_settings')
    .select('municipality_id')
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertSettings(
  tx: Transaction<Database>,
  municipalityId: string,
  settings: EscalationSettings,
): Promise<void> {
  const values = {
    backup_after_minutes: settings.backupAfterMinutes,
    min_available_staff: settings.minAvailableStaff,
    next_group_after_minutes: settings.nextGroupAfterMinutes,
    reminder_after_minutes: settings.reminderAfterMinutes,
  };
  await tx
    .insertInto('call_out_settings')
    .values({ municipality_id: municipalityId, ...values })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet(values))
    .execute();
}

/** A crisis team member as the settings page shows them. */
export interface CrisisTeamMemberRow {
  userId: string;
  displayName: string;
  phone: string | null;
  reachable: boolean;
}

/**
 * Name, work number and whether the bot can reach them: the same test as the call-out preview (a stored
 * conversation reference for their tenant and object id), so "reachable" means the card can arrive.
 */
export async function readTeamMembers(
  db: Executor,
  userIds: readonly string[],
): Promise<CrisisTeamMemberRow[]> {
  if (userIds.length === 0) return [];
  const rows = await sql<{ id: string; display_name: string; phone: string | null; reachable: boolean }>`
    select u.id, u.display_name, u.phone,
      exists (select 1 from ${joinableConversationReferences(db).as('c')}
              where c.tenant_id = u.tenant_id::text and c.aad_object_id = u.aad_object_id::text) as reachable
    from ${joinableUsers(db).as('u')}
    where u.id in (${sql.join(userIds)})
    order by u.display_name, u.id`.execute(db);
  return rows.rows.map((row) => ({
    userId: row.id,
    displayName: row.display_name,
    phone: row.phone,
    reachable: row.reachable,
  }));
}

/**
 * The staff of a municipality, as far as the data can tell: users have no municipality of their own, so a
 * user belongs to the municipalities of the networks they hold a role in; staff without any network role
 * (administrators, the crisis organisation's own people) belong to the deployment and so to each of its
 * municipalities. Someone whose roles all lie in another municipality is not this one's staff.
 */
export async function readEligibleStaff(
  db: Executor,
  municipalityId: string,
  onlyUserIds?: readonly string[],
): Promise<{ userId: string; displayName: string }[]> {
  if (onlyUserIds?.length === 0) return [];
  let query = db
    .selectFrom(joinableUsers(db).as('users'))
    .select(['users.id as userId', 'users.display_name as displayName'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom(joinableNetworkRoles(db).as('network_roles'))
            .innerJoin(joinableNetworks(db).as('networks'), 'networks.id', 'network_roles.network_id')
            .select('network_roles.user_id')
            .whereRef('network_roles.user_id', '=', 'users.id')
            .where('networks.municipality_id', '=', municipalityId),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom(joinableNetworkRoles(db).as('network_roles'))
              .select('user_id')
              .whereRef('network_roles.user_id', '=', 'users.id'),
          ),
        ),
      ]),
    );
  if (onlyUserIds) query = query.where('users.id', 'in', onlyUserIds);
  return query.orderBy('users.display_name').orderBy('users.id').execute();
}

/** Replaces the municipality's crisis team; returns who was added and who removed. */
export async function replaceCrisisTeam(
  tx: Transaction<Database>,
  municipalityId: string,
  userIds: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const current = await tx
    .selectFrom('call_out_crisis_team')
    .select('user_id')
    .where('municipality_id', '=', municipalityId)
    .execute();
  const before = new Set(current.map((row) => row.user_id));
  const after = new Set(userIds);
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  if (removed.length > 0)
    await tx
      .deleteFrom('call_out_crisis_team')
      .where('municipality_id', '=', municipalityId)
      .where('user_id', 'in', removed)
      .execute();
  if (added.length > 0)
    await tx
      .insertInto('call_out_crisis_team')
      .values(added.map((userId) => ({ municipality_id: municipalityId, user_id: userId })))
      .execute();
  return { added, removed };
}
