import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import type { PrivacyDeps } from '../../src/privacy/deps.js';
import { previewRetention, runRetention } from '../../src/privacy/retention-service.js';
import { privacyHolders } from '../../src/server/privacy-holders.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * Issue 18, item 1: the daily retention job with a fixed clock. The demo's former ally left on 2026-07-01
 * (365 days), Yasmina withdrew consent (30 days), a candidate was not admitted (180 days) and an old contact
 * note lies in the log (730 days): on 2027-08-01 every one of them has expired.
 */
const CLOCK = new Date('2027-08-01T04:00:00Z');
let server: TestServer;
let deps: PrivacyDeps;
let anouk: string;
let petra: string;
let formerId: string;
let yasminaId: string;
let candidateId: string;
let esraId: string;

beforeAll(async () => {
  server = await startTestServer();
  anouk = await signInAs(server.url, 'Anouk Terpstra');
  petra = await signInAs(server.url, 'Petra Lindeboom');
  const db = server.database.db;
  const clocked = { ...server.deps, now: () => CLOCK };
  deps = { ...clocked, personDataHolders: privacyHolders(clocked) };
  formerId = (
    await db
      .selectFrom('person_farewells')
      .select('person_id')
      .where('ended_on', '=', '2026-07-01')
      .executeTakeFirstOrThrow()
  ).person_id;
  yasminaId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Yasmina el Ouali')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .updateTable('people')
    .set({ legal_basis: 'consent', consent_date: '2024-03-01', consent_withdrawn_on: '2027-06-15' })
    .where('id', '=', yasminaId)
    .execute();
  candidateId = (
    await db
      .updateTable('selection_candidates')
      .set({ decided_at: new Date('2026-12-01T10:00:00Z') })
      .where('display_name', '=', 'Ruud Vermeer')
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const sanne = await db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', 'Sanne Verhoef')
    .executeTakeFirstOrThrow();
  esraId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Esra Demirtaş-Kuipers')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('person_contacts')
    .values([
      {
        person_id: esraId,
        contacted_on: '2025-06-01',
        user_id: sanne.id,
        channel: 'phone',
        gist: 'Fictief oud gesprek',
        created_at: new Date('2025-06-01T10:00:00Z'),
      },
      {
        person_id: esraId,
        contacted_on: '2027-07-20',
        user_id: sanne.id,
        channel: 'phone',
        gist: 'Fictief recent gesprek',
        created_at: new Date('2027-07-20T10:00:00Z'),
      },
    ])
    .execute();
});
afterAll(async () => {
  await server?.close();
});

describe(`retention on ${TEST_ENGINE}`, () => {
  it('previews what expires today and soon without changing anything', async () => {
    const preview = await previewRetention(deps, undefined, 30);
    expect(preview.today).toBe('2027-08-01');
    const byKind = Object.fromEntries(preview.kinds.map((k) => [k.kind, k]));
    expect(byKind['former-member']).toMatchObject({ days: 365, dueToday: 1 });
    expect(byKind['consent-withdrawn']).toMatchObject({ days: 30, dueToday: 1 });
    expect(byKind['not-admitted']?.dueToday).toBeGreaterThanOrEqual(1);
    expect(byKind['contact-notes']).toMatchObject({ dueToday: 1, dueWithin: 1 });
    const still = await server.database.db
      .selectFrom('people')
      .select('erased_at')
      .where('id', '=', formerId)
      .executeTakeFirstOrThrow();
    expect(still.erased_at).toBeNull();
  });

  it('two instances running at once expire everything once, audited with counts only, chain valid', async () => {
    const db = server.database.db;
    const [a, b] = await Promise.all([runRetention(deps), runRetention(deps)]);
    const outcomes = [...a, ...b];
    expect(outcomes).toHaveLength(1);
    const counts = Object.fromEntries((outcomes[0]?.counts ?? []).map((c) => [c.kind, c.expired]));
    expect(counts).toMatchObject({ 'former-member': 1, 'consent-withdrawn': 1, 'contact-notes': 1 });
    expect(counts['not-admitted']).toBeGreaterThanOrEqual(1);

    const erasures = await db
      .selectFrom('person_erasures')
      .select(['person_id', 'reason', 'erased_by'])
      .orderBy('reason')
      .execute();
    expect(erasures).toEqual([
      { person_id: yasminaId, reason: 'consent-withdrawn', erased_by: null },
      { person_id: formerId, reason: 'no-longer-needed', erased_by: null },
    ]);
    const people = await db
      .selectFrom('people')
      .select(['display_name', 'email', 'erased_at'])
      .where('id', 'in', [formerId, yasminaId])
      .execute();
    for (const person of people)
      expect(person).toMatchObject({ display_name: 'Gewiste persoon', email: null });
    const candidate = await db
      .selectFrom('selection_candidates')
      .select(['display_name', 'mobile', 'motivation', 'status'])
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    expect(candidate).toEqual({
      display_name: 'Gewiste kandidaat',
      mobile: null,
      motivation: null,
      status: 'not_admitted',
    });
    // The erased person's contact log went with the erasure; nobody else's recent note was touched.
    expect(
      await db.selectFrom('person_contacts').select('gist').where('person_id', '=', formerId).execute(),
    ).toEqual([]);

    await sealAuditJournal(db);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'object_type', 'object_id', 'channel', 'actor_user_id'])
      .where('channel', '=', 'job')
      .orderBy('seq')
      .execute();
    expect(audit.filter((row) => row.action === 'privacy.retention-run')).toEqual([
      {
        action: 'privacy.retention-run',
        object_type: 'retention-run',
        object_id: outcomes[0]?.runId,
        channel: 'job',
        actor_user_id: null,
      },
    ]);
    expect(
      audit
        .filter((row) => row.action === 'person.erase')
        .map((row) => row.object_id)
        .sort(),
    ).toEqual([formerId, yasminaId].sort());
    await sealAuditJournal(db);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
    // No log line names a person.
    expect(server.logLines.some((line) => line.includes('Yasmina') || line.includes('Ruud'))).toBe(false);

    // Later the same day nothing runs again; the next day nothing is left to expire.
    expect(await runRetention(deps)).toEqual([]);
    const nextDay = await runRetention({ ...deps, now: () => new Date('2027-08-02T04:00:00Z') });
    expect(nextDay[0]?.counts.every((c) => c.expired === 0)).toBe(true);
  });

  it('serves the rules, the preview and changes to administrators only, problem+json on bad input', async () => {
    // The run above (clock in 2027) deleted the sessions of the sign-ins made at the start (kind local-sessions).
    anouk = await signInAs(server.url, 'Anouk Terpstra');
    petra = await signInAs(server.url, 'Petra Lindeboom');
    const rules = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/retention');
    expect(rules.status).toBe(200);
    expect(rules.body.rules.map((r: { kind: string }) => r.kind)).toEqual([
      'former-member',
      'consent-withdrawn',
      'not-admitted',
      'contact-notes',
      'call-out-records',
      'meeting-records',
      'local-sessions',
      'key-figures-inactive',
    ]);
    expect(rules.body.recentRuns.length).toBeGreaterThanOrEqual(1);
    expect((await callApi(server.url, petra, 'GET', '/api/v1/privacy/retention')).status).toBe(403);

    const tooShort = await callApi(server.url, anouk, 'PUT', '/api/v1/privacy/retention/former-member', {
      days: 3,
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.headers.get('content-type')).toContain('application/problem+json');
    expect(tooShort.body.errors[0]).toMatchObject({ field: 'body.days' });
    const unknownKind = await callApi(server.url, anouk, 'PUT', '/api/v1/privacy/retention/everything', {
      days: 60,
    });
    expect(unknownKind.status).toBe(400);
    const set = await callApi(server.url, anouk, 'PUT', '/api/v1/privacy/retention/former-member', {
      days: 540,
    });
    expect(set.status).toBe(200);
    expect(set.body.rules[0]).toMatchObject({ kind: 'former-member', days: 540, defaultDays: 365 });
    await sealAuditJournal(server.database.db);
    const audited = await server.database.db
      .selectFrom('audit_events')
      .select('object_type')
      .where('action', '=', 'privacy.retention-rule')
      .execute();
    expect(audited).toEqual([{ object_type: 'municipality' }]);

    const preview = await callApi(
      server.url,
      anouk,
      'GET',
      '/api/v1/privacy/retention/preview?withinDays=60',
    );
    expect(preview.status).toBe(200);
    expect(preview.body.kinds).toHaveLength(8);
    const bad = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/retention/preview?withinDays=0');
    expect(bad.status).toBe(400);
  });

  it('serves the processing register generated from the rules in force and the registry, audited', async () => {
    const register = await callApi(server.url, anouk, 'GET', '/api/v1/privacy/register');
    expect(register.status).toBe(200);
    expect(register.body.retention.find((r: { kind: string }) => r.kind === 'former-member')).toMatchObject({
      days: 540,
      defaultDays: 365,
    });
    expect(register.body.holders.map((h: { name: string }) => h.name)).toEqual(
      expect.arrayContaining(['network', 'call-outs', 'meetings', 'signals', 'selection', 'evaluation']),
    );
    expect(register.body.holders.find((h: { name: string }) => h.name === 'signals')).toMatchObject({
      erase: true,
      retentionKinds: ['contact-notes'],
    });
    expect((await callApi(server.url, petra, 'GET', '/api/v1/privacy/register')).status).toBe(403);
    await sealAuditJournal(server.database.db);
    const audited = await server.database.db
      .selectFrom('audit_events')
      .select('result')
      .where('action', '=', 'privacy.register-read')
      .execute();
    expect(audited).toEqual([{ result: 'success' }]);
  });
});
