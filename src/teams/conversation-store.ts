import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import {
  type ConversationReferenceRecord,
  type StoredReference,
  storedReferenceSchema,
} from './conversation-reference.js';

/** A stored reference as read back, with when it was last confirmed by an incoming activity. */
export interface SavedConversationReference extends ConversationReferenceRecord {
  id: string;
  updatedAt: Date;
}

/**
 * Inserts or refreshes the reference for one user in one conversation. `created` tells whether this is
 * the first time we hear from them there, so the bot welcomes once although Teams announces an
 * installation with both `installationUpdate` and `conversationUpdate`.
 */
export async function saveConversationReference(
  db: Kysely<Database>,
  record: ConversationReferenceRecord,
  now: Date,
): Promise<{ created: boolean }> {
  const columns = {
    aad_object_id: record.aadObjectId,
    tenant_id: record.tenantId,
    conversation_type: record.conversationType,
    service_url: record.serviceUrl,
    reference: JSON.stringify(record.reference),
    updated_at: now,
  };
  const inserted = await db
    .insertInto('conversation_references')
    .values({ conversation_id: record.conversationId, channel_user_id: record.channelUserId, ...columns })
    .onConflict((conflict) => conflict.columns(['conversation_id', 'channel_user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { created: true };
  await db
    .updateTable('conversation_references')
    .set(columns)
    .where('conversation_id', '=', record.conversationId)
    .where('channel_user_id', '=', record.channelUserId)
    .execute();
  return { created: false };
}

/**
 * Inserts or replaces the reference for one user in one conversation, in one statement and in the caller's
 * transaction: a reference found other than through an incoming activity (the call-out worker's 1:1 chat after
 * installing the app), where no welcome depends on whether the row is new.
 */
export async function upsertConversationReference(
  db: Kysely<Database> | Transaction<Database>,
  record: ConversationReferenceRecord,
  now: Date,
): Promise<void> {
  const columns = {
    aad_object_id: record.aadObjectId,
    tenant_id: record.tenantId,
    conversation_type: record.conversationType,
    service_url: record.serviceUrl,
    reference: JSON.stringify(record.reference),
    updated_at: now,
  };
  await db
    .insertInto('conversation_references')
    .values({ conversation_id: record.conversationId, channel_user_id: record.channelUserId, ...columns })
    .onConflict((conflict) => conflict.columns(['conversation_id', 'channel_user_id']).doUpdateSet(columns))
    .execute();
}

/** Every conversation in which the bot can reach one Entra user, most recently active first. */
export async function findConversationReferences(
  db: Kysely<Database>,
  who: { tenantId: string; aadObjectId: string },
): Promise<SavedConversationReference[]> {
  const rows = await db
    .selectFrom('conversation_references')
    .selectAll()
    .where('tenant_id', '=', who.tenantId)
    .where('aad_object_id', '=', who.aadObjectId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversation_id,
    channelUserId: row.channel_user_id,
    aadObjectId: row.aad_object_id,
    tenantId: row.tenant_id,
    conversationType: row.conversation_type,
    serviceUrl: row.service_url,
    reference: parseReference(row.reference),
    updatedAt: row.updated_at,
  }));
}

/** Forgets a conversation once the app is removed from it: the bot may no longer write there. */
export async function deleteConversationReferences(
  db: Kysely<Database>,
  conversationId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('conversation_references')
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function parseReference(value: unknown): StoredReference {
  // Both drivers hand jsonb back parsed; accept text too so a driver change cannot break proactive sends.
  return storedReferenceSchema.parse(typeof value === 'string' ? JSON.parse(value) : value);
}

/** How many stored references name each service URL (the start-up check reads this). */
export async function countReferencesByServiceUrl(
  db: Kysely<Database>,
): Promise<{ serviceUrl: string; references: number }[]> {
  const rows = await db
    .selectFrom('conversation_references')
    .select(['service_url', (eb) => eb.fn.countAll<string>().as('references')])
    .groupBy('service_url')
    .execute();
  return rows.map((row) => ({ serviceUrl: row.service_url, references: Number(row.references) }));
}

/** Deletes every reference that names one of these service URLs; returns how many went. */
export async function deleteReferencesByServiceUrl(
  db: Kysely<Database>,
  serviceUrls: readonly string[],
): Promise<number> {
  if (serviceUrls.length === 0) return 0;
  const result = await db
    .deleteFrom('conversation_references')
    .where('service_url', 'in', [...serviceUrls])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Which of these Entra users the bot can reach: those with at least one stored reference. */
export async function findReachableIdentities(
  db: Kysely<Database> | Transaction<Database>,
  who: readonly { tenantId: string; aadObjectId: string }[],
): Promise<{ tenantId: string; aadObjectId: string }[]> {
  if (who.length === 0) return [];
  const rows = await db
    .selectFrom('conversation_references')
    .select(['tenant_id', 'aad_object_id'])
    .distinct()
    .where((eb) =>
      eb.or(
        who.map((w) => eb.and([eb('tenant_id', '=', w.tenantId), eb('aad_object_id', '=', w.aadObjectId)])),
      ),
    )
    .execute();
  return rows.flatMap((row) =>
    row.tenant_id && row.aad_object_id ? [{ tenantId: row.tenant_id, aadObjectId: row.aad_object_id }] : [],
  );
}

/** The reference to reach a user by: their 1:1 chat with the bot first, then the most recent other one. */
export async function findPreferredReference(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  aadObjectId: string,
) {
  return db
    .selectFrom('conversation_references')
    .select(['conversation_id', 'channel_user_id', 'conversation_type', 'service_url', 'reference'])
    .where('tenant_id', '=', tenantId)
    .where('aad_object_id', '=', aadObjectId)
    .orderBy(sql`case when conversation_type = 'personal' then 0 else 1 end`)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
