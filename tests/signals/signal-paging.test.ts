import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectSaying } from '../helpers/expect-saying.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { TEST_ENGINE } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let dewi: string; // coordinator of Buiten, whose demo network holds ~180 signals
let buitenId: string;

type Listed = { id: string; receivedAt: string; followUp: { status: string } };

beforeAll(async () => {
  server = await startTestServer();
  dewi = await signInAs(server.url, 'Dewi Sastromedjo');
  const db = server.database.db;
  buitenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Buiten')
      .executeTakeFirstOrThrow()
  ).id;
  // Three signals received at the same instant: the id orders them, and a page boundary may fall between them.
  const receiver = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Dewi Sastromedjo')
      .executeTakeFirstOrThrow()
  ).id;
  for (let i = 0; i < 3; i += 1) {
    const row = await db
      .insertInto('signals')
      .values({
        network_id: buitenId,
        received_at: '2026-01-15T10:00:00.123Z',
        received_by: receiver,
        person_id: null,
        channel: 'visit',
        urgency: 'information',
        body: 'Fictief, zelfde moment',
        assessment: null,
        created_by: receiver,
        created_at: '2026-01-15T10:00:00.123Z',
        form_token: null,
        updated_at: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('signal_follow_ups')
      .values({
        signal_id: row.id,
        owner_user_id: receiver,
        actions: null,
        not_taken_up_reason: null,
        due_on: '2026-01-29',
        fed_back_on: null,
        updated_by: receiver,
        updated_at: '2026-01-15T10:00:00.123Z',
      })
      .execute();
  }
});
afterAll(async () => {
  await server.close();
});

const list = async (query: string) => {
  const response = await callApi(server.url, dewi, 'GET', `/api/v1/networks/${buitenId}/signals${query}`);
  expectSaying(response.status, query).toBe(200);
  return response.body as Listed[];
};

/** Every page of `size` after the cursor of the previous page's last signal, until a short page. */
async function allPages(size: number, extra = '') {
  const pages: Listed[][] = [];
  let cursor = '';
  for (;;) {
    const page = await list(`?limit=${size}${extra}${cursor}`);
    pages.push(page);
    const last = page.at(-1);
    if (page.length < size || !last) return pages;
    cursor = `&beforeReceivedAt=${encodeURIComponent(last.receivedAt)}&beforeId=${last.id}`;
  }
}

describe(`paging the signals list on ${TEST_ENGINE}`, () => {
  it('answers as before without a limit, and pages by cursor to the same list', async () => {
    const whole = await list('');
    expect(whole.length).toBeGreaterThan(150);
    expect(whole.length).toBeLessThanOrEqual(500);
    for (const size of [25, 7]) {
      const pages = await allPages(size);
      expect(pages.slice(0, -1).every((p) => p.length === size)).toBe(true);
      expect(pages.flat().map((s) => s.id)).toEqual(whole.map((s) => s.id));
    }
    // Newest first, ties by id descending.
    for (let i = 1; i < whole.length; i += 1) {
      const [a, b] = [whole[i - 1] as Listed, whole[i] as Listed];
      expect(a.receivedAt > b.receivedAt || (a.receivedAt === b.receivedAt && a.id > b.id)).toBe(true);
    }
  });

  it('finds its place between signals received at the same instant', async () => {
    const whole = await list('');
    const ties = whole.filter((s) => s.receivedAt === '2026-01-15T10:00:00.123Z');
    expect(ties).toHaveLength(3);
    for (let i = 0; i < 2; i += 1) {
      const cursor = ties[i] as Listed;
      const next = await list(
        `?limit=1&beforeReceivedAt=${encodeURIComponent(cursor.receivedAt)}&beforeId=${cursor.id}`,
      );
      expect(next.map((s) => s.id)).toEqual([(ties[i + 1] as Listed).id]);
    }
  });

  it('pages the open-only list too', async () => {
    const open = await list('?status=open');
    expect(open.every((s) => ['open', 'in_progress'].includes(s.followUp.status))).toBe(true);
    expect((await allPages(10, '&status=open')).flat().map((s) => s.id)).toEqual(open.map((s) => s.id));
  });

  it('refuses a bad limit or half a cursor as problem+json', async () => {
    for (const [query, field] of [
      ['?limit=0', 'query.limit'],
      ['?limit=201', 'query.limit'],
      ['?limit=abc', 'query.limit'],
      ['?beforeId=3f6b2d8e-1c4a-4e7b-9a05-7d2c8b1e6f43', 'query.beforeId'],
      ['?beforeReceivedAt=yesterday&beforeId=3f6b2d8e-1c4a-4e7b-9a05-7d2c8b1e6f43', 'query.beforeReceivedAt'],
    ] as const) {
      const bad = await callApi(server.url, dewi, 'GET', `/api/v1/networks/${buitenId}/signals${query}`);
      expectSaying(bad.status, query).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
