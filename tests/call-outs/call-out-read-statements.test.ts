import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { readCallOutPage } from '../../src/call-outs/call-out-page.js';
import { getCallOut, visibleCallOut } from '../../src/call-outs/call-out-service.js';
import { readCallOutRow } from '../../src/call-outs/call-out-view-store.js';
import {
  readCallOutDetail,
  readChangeStamp,
  readProgress,
  readTally,
} from '../../src/call-outs/call-out-views.js';
import { readCallOutMeeting } from '../../src/call-outs/convene/convene-service.js';
import type { Database } from '../../src/platform/db/schema.js';
import { countingStatements } from '../helpers/counting-db.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { accessOf, areaId, communityId, originOf, userId } from './fixtures.js';

/*
 * The call-out page's first read (issue 21: GET /call-outs/{id} was eleven statements, its meeting seven). The read
 * now reuses the visibility check's row and reads the progress, the tally, the change stamp and the names of the
 * wijken and communities in one statement; the meeting reads its row and counts in one. The answer must stay the same byte for byte: after each kind of change
 * (answers, a call, the close with its follow-ups), and for each kind of viewer (starter, recipient, staff of a
 * covering network, administrator; need-to-know hides ally names from some), the read's JSON is compared with the
 * same detail whose changed parts are read as before (the separate counts, the stamp, two name queries).
 */
let server: TestServer;
let db: Kysely<Database>;
let callOutId: string;
let sanne: string;
const viewers = ['Sanne Verhoef', 'Joris Amrani', 'Petra Lindeboom', 'Anouk Terpstra'] as const;

beforeAll(async () => {
  server = await startTestServer();
  db = server.database.db;
  sanne = await signInAs(server.url, 'Sanne Verhoef');
  const started = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs', {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictieve brand in een buurthuis',
    ask: 'Kom naar het buurthuis',
    // Two of each, so the one statement for both must still order each by name.
    placeIds: [await areaId(db, 'De Werven'), await areaId(db, 'Centrum Haven')],
    communityIds: [await communityId(db, 'Turks'), await communityId(db, 'Marokkaans')],
  });
  expect(started.status).toBe(201);
  callOutId = started.body.id;
}, 180_000);
afterAll(async () => {
  await server?.close();
});

/** The names as they were read before: one statement for the wijken, one for the communities. */
async function namesAsBefore() {
  const places = await db
    .selectFrom('call_out_places')
    .innerJoin('areas', 'areas.id', 'call_out_places.area_id')
    .select(['areas.id', 'areas.name'])
    .where('call_out_id', '=', callOutId)
    .orderBy('areas.name')
    .execute();
  const communities = await db
    .selectFrom('call_out_communities')
    .innerJoin('communities', 'communities.id', 'call_out_communities.community_id')
    .select(['communities.id', 'communities.name'])
    .where('call_out_id', '=', callOutId)
    .orderBy('communities.name')
    .execute();
  return { places, communities };
}

/** The read as `viewer`, its statements, and the JSON the read made before this change. */
async function readAs(viewer: (typeof viewers)[number]) {
  const id = await userId(db, viewer);
  const access = await accessOf(db, id);
  const counted = countingStatements(db);
  const now = new Date();
  const detail = await getCallOut(counted.db, originOf(id), access, callOutId, now);
  const statements = counted.count();
  const row = await readCallOutRow(db, callOutId);
  if (!row) throw new Error('the call-out is gone');
  const { places, communities } = await namesAsBefore();
  const before = {
    ...detail,
    version: row.version,
    progress: await readProgress(db, callOutId),
    tally: await readTally(db, callOutId),
    places,
    communities,
    stamp: await readChangeStamp(db, callOutId),
  };
  // The detail as read without a row at hand: the path of start, answer, call and close.
  const unaided = await readCallOutDetail(db, callOutId, new Set(access.networkRoles.keys()), now);
  return {
    json: JSON.stringify(detail),
    before: JSON.stringify(before),
    unaided: JSON.stringify(unaided),
    statements,
  };
}

async function expectSameAnswers() {
  for (const viewer of viewers) {
    const read = await readAs(viewer);
    expect(read.json).toBe(read.before);
    expect(read.json).toBe(read.unaided);
  }
}

describe('the call-out page’s first read', () => {
  it('is six statements for the starter: the row, counts, stamp and names, follow-ups, recipients, call list, audit', async () => {
    expect((await readAs('Sanne Verhoef')).statements).toBe(6);
  });

  it('answers as before, right after the start', async () => {
    await expectSameAnswers();
  });

  it('answers as before after staff answers and a recorded call', async () => {
    const started = await callApi(server.url, sanne, 'GET', `/api/v1/call-outs/${callOutId}`);
    const recipients: { userId: string; displayName: string }[] = started.body.recipients;
    const joris = recipients.find((r) => r.displayName === 'Joris Amrani');
    expect(joris).toBeDefined();
    const asJoris = await signInAs(server.url, 'Joris Amrani');
    const answers = [
      [sanne, { answer: 'coming', note: 'Fictief: onderweg', etaMinutes: 10 }],
      [asJoris, { answer: 'calling-allies', note: null, etaMinutes: null }],
    ] as const;
    for (const [cookie, body] of answers)
      expect(
        (await callApi(server.url, cookie, 'POST', `/api/v1/call-outs/${callOutId}/answers`, body)).status,
      ).toBe(200);
    const ally = started.body.callList[0];
    if (ally) {
      const caller = ally.callerUserId === joris?.userId ? asJoris : sanne;
      const call = await callApi(server.url, caller, 'POST', `/api/v1/call-outs/${callOutId}/calls`, {
        personId: ally.personId,
        outcome: 'reached',
        heard: 'Fictief: komt eraan',
        coming: true,
      });
      expect(call.status).toBe(201);
    }
    // Cards out to one recipient, failed for another: the progress counts them by their alert card.
    const deliveries = await db
      .selectFrom('call_out_deliveries')
      .select('id')
      .where('call_out_id', '=', callOutId)
      .where('kind', '=', 'alert')
      .orderBy('id')
      .execute();
    for (const [delivery, state] of [
      [deliveries[0], 'sent'],
      [deliveries[1], 'failed'],
    ] as const)
      if (delivery)
        await db.updateTable('call_out_deliveries').set({ state }).where('id', '=', delivery.id).execute();
    await expectSameAnswers();
    expect(JSON.parse((await readAs('Sanne Verhoef')).json).progress).toMatchObject({
      sent: 1,
      unreachable: 1,
    });
    const tally = JSON.parse((await readAs('Sanne Verhoef')).json).tally;
    expect(tally).toMatchObject({ coming: 1, callingAllies: 1 });
  });

  it('answers as before once closed with its follow-ups', async () => {
    const closed = await callApi(server.url, sanne, 'POST', `/api/v1/call-outs/${callOutId}/close`, {
      evaluationNote: 'Fictief: afgerond',
    });
    expect(closed.status).toBe(200);
    await expectSameAnswers();
  });

  it('reads the meeting in three statements: the visibility check’s row (with the goal), the meeting’s one, audit', async () => {
    const id = await userId(db, 'Sanne Verhoef');
    const access = await accessOf(db, id);
    const counted = countingStatements(db);
    const meeting = await readCallOutMeeting(
      { db: counted.db, now: () => new Date() },
      originOf(id),
      access,
      callOutId,
    );
    expect(counted.count()).toBe(3);
    const row = await readCallOutRow(db, callOutId);
    expect(meeting.goalAt).toBe(row && new Date(row.goal_at).toISOString());
  });

  it('reads the whole page in eight statements: the row, the detail’s four, the meeting’s, the timeline, one audit insert', async () => {
    const id = await userId(db, 'Sanne Verhoef');
    const counted = countingStatements(db);
    const page = await readCallOutPage(
      counted.db,
      originOf(id),
      await accessOf(db, id),
      callOutId,
      new Date(),
    );
    expect(counted.count()).toBe(8);
    expect(page.callOut.id).toBe(callOutId);
  });

  it('checks a recipient’s sight of the call-out in one statement: the row with whether they are one', async () => {
    const id = await userId(db, 'Joris Amrani');
    const recipient = await db
      .selectFrom('call_out_recipients')
      .select('id')
      .where('call_out_id', '=', callOutId)
      .where('user_id', '=', id)
      .executeTakeFirst();
    expect(recipient).toBeDefined();
    const counted = countingStatements(db);
    const row = await visibleCallOut(counted.db, await accessOf(db, id), callOutId);
    expect(counted.count()).toBe(1);
    expect(row.id).toBe(callOutId);
  });

  it('still refuses a staff member of no covering network', async () => {
    const dewi = await userId(db, 'Dewi Sastromedjo');
    await expect(
      getCallOut(db, originOf(dewi), await accessOf(db, dewi), callOutId, new Date()),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
