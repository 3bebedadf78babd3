import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { RequestOrigin } from '../platform/http/api-route.js';
import { UpstreamError } from '../platform/upstream-error.js';
import type { RecordAudit } from './audit-port.js';
import type { Directory, DirectoryUser, UnsearchedTenant } from './directory-port.js';
import type { JoinableNetworks } from './network-port.js';
import { listStaffWithRoles } from './role-store.js';
import { findAwaitingUserIdsByEmail, findUserIdsByObjectIds, upsertUserFromDirectory } from './user-store.js';

/** A directory hit, with the staff row id when the colleague is already known. */
export type DirectoryHit = DirectoryUser & { userId: string | null };

/** The hits of every tenant that answered, and the tenants whose staff are missing from them. */
export interface DirectorySearchAnswer {
  users: DirectoryHit[];
  unsearched: UnsearchedTenant[];
}

/** At most this many matches per tenant: enough to find a colleague by a few letters of their name. */
const MATCHES_PER_TENANT = 15;

/** Dutch name order, ignoring case and accents, so both tenants' matches read as one list. */
const byName = new Intl.Collator('nl', { sensitivity: 'base' });

/**
 * Graph and token failures (the adapter's upstream errors) become one clear, typed error; nothing of Graph's
 * answer is passed on.
 */
async function fromDirectory<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UpstreamError) {
      throw new DomainError(
        'upstream-failed',
        'The Microsoft 365 directory could not be searched right now; try again shortly.',
      );
    }
    throw error;
  }
}

/**
 * Searches the directories of the municipality and the police for colleagues to add as staff (audited without the
 * search text). The matches come ordered by name, whichever tenant they are from; a tenant that could not be
 * searched is named in `unsearched` rather than silently missing.
 */
export async function searchDirectory(
  db: Kysely<Database>,
  audit: RecordAudit,
  directory: Directory,
  origin: RequestOrigin,
  query: string,
  now: Date,
): Promise<DirectorySearchAnswer> {
  const { users, unsearched } = await fromDirectory(() => directory.searchUsers(query, MATCHES_PER_TENANT));
  await audit(db, origin, 'directory.search', null, now);
  const [known, awaiting] = await Promise.all([
    findUserIdsByObjectIds(
      db,
      users.map((user) => user.objectId),
    ),
    findAwaitingUserIdsByEmail(
      db,
      users.flatMap((user) => (user.mail ? [user.mail] : [])),
    ),
  ]);
  // A colleague added by e-mail before their first sign-in is known too: adding them takes that row over.
  const knownId = (user: DirectoryUser) =>
    known.get(`${user.tenantId}/${user.objectId}`) ??
    (user.mail ? awaiting.get(`${user.tenantId}/${user.mail.toLowerCase()}`) : undefined) ??
    null;
  const hits = users
    .map((user) => ({ ...user, userId: knownId(user) }))
    .sort((a, b) => byName.compare(a.displayName, b.displayName));
  return { users: hits, unsearched };
}

/**
 * Adds a colleague found in the directory as staff (without roles yet), read again from their own tenant (the
 * home tenant when none is named); audited.
 */
export async function addStaffFromDirectory(
  db: Kysely<Database>,
  audit: RecordAudit,
  networks: JoinableNetworks,
  directory: Directory,
  origin: RequestOrigin,
  chosen: { objectId: string; tenantId?: string | undefined },
  now: Date,
) {
  const tenantId = chosen.tenantId ?? directory.tenants[0];
  if (!tenantId) throw new DomainError('internal', 'The directory serves no tenant.');
  const user = await fromDirectory(() => directory.getUser(tenantId, chosen.objectId));
  if (!user) throw new DomainError('not-found', 'The directory has no user with this object id.');
  const { id } = await transaction(db, async (tx) => {
    const result = await upsertUserFromDirectory(tx, user);
    const action = result.created ? 'user.create' : 'user.refresh';
    await audit(tx, origin, action, { type: 'user', id: result.id }, now);
    return result;
  });
  const staff = (await listStaffWithRoles(db, networks)).find((member) => member.id === id);
  if (!staff) throw new DomainError('internal', 'The staff member vanished while being added.');
  return staff;
}
