import type { ColumnType } from 'kysely';

/** One row of the append-only, hash-chained audit trail; ids only. */
export interface AuditEventsTable {
  /** bigint: `pg` returns it as a string, PGlite as a number. */
  seq: ColumnType<string | number, number, never>;
  occurred_at: ColumnType<Date, Date, never>;
  actor_user_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'denied' | 'failed';
  channel: 'tab' | 'bot' | 'api' | 'job';
  client_address: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** An audit event waiting to be sealed into the chain (see 0007_audit_journal.sql). */
export interface AuditJournalTable {
  /** bigint identity: `pg` returns it as a string, PGlite as a number. */
  id: ColumnType<string | number, never, never>;
  occurred_at: ColumnType<Date, Date, never>;
  actor_user_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'denied' | 'failed';
  channel: 'tab' | 'bot' | 'api' | 'job';
  client_address: string | null;
  request_id: string | null;
}

/** The tables audit owns: the hash-chained trail and the journal waiting to be sealed into it. */
export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_journal: AuditJournalTable;
}
