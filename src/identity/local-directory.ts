import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { parseDirectorySearch, parseObjectId } from './directory-input.js';
import type { Directory, DirectoryUser } from './directory-port.js';
import {
  findUserByObjectId,
  type LocalDirectoryRow,
  searchUsersByDisplayName,
} from './local-directory-store.js';

function toDirectoryUser(row: LocalDirectoryRow): DirectoryUser {
  return {
    objectId: row.objectId,
    tenantId: row.tenantId,
    displayName: row.displayName,
    mail: row.email,
    jobTitle: row.jobTitle,
    phone: row.phone,
  };
}

/** The directory port for the local run: the `users` table, which holds the fictional demo staff. */
export class LocalDirectory implements Directory {
  constructor(private readonly db: Kysely<Database>) {}

  /** Finds users whose display name contains the query, ignoring case. */
  async searchUsers(query: string, limit?: number): Promise<DirectoryUser[]> {
    const search = parseDirectorySearch(query, limit);
    return (await searchUsersByDisplayName(this.db, search.query, search.limit)).map(toDirectoryUser);
  }

  /** Reads one user by Entra object id. */
  async getUser(objectId: string): Promise<DirectoryUser | null> {
    const row = await findUserByObjectId(this.db, parseObjectId(objectId));
    return row ? toDirectoryUser(row) : null;
  }
}
