import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { parseDirectorySearch, parseObjectId } from './directory-input.js';
import type { Directory, DirectorySearchResult, DirectoryUser } from './directory-port.js';
import {
  findUserByObjectId,
  type LocalDirectoryRow,
  searchUsersByDisplayName,
} from './local-directory-store.js';

function toDirectoryUser(row: LocalDirectoryRow): DirectoryUser {
  return {
    objectId: row.objectId,
    tenantId: row.tenantId,
    organisation: row.organisation,
    displayName: row.displayName,
    mail: row.email,
    jobTitle: row.jobTitle,
    phone: row.phone,
  };
}

/**
 * The directory port for the local run: the `users` table, which holds the fictional demo staff of both
 * organisations (their rows say which). It has no tenant that can fail, so a search never leaves one out.
 */
export class LocalDirectory implements Directory {
  constructor(
    private readonly db: Kysely<Database>,
    /** The demo tenant(s) the local staff live in. */
    readonly tenants: readonly string[],
  ) {}

  /** Finds users whose display name contains the query, ignoring case. */
  async searchUsers(query: string, limit?: number): Promise<DirectorySearchResult> {
    const search = parseDirectorySearch(query, limit);
    const rows = await searchUsersByDisplayName(this.db, search.query, search.limit);
    return { users: rows.map(toDirectoryUser), unsearched: [] };
  }

  /** Reads one user by tenant and Entra object id. */
  async getUser(tenantId: string, objectId: string): Promise<DirectoryUser | null> {
    const row = await findUserByObjectId(this.db, tenantId.toLowerCase(), parseObjectId(objectId));
    return row ? toDirectoryUser(row) : null;
  }
}
