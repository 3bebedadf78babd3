import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { RequestOrigin } from '../platform/http/api-route.js';

/**
 * Writes one row into the audit trail: who (`origin`) did `action` to `object`, with `result` (success by
 * default). Pass the open transaction as `db` when the row must commit or roll back with a change.
 *
 * A port, not an import: every capability declares its routes with identity's route kit and the audit
 * capability reads staff names from identity, so identity cannot import audit without closing a circle.
 * src/server/compose.ts hands in the audit journal's append.
 */
export type RecordAudit = (
  db: Kysely<Database>,
  origin: RequestOrigin,
  action: string,
  object: { type: string; id: string } | null,
  now: Date,
  result?: 'success' | 'failed',
) => Promise<void>;
