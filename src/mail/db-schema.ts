/**
 * Kysely table type of the local outbox (`mail_outbox`, migration 0009_mail_and_convening.sql). It is not in
 * `Database` (src/platform/db/schema.ts); code that reads it widens its handle with `withMailTables`. The
 * migration's call-out meeting tables are call-outs' (src/call-outs/db-schema.ts), which writes them.
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface MailOutboxTable {
  id: Generated<string>;
  sender: string;
  recipients: string[];
  subject: string;
  html: string;
  body_text: string;
  call_out_id: string | null;
  network_ids: Generated<string[]>;
  created_at: Timestamp;
}

export type MailTables = {
  mail_outbox: MailOutboxTable;
};

export type MailDatabase = Database & MailTables;

/** The handle with `mail_outbox` in its type. */
export function withMailTables(db: Kysely<Database>): Kysely<MailDatabase> {
  return db.withTables<MailTables>() as unknown as Kysely<MailDatabase>;
}
