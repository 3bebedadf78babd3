import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { ErasureReason } from './db-schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Records one erasure (id, reason code, who, when). */
export async function insertErasure(
  tx: Executor,
  row: { personId: string; reason: ErasureReason; erasedBy: string | null; erasedAt: Date },
): Promise<void> {
  await tx
    .insertInto('person_erasures')
    .values({ person_id: row.personId, reason: row.reason, erased_by: row.erasedBy, erased_at: row.erasedAt })
    .execute();
}
