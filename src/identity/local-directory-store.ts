import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** A user row as the local directory reads it. */
export interface LocalDirectoryRow {
  objectId: string;
  tenantId: string;
  organisation: 'gemeente' | 'politie' | null;
  displayName: string;
  email: string | null;
  jobTitle: string | null;
  phone: string | null;
}

const columns = [
  'aad_object_id as objectId',
  'tenant_id as tenantId',
  'organisation',
  'display_name as displayName',
  'email',
  'job_title as jobTitle',
  'phone',
] as const;

/** Escapes LIKE's wildcards so a search for `50%` or `a_b` matches those characters literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Users whose display name contains `fragment`, case-insensitively, ordered by name. */
export async function searchUsersByDisplayName(
  db: Kysely<Database>,
  fragment: string,
  limit: number,
): Promise<LocalDirectoryRow[]> {
  return db
    .selectFrom('users')
    .select(columns)
    .where('display_name', 'ilike', `%${likeLiteral(fragment)}%`)
    .orderBy('display_name')
    .orderBy('aad_object_id')
    .limit(limit)
    .execute();
}

/** The user with this Entra object id in this tenant, if any. */
export async function findUserByObjectId(
  db: Kysely<Database>,
  tenantId: string,
  objectId: string,
): Promise<LocalDirectoryRow | undefined> {
  return db
    .selectFrom('users')
    .select(columns)
    .where('tenant_id', '=', tenantId)
    .where('aad_object_id', '=', objectId)
    .executeTakeFirst();
}
