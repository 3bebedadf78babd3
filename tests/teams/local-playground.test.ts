import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import { findUserIdByEntraIds } from '../../src/identity/index.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { loadConfig } from '../../src/server/config.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import {
  PLAYGROUND_PERSONAL_CHAT,
  PLAYGROUND_USER,
  rememberPlaygroundUser,
} from '../../src/teams/local-playground.js';
import { createConnectorCardSender } from '../../src/teams/outbox/card-sender.js';
import { accessOf, areaId, originOf, renderTestCard, settled, userId } from '../call-outs/fixtures.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';

let database: DatabaseHandle;
let db: Kysely<Database>;
let connector: BotConnectorStandIn;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.db;
  connector = await startBotConnectorStandIn();
});
const findUser = (tenantId: string, objectId: string) => findUserIdByEntraIds(db, tenantId, objectId);

afterAll(async () => {
  await connector?.close();
  await database?.close();
});

describe('a fresh local run and the Agents Playground', () => {
  it('delivers a call-out started in the tab to the playground user before the playground was opened', async () => {
    // Fresh run: nobody has talked to the bot, so there is no conversation at all.
    expect(await db.selectFrom('conversation_references').select('id').execute()).toEqual([]);
    expect(await rememberPlaygroundUser(db, connector.url, new Date(), findUser)).toBe('remembered');
    expect(await rememberPlaygroundUser(db, connector.url, new Date(), findUser)).toBe('already-known');

    const sanne = await userId(db, 'Sanne Verhoef');
    const callOut = await startCallOut(
      db,
      originOf(sanne),
      await accessOf(db, sanne),
      {
        kind: 'incident',
        urgency: 'immediate',
        summary: 'Fictief incident',
        ask: 'Kom naar het buurthuis',
        placeIds: [await areaId(db, 'Centrum Haven')],
        communityIds: [],
      },
      new Date(),
    );
    const worker = new DeliveryWorker({
      db,
      sender: createConnectorCardSender(async () => null),
      renderCard: renderTestCard,
      botId: 'local-playground',
      idleMs: 20,
      random: () => 0,
    });
    worker.start();
    try {
      const deadline = Date.now() + 10_000;
      while (!(await settled(db, callOut.id)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await worker.stop();
    }
    const toPlayground = connector.requests.filter(
      (request) => request.kind === 'send' && request.conversationId === PLAYGROUND_PERSONAL_CHAT,
    );
    expect(toPlayground.map((request) => request.status)).toEqual([201]);
  });

  it('remembers the user the playground configuration chats as, a demo staff member', () => {
    const yml = readFileSync('.m365agentsplayground.yml', 'utf8');
    const current = yml.slice(yml.indexOf('currentUser:'), yml.indexOf('users:'));
    expect(current).toContain(`id: ${PLAYGROUND_USER.channelUserId}`);
    expect(current).toContain(`aadObjectId: ${PLAYGROUND_USER.aadObjectId}`);
    expect(yml).toContain(`tenantId: ${PLAYGROUND_USER.tenantId}`);
    expect(PLAYGROUND_USER.tenantId).toBe(DEMO_TENANT_ID);
    expect(DEMO_STAFF.find((s) => s.objectId === PLAYGROUND_USER.aadObjectId)?.displayName).toBe(
      PLAYGROUND_USER.name,
    );
  });

  it('points at the playground the start script launches, only for a local run without bot credentials', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).playgroundServiceUrl).toBe('http://127.0.0.1:56150/_connector');
    expect(loadConfig({ NODE_ENV: 'test', PLAYGROUND_PORT: '56999' }).playgroundServiceUrl).toBe(
      'http://127.0.0.1:56999/_connector',
    );
  });
});
