/**
 * Kysely table types of migration 0009_mail_and_convening.sql. They are not in `Database`
 * (src/platform/db/schema.ts); code that reads them widens its handle with `db.withTables<MailTables>()`.
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CallOutMeetingsTable {
  call_out_id: string;
  organiser: string;
  organiser_user_id: string;
  intent_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  state: Generated<'pending' | 'created' | 'failed'>;
  event_id: string | null;
  join_url: string | null;
  join_url_local: Generated<boolean>;
  created_at: Timestamp;
}

export interface CallOutMeetingMailsTable {
  call_out_id: string;
  person_id: string;
  state: 'sending' | 'sent' | 'failed';
  attempts: Generated<number>;
  updated_at: Timestamp;
}

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
  call_out_meetings: CallOutMeetingsTable;
  call_out_meeting_mails: CallOutMeetingMailsTable;
  mail_outbox: MailOutboxTable;
};

export type MailDatabase = Database & MailTables;
export type MailExecutor = Kysely<MailDatabase> | Transaction<MailDatabase>;

/** The handle with the 0009 tables in its type. */
export function withMailTables(db: Kysely<Database>): Kysely<MailDatabase> {
  return db.withTables<MailTables>() as unknown as Kysely<MailDatabase>;
}

/** The same transaction typed for code that knows only `Database` (the call-out store). */
export function asBaseTransaction(tx: Transaction<MailDatabase>): Transaction<Database> {
  return tx as unknown as Transaction<Database>;
}
