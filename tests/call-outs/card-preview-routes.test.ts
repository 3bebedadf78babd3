import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { adaptiveCardProblems, findAll, visibleTexts } from '../bot/call-out-fixtures.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { areaId, communityId } from './fixtures.js';

/** The card-preview routes: the bot's own cards for the tab, nothing sent, refusals as for the real thing. */
let server: TestServer;
let sanne: string;
let petra: string;
let dewi: string;
let centrumHaven: string;
let marokkaans: string;
let havenId: string;

const body = () => ({
  kind: 'incident',
  urgency: 'immediate',
  summary: 'Fictieve vechtpartij bij het winkelcentrum',
  ask: 'Kom naar het buurthuis; peil de achterban',
  placeIds: [centrumHaven],
  communityIds: [marokkaans],
});

async function rows(table: 'call_outs' | 'call_out_deliveries' | 'audit_events', action?: string) {
  await sealAuditJournal(server.database.db);
  let query = server.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
  if (action) query = query.where('action' as never, '=', action as never);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  [sanne, petra, dewi] = await Promise.all([
    signInAs(server.url, 'Sanne Verhoef'),
    signInAs(server.url, 'Petra Lindeboom'),
    signInAs(server.url, 'Dewi Sastromedjo'),
  ]);
  centrumHaven = await areaId(db, 'Centrum Haven');
  marokkaans = await communityId(db, 'Marokkaans');
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server?.close();
});

describe('POST /call-outs/preview-card', () => {
  it('answers the alert card as it arrives, in Dutch, and writes nothing', async () => {
    const before = {
      callOuts: await rows('call_outs'),
      deliveries: await rows('call_out_deliveries'),
      audit: await rows('audit_events'),
    };
    const reply = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs/preview-card', body());
    expect(reply.status).toBe(200);
    const { card } = reply.body;
    expect(adaptiveCardProblems(card)).toEqual([]);
    const texts = visibleTexts(card);
    expect(texts).toContain('Crisisoproep: incident · direct');
    expect(texts).toContain(body().summary);
    expect(texts).toContain('Wijken: Centrum Haven');
    expect(texts).toContain('Gemeenschappen: Marokkaans');
    // Three staff of Haven (as the recipients preview lists them), none reached or answered yet.
    expect(texts).toContain('Kaart bij 0 van 3 · 0 geantwoord');
    // The answer buttons; the refresh action has no title.
    expect(
      findAll(card, /^Action\.Execute$/)
        .filter((action) => action.title)
        .map((action) => action.title),
    ).toEqual(['Ik kom / ben beschikbaar', 'Ik bel mijn bondgenoten', 'Niet beschikbaar']);
    expect({
      callOuts: await rows('call_outs'),
      deliveries: await rows('call_out_deliveries'),
      audit: await rows('audit_events'),
    }).toEqual(before);
  });

  it('speaks English with ?lang=en and refuses another language by field', async () => {
    const english = await callApi(
      server.url,
      sanne,
      'POST',
      '/api/v1/call-outs/preview-card?lang=en',
      body(),
    );
    expect(english.status).toBe(200);
    expect(visibleTexts(english.body.card)).toContain('Crisis call-out: incident · immediate');
    const french = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs/preview-card?lang=fr', body());
    expect(french.status).toBe(400);
    expect(french.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(french.body)).toContain('query.lang');
  });

  it('refuses as the start does: a secretary may not start, an empty form names its fields', async () => {
    const secretary = await callApi(server.url, petra, 'POST', '/api/v1/call-outs/preview-card', body());
    expect(secretary.status).toBe(403);
    const empty = await callApi(server.url, sanne, 'POST', '/api/v1/call-outs/preview-card', {
      ...body(),
      summary: '',
      placeIds: [],
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('body.placeIds');
  });
});

describe('GET /networks/{networkId}/meetings/next-proposal/card', () => {
  it('answers the proposal card for the secretary, audited as the proposal', async () => {
    const before = await rows('audit_events', 'meeting.next-proposal');
    const reply = await callApi(
      server.url,
      petra,
      'GET',
      `/api/v1/networks/${havenId}/meetings/next-proposal/card`,
    );
    expect(reply.status).toBe(200);
    expect(adaptiveCardProblems(reply.body.card)).toEqual([]);
    expect(visibleTexts(reply.body.card)[0]).toMatch(/^(Voorstel volgende overleg|Geen voorstel)/);
    // [Andere datum] leads to the tab's planner of this network (PUBLIC_URL is the tab).
    const links = findAll(reply.body.card, /^Action\.OpenUrl$/).map((action) => String(action.url));
    expect(links.some((url) => url.endsWith(`/netwerken/${havenId}/overleggen/plannen`))).toBe(true);
    expect(await rows('audit_events', 'meeting.next-proposal')).toBe(before + 1);
  });

  it('refuses a coordinator of another network', async () => {
    const reply = await callApi(
      server.url,
      dewi,
      'GET',
      `/api/v1/networks/${havenId}/meetings/next-proposal/card`,
    );
    expect(reply.status).toBe(403);
  });
});
