import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { compiledOnce } from '../platform/db/compiled-once.js';
import type { Database, NetworkRole } from '../platform/db/schema.js';
import { isUuid } from '../platform/uuid.js';
import type { JoinableNetworks } from './network-port.js';

/** A staff user as stored; no roles. */
export interface UserRecord {
  id: string;
  tenantId: string;
  objectId: string;
  displayName: string;
  email: string | null;
  organisation: 'gemeente' | 'politie' | null;
  jobTitle: string | null;
}

/** A role the user holds in one network. */
export interface NetworkRoleRecord {
  networkId: string;
  networkName: string;
  role: NetworkRole;
}

const userColumns = [
  'id',
  'tenant_id as tenantId',
  'aad_object_id as objectId',
  'display_name as displayName',
  'email',
  'organisation',
  'job_title as jobTitle',
] as const;

/** Finds a user by row id. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

/** Lists every user, for the local sign-in picker (demo staff only ever exist there). */
export async function listUsers(db: Kysely<Database>): Promise<UserRecord[]> {
  return db.selectFrom('users').select(userColumns).orderBy('display_name').execute();
}

/**
 * Creates the user on first sign-in or refreshes what their token carries: the display name, and the
 * e-mail address when the token has one (a token without one never erases an address the directory gave).
 * The organisation follows from the tenant and is only filled in when unknown.
 */
export async function upsertUserFromToken(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    objectId: string;
    displayName: string;
    email: string | null;
    organisation: 'gemeente' | 'politie';
  },
): Promise<UserRecord> {
  if (input.email) await claimAwaitingUser(db, input.tenantId, input.objectId, input.email);
  return db
    .insertInto('users')
    .values({
      tenant_id: input.tenantId,
      aad_object_id: input.objectId,
      display_name: input.displayName,
      email: input.email,
      organisation: input.organisation,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet((eb) => ({
        display_name: input.displayName,
        email: input.email ?? eb.ref('users.email'),
        organisation: eb.fn.coalesce('users.organisation', eb.val(input.organisation)),
      })),
    )
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

/**
 * At a first sign-in: a staff row an administrator added by e-mail in this tenant becomes this user's row
 * (the placeholder object id is replaced), so roles given before the first sign-in stay theirs. The tenant
 * is proven by the token; within it, the address is the tenant's own directory data.
 */
async function claimAwaitingUser(db: Kysely<Database>, tenantId: string, objectId: string, email: string) {
  const known = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('aad_object_id', '=', objectId)
    .executeTakeFirst();
  if (known) return;
  await db
    .updateTable('users')
    .set({ aad_object_id: objectId, awaiting_sign_in: false })
    .where('tenant_id', '=', tenantId)
    .where('awaiting_sign_in', '=', true)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .execute();
}

/** Staff rows of this tenant with this e-mail address (case-insensitive); at most a few. */
export async function findUsersByTenantEmail(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  email: string,
): Promise<{ id: string }[]> {
  return db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .execute();
}

/** Adds a staff member of another tenant by e-mail; the object id is a placeholder until their first sign-in. */
export async function insertAwaitingUser(
  db: Kysely<Database> | Transaction<Database>,
  input: { tenantId: string; email: string; displayName: string; organisation: 'gemeente' | 'politie' },
): Promise<{ id: string }> {
  return db
    .insertInto('users')
    .values({
      tenant_id: input.tenantId,
      aad_object_id: randomUUID(),
      display_name: input.displayName,
      email: input.email.toLowerCase(),
      organisation: input.organisation,
      awaiting_sign_in: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * The user rows, access versions and roles statement for any number of users, compiled once per `networks` (see
 * `compiledOnce`): it is the check of the remembered callers of concurrent `GET /me` requests, made together.
 */
function usersWithNetworkRolesQuery(networks: JoinableNetworks) {
  return compiledOnce(['ids'], (db, values) =>
    db
      .selectFrom('users')
      .leftJoin('access_versions', 'access_versions.user_id', 'users.id')
      .leftJoin('network_roles', 'network_roles.user_id', 'users.id')
      .leftJoin(networks(db).as('networks'), 'networks.id', 'network_roles.network_id')
      .select((eb) => [
        eb.cast<string | null>('access_versions.version', 'text').as('accessVersion'),
        // Only what `GET /me` publishes (not the e-mail address, nor the Entra ids): it runs on every call.
        'users.id',
        'users.display_name as displayName',
        'users.organisation',
        'users.job_title as jobTitle',
        'networks.id as networkId',
        'networks.name as networkName',
        'network_roles.role',
      ])
      .where(sql<boolean>`users.id = any(${values.ids}::uuid[])`)
      .orderBy('networks.name'),
  );
}

const usersWithNetworkRolesQueries = new WeakMap<
  JoinableNetworks,
  ReturnType<typeof usersWithNetworkRolesQuery>
>();

/** A user with the networks they hold a role in (by network name), and their access version. */
export interface UserWithNetworkRoles {
  user: Pick<UserRecord, 'id' | 'displayName' | 'organisation' | 'jobTitle'>;
  roles: NetworkRoleRecord[];
  accessVersion: string | null;
}

/**
 * Users with the networks they hold a role in (by network name), each with their access version read in the same
 * statement, in one query for all of them: `GET /me` runs it on every call, as the check of its remembered callers
 * too (see `AccessCache.current`), so a `/me` costs at most one round trip, shared by the concurrent ones. A user
 * that does not exist is absent from the map.
 */
export async function findUsersWithNetworkRoles(
  db: Kysely<Database>,
  networks: JoinableNetworks,
  ids: readonly string[],
): Promise<Map<string, UserWithNetworkRoles>> {
  let query = usersWithNetworkRolesQueries.get(networks);
  if (!query) {
    query = usersWithNetworkRolesQuery(networks);
    usersWithNetworkRolesQueries.set(networks, query);
  }
  const found = new Map<string, UserWithNetworkRoles>();
  for (const { networkId, networkName, role, accessVersion, ...user } of await query(db, { ids: [...ids] })) {
    let entry = found.get(user.id);
    if (!entry) {
      entry = { user, roles: [], accessVersion };
      found.set(user.id, entry);
    }
    // Rows come in network-name order, so each user's roles do too.
    if (networkId !== null && networkName !== null && role !== null)
      entry.roles.push({ networkId, networkName, role });
  }
  return found;
}

/** {@link findUsersWithNetworkRoles} for one user; undefined when they do not exist. */
export async function findUserWithNetworkRoles(
  db: Kysely<Database>,
  networks: JoinableNetworks,
  id: string,
): Promise<UserWithNetworkRoles | undefined> {
  return (await findUsersWithNetworkRoles(db, networks, [id])).get(id);
}

/**
 * The user behind a Teams actor (Entra tenant and object id, as a card invoke carries them), or null when
 * Bondgenoten does not know them or the ids are no UUIDs (client data never reaches SQL as a bad cast).
 */
export async function findUserIdByEntraIds(
  db: Kysely<Database>,
  tenantId: unknown,
  objectId: unknown,
): Promise<string | null> {
  if (!isUuid(tenantId) || !isUuid(objectId)) return null;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId.toLowerCase())
    .where('aad_object_id', '=', objectId.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Row ids of the known users among these Entra object ids, keyed by `tenant/object`. */
export async function findUserIdsByObjectIds(
  db: Kysely<Database>,
  objectIds: string[],
): Promise<Map<string, string>> {
  if (objectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'aad_object_id'])
    .where('aad_object_id', 'in', objectIds)
    .execute();
  return new Map(rows.map((row) => [`${row.tenant_id}/${row.aad_object_id}`, row.id]));
}

/**
 * Staff rows added by e-mail that wait for their first sign-in, keyed `tenant/lower-case address`, among the
 * given addresses: a directory match with such an address is that colleague, already known.
 */
export async function findAwaitingUserIdsByEmail(
  db: Kysely<Database>,
  emails: string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'email'])
    .where('awaiting_sign_in', '=', true)
    .where((eb) =>
      eb(
        eb.fn('lower', ['email']),
        'in',
        emails.map((email) => email.toLowerCase()),
      ),
    )
    .execute();
  return new Map(rows.map((row) => [`${row.tenant_id}/${row.email?.toLowerCase()}`, row.id]));
}

/**
 * Adds a colleague from the directory as staff, or refreshes their name, mail, job title and phone. The
 * organisation (from their tenant) is only filled in when unknown, as at sign-in.
 */
export async function upsertUserFromDirectory(
  db: Kysely<Database> | Transaction<Database>,
  input: {
    tenantId: string;
    objectId: string;
    organisation: 'gemeente' | 'politie' | null;
    displayName: string;
    mail: string | null;
    jobTitle: string | null;
    phone: string | null;
  },
): Promise<{ id: string; created: boolean }> {
  const existing = await db
    .selectFrom('users')
    .select(['id', 'organisation'])
    .where('tenant_id', '=', input.tenantId)
    .where('aad_object_id', '=', input.objectId)
    .executeTakeFirst();
  const values = {
    display_name: input.displayName,
    email: input.mail,
    job_title: input.jobTitle,
    phone: input.phone,
  };
  if (existing) {
    await db
      .updateTable('users')
      .set({ ...values, organisation: existing.organisation ?? input.organisation })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  // Added earlier by e-mail and not signed in yet (police staff, before the directory search reached their
  // tenant): that row becomes this person's, with the roles it was given, instead of a second row beside it.
  const awaiting = input.mail
    ? await db
        .updateTable('users')
        .set({
          ...values,
          aad_object_id: input.objectId,
          awaiting_sign_in: false,
          organisation: sql`coalesce(organisation, ${input.organisation})`,
        })
        .where('tenant_id', '=', input.tenantId)
        .where('awaiting_sign_in', '=', true)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', (input.mail as string).toLowerCase()))
        .returning('id')
        .executeTakeFirst()
    : undefined;
  if (awaiting) return { id: awaiting.id, created: false };
  const row = await db
    .insertInto('users')
    .values({
      tenant_id: input.tenantId,
      aad_object_id: input.objectId,
      organisation: input.organisation,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/**
 * One user's Entra identity: the tenant their account lives in and their object id, which is a placeholder while
 * `awaitingSignIn` (added by e-mail from another tenant, not signed in yet). For reading their own mailbox.
 */
export async function readEntraIdentity(
  db: Kysely<Database>,
  id: string,
): Promise<{ tenantId: string; aadObjectId: string; awaitingSignIn: boolean } | undefined> {
  return db
    .selectFrom('users')
    .select(['tenant_id as tenantId', 'aad_object_id as aadObjectId', 'awaiting_sign_in as awaitingSignIn'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Names and Entra identities of these users, for other capabilities (call-outs) that show or reach them. */
export async function readUserIdentities(
  db: Kysely<Database> | Transaction<Database>,
  ids: readonly string[],
): Promise<{ id: string; displayName: string; tenantId: string; aadObjectId: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'tenant_id as tenantId', 'aad_object_id as aadObjectId'])
    .where('id', 'in', [...ids])
    .execute();
}
