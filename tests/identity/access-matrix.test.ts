import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { loadAccessProfile } from '../../src/identity/access.js';
import { LocalDirectory } from '../../src/identity/local-directory.js';
import { EmbeddedCalendar } from '../../src/meetings/embedded-calendar.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import { createSignal } from '../../src/signals/signal-service.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';

/**
 * Every signed-in /api/v1 route in the OpenAPI document × every way a caller can be wrong: only a
 * valid token of a user with the right role gets through, and each refusal is in the audit trail.
 */
const TENANT = '11111111-1111-4111-8111-111111111111';
const FOREIGN_TENANT = '55555555-5555-4555-8555-555555555555';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;
const ROLE_HOLDER = '66666666-6666-4666-8666-666666666666';
const NO_ROLE = '77777777-7777-4777-8777-777777777777';

let entra: EntraStandIn;
let database: DatabaseHandle;
let server: TestServer;
let havenId: string;
let demoUserId: string;
let spareAdminId: string;
let sanneId: string;
let yasminaId: string;
let havenWijkId: string;
let yasminaRelationId: string;
let knowsTypeId: string;
let esraId: string;
let municipalityId: string;
let communityId: string;
let spareOrganisationId: string;
let spareRelationTypeId: string;
let poortId: string;
let callOutId: string;
let conveneCallOutId: string;
let meetingId: string;
let pastMeetingId: string;
let cancelMeetingId: string;
let meetingLocationId: string;
let meetingActionId: string;
let spareWijkId: string;
let signalId: string;
/** A person of its own for the privacy routes, so withdrawing or erasing leaves the other rows' people alone. */
let privacyPersonId: string;
let leavingPersonId: string;
let evaluationId: string;
let absenceId: string;
let petraId: string;
let havenAllyIds: string[];
/** Selection candidates, one per route that moves a candidate on (each in the status that route needs). */
const candidateIds: Record<'matches' | 'status' | 'visit' | 'approvals', string> = {
  matches: '',
  status: '',
  visit: '',
  approvals: '',
};

/** A fictional Teams meeting thread and the join link Graph would return for it. */
const MATRIX_THREAD_ID = '19:meeting_TWF0cml4T3ZlcmxlZw@thread.v2';
const MATRIX_JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(MATRIX_THREAD_ID)}/0`;

type Op = { method: string; path: string; security?: unknown[] };
let operations: Op[] = [];

async function userIdOf(objectId: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('users')
    .select('id')
    .where('aad_object_id', '=', objectId)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function auditCount(): Promise<number> {
  await sealAuditJournal(server.database.db);
  const row = await server.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function lastAuditAction(): Promise<string> {
  await sealAuditJournal(server.database.db);
  const row = await server.database.db
    .selectFrom('audit_events')
    .select('action')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.action;
}

beforeAll(async () => {
  entra = await startEntraStandIn({ audience: AUDIENCE });
  database = await createTestDatabase({ seed: true });
  server = await startTestServer({
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'matrix-secret',
      AAD_TENANT_ID: TENANT,
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
      BOOTSTRAP_ADMINS: ROLE_HOLDER,
    },
    // Authorisation is under test here, not Microsoft Graph (tests/m365 covers that): the local
    // directory adapter over the seeded staff answers the allowed calls.
    directory: new LocalDirectory(database.db, [DEMO_TENANT_ID]),
    // Meetings in the embedded calendar: tests/meetings covers the Graph calendar adapter.
    calendar: new EmbeddedCalendar(database.db),
    database,
  });
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  demoUserId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Dewi Sastromedjo')
      .executeTakeFirstOrThrow()
  ).id;
  spareAdminId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Fleur Oosterhout')
      .executeTakeFirstOrThrow()
  ).id;
  // The role holder signs in once (bootstrap administrator) and coordinates Haven; the other has nothing.
  for (const oid of [ROLE_HOLDER, NO_ROLE]) {
    await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${await entra.issueToken(TENANT, { oid })}` },
    });
  }
  await db
    .insertInto('network_roles')
    .values({ network_id: havenId, user_id: await userIdOf(ROLE_HOLDER), role: 'coordinator' })
    .execute();
  await db.insertInto('administrators').values({ user_id: spareAdminId }).execute();
  sanneId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Sanne Verhoef')
      .executeTakeFirstOrThrow()
  ).id;
  // Petra (secretary of Haven) leaves in the hand-over's row; Sanne takes over.
  petraId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Petra Lindeboom')
      .executeTakeFirstOrThrow()
  ).id;
  yasminaId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Yasmina el Ouali')
      .executeTakeFirstOrThrow()
  ).id;
  yasminaRelationId = (
    await db.selectFrom('relations').select('id').where('person_id', '=', yasminaId).executeTakeFirstOrThrow()
  ).id;
  knowsTypeId = (
    await db
      .selectFrom('relation_types')
      .select('id')
      .where('label', '=', 'is familie van')
      .executeTakeFirstOrThrow()
  ).id;
  esraId = (
    await db
      .selectFrom('people')
      .select('id')
      .where('display_name', '=', 'Esra Demirtaş-Kuipers')
      .executeTakeFirstOrThrow()
  ).id;
  municipalityId = (await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
  privacyPersonId = (
    await db
      .insertInto('people')
      .values({
        municipality_id: municipalityId,
        display_name: 'Fictieve Privacypersoon',
        kind: 'key_figure',
        legal_basis: 'consent',
        consent_date: '2025-05-01',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  communityId = (
    await db.selectFrom('communities').select('id').where('name', '=', 'Joods').executeTakeFirstOrThrow()
  ).id;
  // Unused entries of the managed lists, so that deleting them succeeds for the administrator.
  spareOrganisationId = (
    await db
      .insertInto('organisations')
      .values({ municipality_id: municipalityId, name: 'Fictieve Vereniging', kind: 'vereniging' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // A key figure of Haven the role holder says goodbye to (the farewell ends a membership only once).
  leavingPersonId = (
    await db
      .insertInto('people')
      .values({ municipality_id: municipalityId, display_name: 'Fictieve Vertrekker', kind: 'key_figure' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('network_people').values({ network_id: havenId, person_id: leavingPersonId }).execute();
  // An absence of Sanne's in Haven to remove.
  absenceId = (
    await db
      .insertInto('staff_absences')
      .values({
        user_id: sanneId,
        starts_on: '2099-01-04',
        ends_on: '2099-01-08',
        note: null,
        recorded_by: sanneId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // Sanne's introduction in Haven to read and tick (as if she had just been granted her role).
  await db
    .insertInto('introductions')
    .values({ network_id: havenId, user_id: sanneId, started_on: '2026-01-05' })
    .execute();
  // A past half-yearly evaluation of Haven to read back, and Haven's allies for a new one.
  evaluationId = (
    await db
      .insertInto('evaluations')
      .values({
        id: crypto.randomUUID(),
        network_id: havenId,
        period_from: '2026-01-01',
        period_to: '2026-06-30',
        held_on: '2026-06-30',
        mix_note: null,
        gaps_note: null,
        general_note: null,
        coverage_gaps: 0,
        recorded_by: null,
        recorded_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  havenAllyIds = (
    await db
      .selectFrom('people')
      .innerJoin('network_people', 'network_people.person_id', 'people.id')
      .select('people.id')
      .where('network_people.network_id', '=', havenId)
      .where('people.kind', '=', 'ally')
      .execute()
  ).map((row) => row.id);
  spareRelationTypeId = (
    await db
      .insertInto('relation_types')
      .values({
        municipality_id: municipalityId,
        label: 'buurman van',
        inverse_label: 'buurman van',
        target_kind: 'person',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  poortId = (await db.selectFrom('areas').select('id').where('name', '=', 'Poort').executeTakeFirstOrThrow())
    .id;
  havenWijkId = (
    await db.selectFrom('areas').select('id').where('name', '=', 'De Velden').executeTakeFirstOrThrow()
  ).id;
  // A call-out in Haven started by the role holder (so they are a recipient) with Yasmina on the call list.
  const callOutPlace = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', 'Centrum Haven')
    .executeTakeFirstOrThrow();
  const callOutCommunity = await db
    .selectFrom('communities')
    .select('id')
    .where('name', '=', 'Marokkaans')
    .executeTakeFirstOrThrow();
  callOutId = (
    await startCallOut(
      db,
      { actorUserId: null, channel: 'api', clientAddress: null, requestId: null },
      await loadAccessProfile(db, await userIdOf(ROLE_HOLDER)),
      {
        kind: 'incident',
        urgency: 'immediate',
        summary: 'Fictief incident',
        ask: 'Kom',
        placeIds: [callOutPlace.id],
        communityIds: [callOutCommunity.id],
      },
      new Date(),
    )
  ).id;
  // Bijeenkomst nu gets a call-out of its own: the first one may be closed by the time its route runs.
  conveneCallOutId = (
    await startCallOut(
      db,
      { actorUserId: null, channel: 'api', clientAddress: null, requestId: null },
      await loadAccessProfile(db, await userIdOf(ROLE_HOLDER)),
      {
        kind: 'tension',
        urgency: 'immediate',
        summary: 'Fictief',
        ask: 'Kom',
        placeIds: [callOutPlace.id],
        communityIds: [],
      },
      new Date(),
    )
  ).id;
  // Meetings of Haven to act on: a future one, one to cancel, one that took place (with an action).
  const meeting = (date: string) => ({
    network_id: havenId,
    meeting_date: date,
    starts_at: `${date}T16:00:00Z`,
    ends_at: `${date}T18:00:00Z`,
    organiser: 'secretaris@example.org',
    intent_id: crypto.randomUUID(),
  });
  [meetingId, cancelMeetingId, pastMeetingId] = (
    await db
      .insertInto('meetings')
      .values([meeting('2027-06-01'), meeting('2027-06-15'), meeting('2026-10-06')])
      .returning('id')
      .execute()
  ).map((row) => row.id) as [string, string, string];
  // A meeting of its own with a Teams join link, for the side panel's look-up (GET /teams-meetings/context):
  // moving meetingId would replace its link with the local calendar's.
  await db
    .insertInto('meetings')
    .values({
      ...meeting('2027-07-06'),
      online_meeting: true,
      join_url: MATRIX_JOIN_URL,
      teams_thread_id: MATRIX_THREAD_ID,
    })
    .execute();
  meetingActionId = (
    await db
      .insertInto('meeting_actions')
      .values({ meeting_id: pastMeetingId, network_id: havenId, description: 'Fictieve actie' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  meetingLocationId = (
    await db
      .insertInto('meeting_locations')
      .values({ network_id: havenId, name: 'Fictief wijkcentrum', kind: 'community-centre' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // An unused wijk for the area routes: renamed, then deleted at the end (nothing uses it).
  spareWijkId = (
    await db
      .insertInto('areas')
      .values({
        municipality_id: municipalityId,
        kind: 'neighbourhood',
        parent_id: poortId,
        name: 'Fictieve wijk',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // A signal of Haven for the signal routes (issue 17).
  signalId = (
    await createSignal(
      db,
      { actorUserId: null, channel: 'api', clientAddress: null, requestId: null },
      await loadAccessProfile(db, await userIdOf(ROLE_HOLDER)),
      havenId,
      {
        personId: yasminaId,
        channel: 'phone',
        urgency: 'information',
        wijkIds: [havenWijkId],
        communityIds: [],
        themes: ['overlast'],
        text: 'Fictief signaal',
        assessment: null,
      },
      new Date(),
    )
  ).id;
  const yasminaMobile = (
    await db.selectFrom('people').select('mobile').where('id', '=', yasminaId).executeTakeFirstOrThrow()
  ).mobile;
  const candidate = async (name: string, status: 'proposed' | 'under_review' | 'visit_planned' | 'visited') =>
    (
      await db
        .insertInto('selection_candidates')
        .values({
          network_id: havenId,
          display_name: name,
          // The first one shares Yasmina's mobile: a possible match to decide on.
          mobile: status === 'proposed' ? yasminaMobile : null,
          proposed_by_party: 'politie',
          motivation: 'Fictief',
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  candidateIds.matches = await candidate('Fictieve Kandidaat A', 'proposed');
  candidateIds.status = await candidate('Fictieve Kandidaat B', 'under_review');
  candidateIds.visit = await candidate('Fictieve Kandidaat C', 'visit_planned');
  candidateIds.approvals = await candidate('Fictieve Kandidaat D', 'visited');
  await db
    .insertInto('selection_visits')
    .values({
      candidate_id: candidateIds.approvals,
      visited_on: '2026-11-20',
      gemeente_visitor_id: sanneId,
      politie_visitor_id: null,
      outcome: 'positive',
      note: null,
      article_1_accepted: true,
      confidentiality_accepted: true,
      crisis_availability_accepted: true,
      consent_date: '2026-11-20',
      legal_basis: 'consent',
      recorded_by_user_id: sanneId,
    })
    .execute();
  const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Op>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      security: op.security,
    })),
  );
});
afterAll(async () => {
  await server?.close();
  await database?.close();
  await entra?.close();
});

/** How to call each route successfully as the role holder; a route missing here fails the suite. */
function requestFor(op: Op): { url: string; body?: unknown; okStatus: number } {
  const userFor: Record<string, string> = {
    '/api/v1/administrators/{userId}': spareAdminId,
    '/api/v1/networks/{networkId}/roles/{userId}/backup': sanneId,
    '/api/v1/networks/{networkId}/introductions/{userId}': sanneId,
    '/api/v1/networks/{networkId}/introductions/{userId}/items/{itemKey}': sanneId,
    '/api/v1/networks/{networkId}/hand-over/{userId}': petraId,
  };
  const meetingFor: Record<string, string> = {
    '/api/v1/networks/{networkId}/meetings/{meetingId}/cancel': cancelMeetingId,
    '/api/v1/networks/{networkId}/meetings/{meetingId}/record': pastMeetingId,
  };
  const candidateFor = (path: string) =>
    path.endsWith('/status')
      ? candidateIds.status
      : path.endsWith('/visit')
        ? candidateIds.visit
        : path.endsWith('/approvals')
          ? candidateIds.approvals
          : candidateIds.matches;
  const fill = (path: string) =>
    `${server.url}${path
      .replace('{candidateId}', candidateFor(path))
      .replace('{networkId}', havenId)
      .replace(
        '{personId}',
        op.path.startsWith('/api/v1/privacy/')
          ? privacyPersonId
          : op.path.endsWith('/farewell')
            ? leavingPersonId
            : yasminaId,
      )
      .replace('{relationId}', yasminaRelationId)
      .replace('{municipalityId}', municipalityId)
      .replace('{communityId}', communityId)
      .replace('{organisationId}', spareOrganisationId)
      .replace('{relationTypeId}', spareRelationTypeId)
      .replace('{userId}', userFor[op.path] ?? demoUserId)
      .replace('{meetingId}', meetingFor[op.path] ?? meetingId)
      .replace('{locationId}', meetingLocationId)
      .replace('{actionId}', meetingActionId)
      .replace('{callOutId}', op.path.endsWith('/meeting') ? conveneCallOutId : callOutId)
      .replace('{areaId}', spareWijkId)
      .replace('{signalId}', signalId)
      .replace('{code}', 'overig')
      .replace('{evaluationId}', evaluationId)
      .replace('{absenceId}', absenceId)
      .replace('{itemKey}', 'network-page')
      // No proposal is merged into the candidate: the permitted caller gets the field error, nothing changes.
      .replace('{mergedId}', '99999999-9999-4999-8999-999999999999')
      .replace('{region}', 'midden')
      .replace('{kind}', 'contact-notes')}`;
  const table: Record<string, { body?: unknown; okStatus: number; query?: string }> = {
    'GET /api/v1/me': { okStatus: 200 },
    'GET /api/v1/areas': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/roles': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/roles/{userId}': { body: { role: 'viewer' }, okStatus: 200 },
    'DELETE /api/v1/networks/{networkId}/roles/{userId}': { okStatus: 204 },
    'GET /api/v1/staff': { okStatus: 200 },
    'GET /api/v1/staff/tenants': { okStatus: 200 },
    'GET /api/v1/directory/users': { okStatus: 200, query: '?q=Dewi' },
    'POST /api/v1/staff': {
      body: { objectId: DEMO_STAFF[1]?.objectId, tenantId: DEMO_TENANT_ID },
      okStatus: 201,
    },
    // The local run has no second tenant: an administrator passes the permission and meets the tenant rule.
    'POST /api/v1/staff/external': {
      body: {
        tenantId: '44444444-4444-4444-8444-444444444444',
        email: 'w.agent@politie.example.org',
        displayName: 'W. Agent',
      },
      okStatus: 422,
    },
    'PUT /api/v1/administrators/{userId}': { okStatus: 204 },
    'DELETE /api/v1/administrators/{userId}': { okStatus: 204 },
    'GET /api/v1/audit-events': { okStatus: 200 },
    'GET /api/v1/audit-events/export': { okStatus: 200 },
    'GET /api/v1/audit-events/verification': { okStatus: 200 },
    'GET /api/v1/audit-events/actors': { okStatus: 200 },
    'POST /api/v1/privacy/people/{personId}/consent-withdrawal': {
      body: { withdrawnOn: '2026-12-01' },
      okStatus: 200,
    },
    'GET /api/v1/privacy/people/{personId}/inzage': { okStatus: 200 },
    'GET /api/v1/privacy/people/{personId}/inzage.pdf': { okStatus: 200 },
    'POST /api/v1/privacy/people/{personId}/erasure': {
      body: { reason: 'data-subject-request', confirm: true },
      okStatus: 200,
    },
    // The municipality is named: POST /municipalities (earlier in the document) adds a second one.
    'GET /api/v1/privacy/retention': { okStatus: 200, query: 'municipality' },
    'PUT /api/v1/privacy/retention/{kind}': { body: { days: 730 }, okStatus: 200, query: 'municipality' },
    'GET /api/v1/privacy/retention/preview': { okStatus: 200, query: 'municipality' },
    'GET /api/v1/privacy/register': { okStatus: 200, query: 'municipality' },
    'GET /api/v1/privacy/register.pdf': { okStatus: 200, query: 'municipality' },
    'GET /api/v1/privacy/people': { okStatus: 200, query: `?q=Yas&municipalityId=${municipalityId}` },
    'GET /api/v1/networks/{networkId}': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/coverage': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/coverage/relevance': {
      body: { neighbourhoodId: havenWijkId, communityIds: [] },
      okStatus: 200,
    },
    'PUT /api/v1/networks/{networkId}/roles/{userId}/backup': { body: { backupUserId: null }, okStatus: 200 },
    'GET /api/v1/networks/{networkId}/communities': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/people': {
      body: { displayName: 'Fictieve Sleutelfiguur', consentDate: '2026-01-05' },
      okStatus: 201,
    },
    'GET /api/v1/people/{personId}': { okStatus: 200 },
    'PATCH /api/v1/people/{personId}': {
      body: { version: 1, availability: 'Doordeweeks na 18 uur' },
      okStatus: 200,
    },
    'GET /api/v1/networks/{networkId}/representativeness': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/target-profile': {
      body: { dimension: 'gender', targets: [{ value: 'female', share: 0.5 }] },
      okStatus: 200,
    },
    'GET /api/v1/people': { okStatus: 200, query: '?q=Yasmina' },
    'GET /api/v1/people/{personId}/history': { okStatus: 200 },
    'POST /api/v1/people/{personId}/farewell': {
      body: { version: 1, endedOn: '2026-11-30', reason: 'moved', thanked: true },
      okStatus: 201,
    },
    'GET /api/v1/people/{personId}/farewell': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/evaluations': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/evaluation-due': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/evaluations/draft': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/evaluations': { body: 'evaluation', okStatus: 201 },
    'GET /api/v1/networks/{networkId}/evaluations/{evaluationId}': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/evaluation-schedule': {
      body: { nextDueOn: '2027-06-01' },
      okStatus: 200,
    },
    'GET /api/v1/networks/{networkId}/absences': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/absences': {
      body: { userId: sanneId, startsOn: '2099-02-01', endsOn: '2099-02-05' },
      okStatus: 201,
    },
    // Entra mode with the demo staff in a tenant the matrix's app does not serve: the permission passes and the
    // tenant rule refuses (409 tenant-not-served) before Entra or Graph are asked.
    'GET /api/v1/networks/{networkId}/absences/outlook': { okStatus: 409, query: `?userId=${sanneId}` },
    'DELETE /api/v1/networks/{networkId}/absences/{absenceId}': { okStatus: 204 },
    'GET /api/v1/networks/{networkId}/introductions': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/introductions/{userId}': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/introductions/{userId}/items/{itemKey}': {
      body: { done: true, doneOn: '2026-01-06' },
      okStatus: 200,
    },
    'GET /api/v1/networks/{networkId}/hand-over/{userId}': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/hand-over/{userId}': { body: { toUserId: sanneId }, okStatus: 201 },
    'GET /api/v1/people/{personId}/relations': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/selection': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/selection/candidates': {
      body: { displayName: 'Fictieve Voorgedragene', motivation: 'Fictief' },
      okStatus: 201,
    },
    'GET /api/v1/networks/{networkId}/selection/candidates/{candidateId}': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/selection/candidates/{candidateId}/matches': {
      body: 'match',
      okStatus: 200,
    },
    'PUT /api/v1/networks/{networkId}/selection/candidates/{candidateId}/assessments': {
      body: { assessments: [{ criterion: 'article_1', verdict: 'meets' }] },
      okStatus: 200,
    },
    'POST /api/v1/networks/{networkId}/selection/candidates/{candidateId}/status': {
      body: { version: 1, status: 'visit_planned', visitPlannedOn: '2026-12-10' },
      okStatus: 200,
    },
    'PUT /api/v1/networks/{networkId}/selection/candidates/{candidateId}/visit': {
      body: {
        visitedOn: '2026-12-01',
        gemeenteVisitorId: sanneId,
        outcome: 'positive',
        article1Accepted: true,
        confidentialityAccepted: true,
        crisisAvailabilityAccepted: true,
        consentDate: '2026-12-01',
        legalBasis: 'consent',
      },
      okStatus: 200,
    },
    'POST /api/v1/networks/{networkId}/selection/candidates/{candidateId}/approvals': { okStatus: 200 },
    'DELETE /api/v1/networks/{networkId}/selection/candidates/{candidateId}/merges/{mergedId}': {
      okStatus: 400,
    },
    'POST /api/v1/people/{personId}/relations': { body: 'relation', okStatus: 201 },
    'PUT /api/v1/people/{personId}/relations/{relationId}': { body: { until: '2026-11-01' }, okStatus: 200 },
    'GET /api/v1/networks/{networkId}/graph': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/relation-choices': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/imports/preview': {
      body: { csv: 'naam;toestemmingsdatum\r\nFictieve Import;2026-11-01\r\n' },
      okStatus: 200,
    },
    'POST /api/v1/networks/{networkId}/imports': {
      body: { csv: 'naam;toestemmingsdatum\r\nFictieve Import;2026-11-01\r\n' },
      okStatus: 201,
    },
    'GET /api/v1/networks/{networkId}/export': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/crisis-sheet': { okStatus: 200 },
    'POST /api/v1/networks': { body: 'network', okStatus: 201 },
    'PATCH /api/v1/networks/{networkId}': { body: { status: 'active' }, okStatus: 200 },
    'GET /api/v1/municipalities/{municipalityId}/communities': { okStatus: 200 },
    'POST /api/v1/municipalities/{municipalityId}/communities': {
      body: { name: 'Vissers', category: 'group' },
      okStatus: 201,
    },
    'PATCH /api/v1/municipalities/{municipalityId}/communities/{communityId}': {
      body: { traditions: ['jewish'] },
      okStatus: 200,
    },
    'GET /api/v1/municipalities/{municipalityId}/organisations': { okStatus: 200 },
    'POST /api/v1/municipalities/{municipalityId}/organisations': {
      body: { name: 'Fictieve Sportclub', kind: 'sportvereniging' },
      okStatus: 201,
    },
    'PATCH /api/v1/municipalities/{municipalityId}/organisations/{organisationId}': {
      body: { kind: 'stichting' },
      okStatus: 200,
    },
    'DELETE /api/v1/municipalities/{municipalityId}/organisations/{organisationId}': { okStatus: 204 },
    'GET /api/v1/municipalities/{municipalityId}/relation-types': { okStatus: 200 },
    'POST /api/v1/municipalities/{municipalityId}/relation-types': {
      body: { label: 'is trainer van', inverseLabel: 'heeft als trainer', targetKind: 'organisation' },
      okStatus: 201,
    },
    'PATCH /api/v1/municipalities/{municipalityId}/relation-types/{relationTypeId}': {
      body: { inverseLabel: 'is buurman van' },
      okStatus: 200,
    },
    'DELETE /api/v1/municipalities/{municipalityId}/relation-types/{relationTypeId}': { okStatus: 204 },
    'GET /api/v1/municipalities/{municipalityId}/networks': { okStatus: 200 },
    'GET /api/v1/municipalities/{municipalityId}/settings': { okStatus: 200 },
    'PUT /api/v1/municipalities/{municipalityId}/settings': {
      body: { allySoftLimit: 10, allyHardLimit: 15 },
      okStatus: 200,
    },
    'POST /api/v1/call-outs/preview': { body: 'callOut', okStatus: 200 },
    'POST /api/v1/call-outs/preview-card': { body: 'callOut', okStatus: 200 },
    'POST /api/v1/call-outs': { body: 'callOut', okStatus: 201 },
    'GET /api/v1/call-outs': { okStatus: 200 },
    'GET /api/v1/call-outs/closed': { okStatus: 200 },
    'GET /api/v1/call-outs/{callOutId}': { okStatus: 200 },
    'GET /api/v1/call-outs/{callOutId}/page': { okStatus: 200 },
    'GET /api/v1/call-outs/{callOutId}/change-stamp': { okStatus: 200 },
    'POST /api/v1/call-outs/{callOutId}/answers': { body: { answer: 'coming' }, okStatus: 200 },
    // Past the door, a link nobody was mailed is unknown (tests/bot/call-out-answer-link.test.ts covers real ones).
    'POST /api/v1/answer-links/open': { body: { token: 'C'.repeat(43) }, okStatus: 404 },
    'POST /api/v1/answer-links/answer': { body: { token: 'C'.repeat(43), answer: 'coming' }, okStatus: 404 },
    'POST /api/v1/call-outs/{callOutId}/calls': { body: 'call', okStatus: 201 },
    'POST /api/v1/call-outs/{callOutId}/close': {
      body: { evaluationNote: 'Fictieve evaluatie' },
      okStatus: 200,
    },
    'GET /api/v1/call-outs/{callOutId}/timeline': { okStatus: 200 },
    'GET /api/v1/call-outs/{callOutId}/timeline.csv': { okStatus: 200 },
    'GET /api/v1/call-outs/{callOutId}/timeline.pdf': { okStatus: 200 },
    'POST /api/v1/call-outs/{callOutId}/meeting': { body: {}, okStatus: 200 },
    'GET /api/v1/call-outs/{callOutId}/meeting': { okStatus: 200 },
    // Escalation settings and crisis team (the role holder administers the one seeded municipality).
    // The municipality is named: POST /municipalities (earlier in the document) adds a second one.
    'GET /api/v1/call-out-settings': { okStatus: 200, query: 'municipality' },
    'PUT /api/v1/call-out-settings': {
      query: 'municipality',
      body: {
        backupAfterMinutes: 12,
        minAvailableStaff: 2,
        nextGroupAfterMinutes: 25,
        reminderAfterMinutes: 5,
      },
      okStatus: 200,
    },
    'PUT /api/v1/call-out-settings/crisis-team': {
      body: { userIds: [sanneId] },
      okStatus: 200,
      query: 'municipality',
    },
    'GET /api/v1/networks/{networkId}/meeting-settings': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/meeting-settings': { body: { cadenceDays: 42 }, okStatus: 200 },
    'GET /api/v1/networks/{networkId}/meeting-locations': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/meeting-locations': {
      body: { name: 'Fictief politiebureau', kind: 'police-station' },
      okStatus: 201,
    },
    // Deactivated before the series is planned, so it stays unused and can be deleted at the end.
    'PATCH /api/v1/networks/{networkId}/meeting-locations/{locationId}': {
      body: { version: 1, active: false },
      okStatus: 200,
    },
    'DELETE /api/v1/networks/{networkId}/meeting-locations/{locationId}': { okStatus: 204 },
    'GET /api/v1/networks/{networkId}/meeting-participants': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/meeting-participants/{personId}': {
      body: { willingToChair: true, availableWeekdays: null, absentFrom: null, absentUntil: null },
      okStatus: 200,
    },
    'POST /api/v1/networks/{networkId}/meetings/plan-preview': { body: { count: 2 }, okStatus: 200 },
    'GET /api/v1/networks/{networkId}/meetings/next-proposal': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/meetings/next-proposal/card': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/meetings/date-check': {
      body: { start: '2027-09-14T16:00:00Z', end: '2027-09-14T18:00:00Z' },
      okStatus: 200,
    },
    'POST /api/v1/networks/{networkId}/meetings/series': {
      body: { meetings: [{ start: '2027-09-07T16:00:00Z', end: '2027-09-07T18:00:00Z' }] },
      okStatus: 201,
    },
    'GET /api/v1/networks/{networkId}/meetings': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/meetings/{meetingId}': { okStatus: 200 },
    'PATCH /api/v1/networks/{networkId}/meetings/{meetingId}': { body: { version: 1 }, okStatus: 200 },
    'POST /api/v1/networks/{networkId}/meetings/{meetingId}/cancel': {
      body: { version: 1, reason: 'Fictieve reden' },
      okStatus: 200,
    },
    'POST /api/v1/networks/{networkId}/meetings/{meetingId}/calendar-sync': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/meetings/{meetingId}/invitation': { okStatus: 200 },
    'PUT /api/v1/networks/{networkId}/meetings/{meetingId}/record': {
      body: { attendance: [], themes: ['kennismaking'] },
      okStatus: 200,
    },
    'PATCH /api/v1/networks/{networkId}/meeting-actions/{actionId}': {
      body: { version: 1, status: 'done' },
      okStatus: 200,
    },
    'GET /api/v1/meetings/year-calendar': { okStatus: 200, query: '?year=2027' },
    'GET /api/v1/teams-meetings/context': {
      okStatus: 200,
      query: `?threadId=${encodeURIComponent(MATRIX_THREAD_ID)}`,
    },
    'GET /api/v1/school-holidays/{region}': { okStatus: 200 },
    'PUT /api/v1/school-holidays/{region}': {
      body: { periods: [{ from: '2027-07-17', to: '2027-08-29', label: 'Zomervakantie regio midden' }] },
      okStatus: 200,
    },
    'PUT /api/v1/municipalities/{municipalityId}/school-holiday-region': {
      body: { region: 'midden' },
      okStatus: 200,
    },
    // Day one (issue 11): the checklist, the municipality, its districts and wijken.
    'GET /api/v1/setup/status': { okStatus: 200 },
    'GET /api/v1/municipalities': { okStatus: 200 },
    'POST /api/v1/municipalities': {
      body: {
        name: 'Fictiefdorp',
        cbsCode: 'GM9999',
        schoolHolidayRegion: 'noord',
        latitude: 53,
        longitude: 6,
      },
      okStatus: 201,
    },
    'PATCH /api/v1/municipalities/{municipalityId}': {
      body: { schoolHolidayRegion: 'midden' },
      okStatus: 200,
    },
    'GET /api/v1/municipalities/{municipalityId}/areas': { okStatus: 200 },
    'POST /api/v1/municipalities/{municipalityId}/areas': {
      body: { kind: 'district', name: 'Fictief stadsdeel' },
      okStatus: 201,
    },
    'PATCH /api/v1/municipalities/{municipalityId}/areas/{areaId}': {
      body: { name: 'Fictieve wijk 2' },
      okStatus: 200,
    },
    'DELETE /api/v1/municipalities/{municipalityId}/areas/{areaId}': { okStatus: 204 },
    'POST /api/v1/municipalities/{municipalityId}/area-imports/preview': {
      body: { csv: 'WK_NAAM;stadsdeel\r\nFictieve importwijk;Poort\r\n' },
      okStatus: 200,
    },
    'POST /api/v1/municipalities/{municipalityId}/area-imports': {
      body: { csv: 'WK_NAAM;stadsdeel\r\nFictieve importwijk;Poort\r\n' },
      okStatus: 201,
    },
    // Signals, follow-ups, contact log, themes, thermometer and sfeerbeeld (issue 17).
    'GET /api/v1/signal-themes': { okStatus: 200 },
    'POST /api/v1/signal-themes': {
      body: { code: 'matrix-thema', labelNl: 'Fictief', labelEn: 'Fictional' },
      okStatus: 201,
    },
    'PATCH /api/v1/signal-themes/{code}': { body: { position: 1000 }, okStatus: 200 },
    'GET /api/v1/networks/{networkId}/signal-choices': { okStatus: 200 },
    'GET /api/v1/networks/{networkId}/signals': { okStatus: 200 },
    'POST /api/v1/networks/{networkId}/signals': { body: 'signal', okStatus: 201 },
    'GET /api/v1/networks/{networkId}/signals/{signalId}': { okStatus: 200 },
    'PATCH /api/v1/networks/{networkId}/signals/{signalId}': {
      body: { version: 1, urgency: 'attention' },
      okStatus: 200,
    },
    'PATCH /api/v1/networks/{networkId}/signals/{signalId}/follow-up': {
      body: { status: 'in_progress' },
      okStatus: 200,
    },
    'GET /api/v1/networks/{networkId}/signal-follow-ups': { okStatus: 200 },
    'GET /api/v1/people/{personId}/contacts': { okStatus: 200 },
    'POST /api/v1/people/{personId}/contacts': {
      body: { contactedOn: '2026-11-02', channel: 'phone', gist: 'Fictief' },
      okStatus: 201,
    },
    'GET /api/v1/thermometer': { okStatus: 200, query: '?from=2026-01-01&to=2026-06-30' },
    'GET /api/v1/sfeerbeeld': { okStatus: 200, query: '?from=2026-01-01&to=2026-06-30' },
    'GET /api/v1/sfeerbeeld.pdf': { okStatus: 200, query: '?from=2026-01-01&to=2026-06-30' },
    'GET /api/v1/network-overview': { okStatus: 200, query: '?from=2026-01-01&to=2026-06-30' },
  };
  const entry = table[`${op.method} ${op.path}`];
  if (!entry) throw new Error(`No access-matrix entry for ${op.method} ${op.path}: add one`);
  const bodies: Record<string, unknown> = {
    relation: { relationTypeId: knowsTypeId, relatedPersonId: esraId },
    match: { kind: 'person', id: yasminaId, decision: 'different' },
    network: { name: 'Bondgenoten Poort', areaId: poortId },
    callOut: { kind: 'tension', urgency: 'today', summary: 'Fictief', ask: 'Peil', placeIds: [havenWijkId] },
    call: { personId: yasminaId, outcome: 'reached' },
    signal: {
      personId: yasminaId,
      channel: 'visit',
      urgency: 'attention',
      wijkIds: [havenWijkId],
      themes: ['armoede'],
      text: 'Fictief',
    },
    evaluation: { decisions: havenAllyIds.map((personId) => ({ personId, decision: 'continue' })) },
  };
  const body = typeof entry.body === 'string' ? bodies[entry.body] : entry.body;
  const query = entry.query === 'municipality' ? `?municipalityId=${municipalityId}` : (entry.query ?? '');
  return { url: fill(op.path) + query, body, okStatus: entry.okStatus };
}

const now = () => Math.floor(Date.now() / 1000);
const variants: { name: string; token: () => Promise<string | undefined>; status: number; audit: string }[] =
  [
    { name: 'no token', token: async () => undefined, status: 401, audit: 'access.unauthenticated' },
    {
      name: 'expired',
      token: () =>
        entra.issueToken(TENANT, {
          oid: ROLE_HOLDER,
          exp: now() - 600,
          iat: now() - 4000,
          nbf: now() - 4000,
        }),
      status: 401,
      audit: 'auth.sign-in-failed',
    },
    {
      name: 'not yet valid',
      token: () => entra.issueToken(TENANT, { oid: ROLE_HOLDER, nbf: now() + 900 }),
      status: 401,
      audit: 'auth.sign-in-failed',
    },
    {
      name: 'wrong signature',
      token: () => entra.issueToken(TENANT, { oid: ROLE_HOLDER }, { foreignKey: true }),
      status: 401,
      audit: 'auth.sign-in-failed',
    },
    {
      name: 'wrong audience',
      token: () => entra.issueToken(TENANT, { oid: ROLE_HOLDER, aud: 'api://elsewhere/x' }),
      status: 401,
      audit: 'auth.sign-in-failed',
    },
    {
      name: 'tenant not allowed',
      token: () => entra.issueToken(FOREIGN_TENANT, { oid: ROLE_HOLDER }),
      status: 401,
      audit: 'auth.sign-in-failed',
    },
    {
      name: 'valid user without a role',
      token: () => entra.issueToken(TENANT, { oid: NO_ROLE }),
      status: 403,
      audit: 'access.denied',
    },
  ];

describe('the access matrix over every signed-in route', () => {
  it('covers every route the OpenAPI document lists', () => {
    const signedIn = operations.filter((op) => op.security);
    expect(signedIn.length).toBeGreaterThanOrEqual(40);
    for (const op of signedIn) expect(() => requestFor(op)).not.toThrow();
  });

  // Seven refusals per route, each sealed and counted in the audit trail: minutes on a busy machine.
  it('refuses every wrong caller and audits each refusal', async () => {
    for (const op of operations.filter((o) => o.security)) {
      const { url, body } = requestFor(op);
      // A user's own profile is the one thing a user without roles may read (tested below).
      for (const variant of variants.filter((v) => !(op.path === '/api/v1/me' && v.status === 403))) {
        const token = await variant.token();
        const before = await auditCount();
        const response = await fetch(url, {
          method: op.method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            'content-type': 'application/json',
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect({ op: `${op.method} ${op.path}`, variant: variant.name, status: response.status }).toEqual({
          op: `${op.method} ${op.path}`,
          variant: variant.name,
          status: variant.status,
        });
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await auditCount()).toBe(before + 1);
        expect(await lastAuditAction()).toBe(variant.audit);
      }
    }
  }, 300_000);

  it('lets the user with the role through on every route', async () => {
    const token = await entra.issueToken(TENANT, { oid: ROLE_HOLDER });
    // PUT before DELETE, so the role and the administrator to remove exist.
    const ordered = operations
      .filter((op) => op.security)
      .sort((a, b) => (a.method === 'DELETE' ? 1 : 0) - (b.method === 'DELETE' ? 1 : 0));
    for (const op of ordered) {
      const { url, body, okStatus } = requestFor(op);
      const response = await fetch(url, {
        method: op.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect({ op: `${op.method} ${op.path}`, status: response.status }).toEqual({
        op: `${op.method} ${op.path}`,
        status: okStatus,
      });
    }
  });

  it('lets a user without any role see only their own (empty) profile', async () => {
    const response = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${await entra.issueToken(TENANT, { oid: NO_ROLE })}` },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).roles).toEqual([]);
  });
});
