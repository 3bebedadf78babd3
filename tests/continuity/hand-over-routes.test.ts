import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let joris: string; // coordinator of Haven: performs the hand-over
let petra: string; // secretary of Haven: no coordinator
let fleur: string; // coordinator of Stad, no role in Haven
let havenId: string;
let sanneId: string; // leaves Haven
let petraId: string; // takes over
let jorisId: string;
let fleurId: string;

const path = (userId = sanneId) => `/api/v1/networks/${havenId}/hand-over/${userId}`;

async function userIdOf(name: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What one staff member holds in Haven, counted straight from the owners' tables. */
async function holdings(userId: string) {
  const db = server.database.db;
  const count = (rows: unknown[]) => rows.length;
  return {
    actions: count(
      await db
        .selectFrom('meeting_actions')
        .select('id')
        .where('network_id', '=', havenId)
        .where('owner_user_id', '=', userId)
        .where('status', '=', 'open')
        .execute(),
    ),
    followUps: count(
      await db
        .selectFrom('signal_follow_ups as f')
        .innerJoin('signals as s', 's.id', 'f.signal_id')
        .select('f.signal_id')
        .where('s.network_id', '=', havenId)
        .where('f.owner_user_id', '=', userId)
        .where('f.status', 'in', ['open', 'in_progress'])
        .execute(),
    ),
    calls: count(
      await db
        .selectFrom('call_out_allies as a')
        .innerJoin('call_outs as c', 'c.id', 'a.call_out_id')
        .select('a.person_id')
        .where('a.network_id', '=', havenId)
        .where('a.caller_user_id', '=', userId)
        .where('c.status', '=', 'open')
        .execute(),
    ),
    backups: count(
      await db
        .selectFrom('network_roles')
        .select('user_id')
        .where('network_id', '=', havenId)
        .where('backup_user_id', '=', userId)
        .execute(),
    ),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  [joris, petra, fleur] = await Promise.all([
    signInAs(server.url, 'Joris Amrani'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Fleur Oosterhout'),
  ]);
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  sanneId = await userIdOf('Sanne Verhoef');
  petraId = await userIdOf('Petra Lindeboom');
  jorisId = await userIdOf('Joris Amrani');
  fleurId = await userIdOf('Fleur Oosterhout');

  // Sanne holds at least one item of each kind in Haven: an open action of a Haven meeting, a running
  // follow-up of a Haven signal, two allies to call in an open call-out, and Joris's back-up.
  const meeting = await db
    .selectFrom('meetings')
    .select('id')
    .where('network_id', '=', havenId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_actions')
    .values({
      meeting_id: meeting.id,
      network_id: havenId,
      description: 'Fictief actiepunt: buurthuis bellen',
      owner_user_id: sanneId,
      due_on: '2099-01-15',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  // A done action stays with her: only open ones move.
  await db
    .insertInto('meeting_actions')
    .values({
      meeting_id: meeting.id,
      network_id: havenId,
      description: 'Fictief afgerond actiepunt',
      owner_user_id: sanneId,
      status: 'done',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  const signal = await db
    .insertInto('signals')
    .values({
      network_id: havenId,
      received_at: new Date(),
      received_by: sanneId,
      channel: 'phone',
      urgency: 'attention',
      body: 'Fictief signaal',
      created_by: sanneId,
      created_at: new Date(),
      form_token: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('signal_follow_ups')
    .values({
      signal_id: signal.id,
      owner_user_id: sanneId,
      status: 'in_progress',
      due_on: '2099-01-20',
      updated_at: new Date(),
    })
    .execute();
  const municipality = await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
  const callOut = await db
    .insertInto('call_outs')
    .values({
      municipality_id: municipality.id,
      started_by: jorisId,
      kind: 'tension',
      urgency: 'today',
      summary: 'Fictief',
      ask: 'Fictief',
      started_at: new Date(),
      goal_at: new Date(Date.now() + 3_600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const allies = await db
    .selectFrom('network_people')
    .select('person_id')
    .where('network_id', '=', havenId)
    .limit(2)
    .execute();
  await db
    .insertInto('call_out_allies')
    .values(
      allies.map((a) => ({
        call_out_id: callOut.id,
        person_id: a.person_id,
        network_id: havenId,
        caller_user_id: sanneId,
      })),
    )
    .execute();
  await db
    .updateTable('network_roles')
    .set({ backup_user_id: sanneId })
    .where('network_id', '=', havenId)
    .where('user_id', '=', jorisId)
    .execute();
});
afterAll(async () => {
  await server.close();
});

describe('hand-over', () => {
  it('lists what the leaver holds, then moves every item to the successor in one step, audited', async () => {
    const before = await holdings(sanneId);
    expect(before.actions).toBeGreaterThanOrEqual(1);
    expect(before.followUps).toBeGreaterThanOrEqual(1);
    expect(before.calls).toBe(2);
    expect(before.backups).toBe(1);
    const petraBefore = await holdings(petraId);

    const read = await callApi(server.url, joris, 'GET', path());
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ displayName: 'Sanne Verhoef', hasRole: true, lastHandOver: null });
    expect(read.body.actions).toHaveLength(before.actions);
    expect(read.body.actions).toContainEqual(
      expect.objectContaining({ description: 'Fictief actiepunt: buurthuis bellen', dueOn: '2099-01-15' }),
    );
    expect(read.body.followUps).toHaveLength(before.followUps);
    expect(read.body.calls).toHaveLength(2);
    expect(read.body.backups).toEqual([{ userId: jorisId, displayName: 'Joris Amrani' }]);
    expect(read.body.successors.map((s: { userId: string }) => s.userId).sort()).toEqual(
      [jorisId, petraId].sort(),
    );

    const done = await callApi(server.url, joris, 'POST', path(), {
      toUserId: petraId,
      note: 'Fictieve notitie: bel eerst de wijkagent.',
      fingerprint: read.body.fingerprint,
    });
    expect(done.status).toBe(201);
    expect(done.body.moved).toEqual({
      actions: before.actions,
      followUps: before.followUps,
      calls: before.calls,
      backups: before.backups,
      backupsCleared: 0,
    });

    // Nothing is left with Sanne, and Petra holds all of it besides what she had.
    expect(await holdings(sanneId)).toEqual({ actions: 0, followUps: 0, calls: 0, backups: 0 });
    expect(await holdings(petraId)).toEqual({
      actions: petraBefore.actions + before.actions,
      followUps: petraBefore.followUps + before.followUps,
      calls: petraBefore.calls + before.calls,
      backups: petraBefore.backups + before.backups,
    });
    // The done action stays hers (it is history, not a task).
    const doneAction = await server.database.db
      .selectFrom('meeting_actions')
      .select('owner_user_id')
      .where('description', '=', 'Fictief afgerond actiepunt')
      .executeTakeFirstOrThrow();
    expect(doneAction.owner_user_id).toBe(sanneId);

    const after = await callApi(server.url, joris, 'GET', path());
    expect(after.body).toMatchObject({
      actions: [],
      followUps: [],
      calls: [],
      backups: [],
      lastHandOver: {
        toUserId: petraId,
        toName: 'Petra Lindeboom',
        note: 'Fictieve notitie: bel eerst de wijkagent.',
      },
    });

    await sealAuditJournal(server.database.db);
    const audit = await server.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_type', 'object_id'])
      .where('action', 'in', ['hand-over.read', 'hand-over.perform'])
      .execute();
    expect(audit).toContainEqual({ action: 'hand-over.read', object_type: 'user', object_id: sanneId });
    expect(audit).toContainEqual({
      action: 'hand-over.perform',
      object_type: 'hand-over',
      object_id: done.body.id,
    });
  });

  it('answers 409 and moves nothing when the items changed since they were read', async () => {
    const read = await callApi(server.url, joris, 'GET', path(petraId));
    await server.database.db
      .updateTable('network_roles')
      .set({ backup_user_id: petraId })
      .where('network_id', '=', havenId)
      .where('user_id', '=', sanneId)
      .execute();
    const before = await holdings(petraId);
    const stale = await callApi(server.url, joris, 'POST', path(petraId), {
      toUserId: jorisId,
      fingerprint: read.body.fingerprint,
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(await holdings(petraId)).toEqual(before);
  });

  it('refuses those who are not the network’s coordinators: a secretary and another network’s coordinator', async () => {
    for (const session of [petra, fleur]) {
      expect((await callApi(server.url, session, 'GET', path())).status).toBe(403);
      const post = await callApi(server.url, session, 'POST', path(), { toUserId: jorisId });
      expect(post.status).toBe(403);
      expect(post.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers bad input with problem+json: 400 for the successor, 404 for someone unknown', async () => {
    const self = await callApi(server.url, joris, 'POST', path(petraId), { toUserId: petraId });
    expect(self.status).toBe(400);
    expect(self.body.errors).toContainEqual(
      expect.objectContaining({ field: 'body.toUserId', code: 'self_reference' }),
    );
    const outsider = await callApi(server.url, joris, 'POST', path(petraId), { toUserId: fleurId });
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors).toContainEqual(
      expect.objectContaining({ field: 'body.toUserId', code: 'unknown_reference' }),
    );
    const malformed = await callApi(server.url, joris, 'POST', path(petraId), { toUserId: 'x', extra: 1 });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const badId = await callApi(server.url, joris, 'GET', `/api/v1/networks/${havenId}/hand-over/not-an-id`);
    expect(badId.status).toBe(400);
    const unknown = await callApi(server.url, joris, 'GET', path('99999999-9999-4999-8999-999999999999'));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    // Fleur holds nothing in Haven and has no role there.
    const stranger = await callApi(server.url, joris, 'GET', path(fleurId));
    expect(stranger.status).toBe(404);
  });

  it('removing the last politie staff member asks for a successor, who takes over role and tasks in one step', async () => {
    const admin = await signInAs(server.url, 'Anouk Terpstra');
    const mehmetId = await userIdOf('Mehmet Kaya-de Bruin');
    const db = server.database.db;
    const meeting = await db
      .selectFrom('meetings')
      .select('id')
      .where('network_id', '=', havenId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meeting_actions')
      .values({
        meeting_id: meeting.id,
        network_id: havenId,
        description: 'Fictief actiepunt van de wijkagent',
        owner_user_id: jorisId,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    const roles = `/api/v1/networks/${havenId}/roles/${jorisId}`;

    const refused = await callApi(server.url, admin, 'DELETE', roles);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.reason).toBe('last-of-organisation');
    const gemeente = await callApi(server.url, admin, 'DELETE', `${roles}?successorUserId=${sanneId}`);
    expect(gemeente.status).toBe(400);
    expect(gemeente.body.errors).toContainEqual(
      expect.objectContaining({ field: 'query.successorUserId', code: 'wrong_reference' }),
    );
    expect(await holdings(jorisId)).toMatchObject({ actions: 1 });

    const removed = await callApi(server.url, admin, 'DELETE', `${roles}?successorUserId=${mehmetId}`);
    expect(removed.status).toBe(204);
    const havenRoles = await db
      .selectFrom('network_roles')
      .select(['user_id', 'role'])
      .where('network_id', '=', havenId)
      .execute();
    expect(havenRoles.some((r) => r.user_id === jorisId)).toBe(false);
    expect(havenRoles).toContainEqual({ user_id: mehmetId, role: 'coordinator' });
    expect(await holdings(jorisId)).toEqual({ actions: 0, followUps: 0, calls: 0, backups: 0 });
    expect(await holdings(mehmetId)).toMatchObject({ actions: 1 });
    const handOver = await db
      .selectFrom('hand_overs')
      .select(['to_user_id', 'actions'])
      .where('from_user_id', '=', jorisId)
      .executeTakeFirstOrThrow();
    expect(handOver).toEqual({ to_user_id: mehmetId, actions: 1 });
    // A gemeente staff member with gemeente colleagues left in the network goes without a successor.
    expect(
      (await callApi(server.url, admin, 'DELETE', `/api/v1/networks/${havenId}/roles/${petraId}`)).status,
    ).toBe(204);
  });
});
