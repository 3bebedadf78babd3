import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { ConversationReferenceRecord } from '../../src/teams/conversation-reference.js';
import {
  deleteConversationReferences,
  findConversationReferences,
  saveConversationReference,
} from '../../src/teams/conversation-store.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { BOT_CHANNEL_ID, TENANT_ID } from './teams-activity.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A reference record for a personal chat; `overrides` replace top-level fields. */
function buildReferenceRecord(
  overrides: Partial<ConversationReferenceRecord> = {},
): ConversationReferenceRecord {
  const conversationId = overrides.conversationId ?? `a:${randomUUID()}`;
  const channelUserId = overrides.channelUserId ?? `29:${randomUUID()}`;
  const aadObjectId = overrides.aadObjectId ?? randomUUID();
  const serviceUrl = overrides.serviceUrl ?? 'https://smba.trafficmanager.net/emea/';
  return {
    conversationId,
    channelUserId,
    aadObjectId,
    tenantId: TENANT_ID,
    conversationType: 'personal',
    serviceUrl,
    reference: {
      channelId: 'msteams',
      serviceUrl,
      bot: { id: BOT_CHANNEL_ID },
      user: { id: channelUserId, aadObjectId },
      conversation: { id: conversationId, tenantId: TENANT_ID, conversationType: 'personal' },
    },
    ...overrides,
  };
}

describe('conversation store', () => {
  it('inserts a reference once and refreshes it afterwards', async () => {
    const record = buildReferenceRecord();
    const first = await saveConversationReference(database.db, record, new Date('2025-03-01T09:00:00Z'));
    const moved = { ...record, serviceUrl: 'https://smba.trafficmanager.net/nl/' };
    const second = await saveConversationReference(database.db, moved, new Date('2025-03-02T09:00:00Z'));

    expect(first).toEqual({ created: true });
    expect(second).toEqual({ created: false });
    const saved = await findConversationReferences(database.db, {
      tenantId: TENANT_ID,
      aadObjectId: record.aadObjectId as string,
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ ...moved, updatedAt: new Date('2025-03-02T09:00:00Z') });
  });

  it('finds every conversation of one user, most recent first, and nobody else’s', async () => {
    const aadObjectId = randomUUID();
    const older = buildReferenceRecord({ aadObjectId });
    const newer = buildReferenceRecord({ aadObjectId, conversationType: 'channel' });
    await saveConversationReference(database.db, older, new Date('2025-03-01T09:00:00Z'));
    await saveConversationReference(database.db, newer, new Date('2025-03-05T09:00:00Z'));
    await saveConversationReference(database.db, buildReferenceRecord(), new Date('2025-03-06T09:00:00Z'));
    await saveConversationReference(
      database.db,
      buildReferenceRecord({ aadObjectId, tenantId: randomUUID() }),
      new Date('2025-03-07T09:00:00Z'),
    );

    const saved = await findConversationReferences(database.db, { tenantId: TENANT_ID, aadObjectId });
    expect(saved.map((row) => row.conversationId)).toEqual([newer.conversationId, older.conversationId]);
    expect(saved[0]?.reference).toEqual(newer.reference);
  });

  it('keeps one row per user in a shared conversation and deletes them together', async () => {
    const conversationId = `19:${randomUUID()}@thread.tacv2`;
    const first = buildReferenceRecord({ conversationId, conversationType: 'channel' });
    const second = buildReferenceRecord({ conversationId, conversationType: 'channel' });
    expect(await saveConversationReference(database.db, first, new Date())).toEqual({ created: true });
    expect(await saveConversationReference(database.db, second, new Date())).toEqual({ created: true });

    expect(await deleteConversationReferences(database.db, conversationId)).toBe(2);
    expect(
      await findConversationReferences(database.db, {
        tenantId: TENANT_ID,
        aadObjectId: first.aadObjectId as string,
      }),
    ).toEqual([]);
  });
});
