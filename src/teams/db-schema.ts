import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ConversationReferencesTable {
  id: Generated<string>;
  conversation_id: string;
  channel_user_id: string;
  aad_object_id: string | null;
  tenant_id: string | null;
  conversation_type: string | null;
  service_url: string;
  reference: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** One proactive card for one conversation in the Teams outbox (migration 0018). */
export interface TeamsOutboxTable {
  id: Generated<string>;
  idempotency_key: string;
  purpose: string;
  tenant_id: string;
  conversation_id: string;
  service_url: string;
  activity: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  state: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined>;
  attempts: Generated<number>;
  due_at: Timestamp;
  leased_until: NullableTimestamp;
  lease_owner: string | null;
  activity_id: string | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

/** The shared token buckets every proactive send draws from (`outbox/rate-budget.ts`). */
export interface RateBucketsTable {
  bucket: string;
  capacity: number;
  refill_per_second: number;
  tokens: number;
  refilled_at: Timestamp;
  blocked_until: NullableTimestamp;
}

/** The tables the Teams side owns: where each conversation is reached, the outbox and its rate budget. */
export interface TeamsTables {
  conversation_references: ConversationReferencesTable;
  teams_outbox: TeamsOutboxTable;
  rate_buckets: RateBucketsTable;
}
