import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import type { RequestOrigin } from '../platform/http/api-route.js';
import { UpstreamError } from '../platform/upstream-error.js';
import type { RecordAudit } from './audit-port.js';
import type { Directory, DirectoryUser } from './directory-port.js';
import type { JoinableNetworks } from './network-port.js';
import { listStaffWithRoles } from './role-store.js';
import { findUserIdsByObjectIds, upsertUserFromDirectory } from './user-store.js';

/** A directory hit, with the staff row id when the colleague is already known. */
export type DirectoryHit = DirectoryUser & { userId: string | null };

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

/** Searches the organisation's directory for colleagues to add as staff (audited without the search text). */
export async function searchDirectory(
  db: Kysely<Database>,
  audit: RecordAudit,
  directory: Directory,
  origin: RequestOrigin,
  query: string,
  now: Date,
): Promise<DirectoryHit[]> {
  const users = await fromDirectory(() => directory.searchUsers(query, 15));
  await audit(db, origin, 'directory.search', null, now);
  const known = await findUserIdsByObjectIds(
    db,
    users.map((user) => user.objectId),
  );
  return users.map((user) => ({ ...user, userId: known.get(`${user.tenantId}/${user.objectId}`) ?? null }));
}

/** Adds a colleague found in the directory as staff (without roles yet); audited. */
export async function addStaffFromDirectory(
  db: Kysely<Database>,
  audit: RecordAudit,
  networks: JoinableNetworks,
  directory: Directory,
  origin: RequestOrigin,
  objectId: string,
  now: Date,
) {
  const user = await fromDirectory(() => directory.getUser(objectId));
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
