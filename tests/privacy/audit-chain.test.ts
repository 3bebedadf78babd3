import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { AuditEventInput } from '../../src/audit/audit-chain.js';
import { appendAuditEvent, countUnsealedAuditEvents, sealAuditJournal } from '../../src/audit/audit-store.js';
import { describeVerdict, verifyAuditChain } from '../../src/audit/audit-verify.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function buildAuditEvent(overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    actorUserId: '00000000-0000-4000-8000-000000000101',
    action: 'person.read',
    objectType: 'person',
    objectId: '00000000-0000-4000-8000-000000000999',
    result: 'success',
    channel: 'tab',
    clientAddress: '127.0.0.1',
    requestId: 'req-1',
    ...overrides,
  };
}

describe(`the audit chain on ${TEST_ENGINE}`, () => {
  it('keeps a valid, gap-free chain from 10,000 concurrent writes sealed by concurrent sealers', async () => {
    const writes = Array.from({ length: 10_000 }, (_, i) =>
      appendAuditEvent(
        database.db,
        buildAuditEvent({ requestId: `req-${i}` }),
        new Date(Date.UTC(2026, 10, 23, 12, 0, 0, i % 1000)),
      ),
    );
    // Sealers run while the writes are still arriving, as the timer of every instance would.
    const sealers = Array.from({ length: 4 }, () => sealAuditJournal(database.db));
    await Promise.all(writes);
    const sealedDuringWrites = (await Promise.all(sealers)).reduce((sum, n) => sum + n, 0);
    const sealedAfter = await sealAuditJournal(database.db);
    expect(sealedDuringWrites + sealedAfter).toBe(10_000);
    expect(await countUnsealedAuditEvents(database.db)).toBe(0);
    const requestIds = await database.db.selectFrom('audit_events').select('request_id').execute();
    expect(new Set(requestIds.map((row) => row.request_id)).size).toBe(10_000);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toEqual({ valid: true, rowsChecked: 10_000 });
  }, 300_000);

  it('drops the event of a change that rolls back, and refuses edits to waiting events', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await appendAuditEvent(tx, buildAuditEvent({ requestId: 'rolled-back' }), new Date());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await appendAuditEvent(database.db, buildAuditEvent({ requestId: 'waiting' }), new Date());
    await expect(
      sql`update audit_journal set object_id = 'someone-else' where request_id = 'waiting'`.execute(
        database.db,
      ),
    ).rejects.toThrow(/cannot be changed/);
    expect(await sealAuditJournal(database.db)).toBe(1);
    const last = await database.db
      .selectFrom('audit_events')
      .select(['seq', 'request_id'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(last.map((row) => [Number(row.seq), row.request_id])).toEqual([
      [10_001, 'waiting'],
      [10_000, expect.stringMatching(/^req-/)],
    ]);
    expect(await verifyAuditChain(database.db)).toEqual({ valid: true, rowsChecked: 10_001 });
  });

  it('refuses updates, deletes and truncation by the application', async () => {
    await expect(
      sql`update audit_events set action = 'person.update' where seq = 1`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where seq = 2`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first altered row when someone with owner rights edits one directly', async () => {
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(database.db);
    await sql`update audit_events set object_id = 'someone-else' where seq = 4711`.execute(database.db);
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(database.db);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ valid: false, firstBreak: { seq: 4711, reason: 'hash-mismatch' } });
    expect(describeVerdict(verdict)).toBe(
      'Audit trail BROKEN at row 4711: its content does not match its hash (the row was altered).',
    );
  });

  it('notices a removed row', async () => {
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(database.db);
    await sql`update audit_events set object_id = '00000000-0000-4000-8000-000000000999' where seq = 4711`.execute(
      database.db,
    );
    await sql`delete from audit_events where seq = 9000`.execute(database.db);
    await sql`alter table audit_events enable trigger audit_events_append_only`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      valid: false,
      firstBreak: { seq: 9001, reason: 'sequence-gap' },
    });
  });
});
