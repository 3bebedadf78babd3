import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { Kysely } from 'kysely';
import type { DeliveryWorker } from '../../src/call-outs/delivery/delivery-worker.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { Database } from '../../src/platform/db/schema.js';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../stand-ins/bot-connector.js';
import { createTestDatabase } from './test-db.js';

/** What a file of delivery-worker tests shares: a seeded database, a Bot Connector stand-in, its workers. */
export interface DeliveryWorkerSuite {
  /** The file's seeded database (PGlite, or PostgreSQL with TEST_DATABASE_URL); read it inside a test or hook. */
  readonly db: Kysely<Database>;
  /** The Bot Connector stand-in every card goes to; its recorded requests are cleared after each test. */
  readonly connector: BotConnectorStandIn;
  /** Push every worker a test starts here: each is stopped after the test, before the next one starts. */
  readonly workers: DeliveryWorker[];
}

/**
 * Registers the file's hooks (call it at the top level of a test file): one seeded database and one stand-in for
 * the whole file, the workers stopped and the stand-in's requests cleared after each test, both closed at the end.
 */
export function deliveryWorkerSuite(): DeliveryWorkerSuite {
  let database: DatabaseHandle | undefined;
  let connector: BotConnectorStandIn | undefined;
  const workers: DeliveryWorker[] = [];
  beforeAll(async () => {
    database = await createTestDatabase({ seed: true });
    connector = await startBotConnectorStandIn();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    connector?.clear();
  });
  afterAll(async () => {
    await connector?.close();
    await database?.close();
  });
  return {
    get db() {
      if (!database) throw new Error('the suite’s database is made in beforeAll: read db inside a test');
      return database.db;
    },
    get connector() {
      if (!connector) throw new Error('the suite’s stand-in is started in beforeAll: read it inside a test');
      return connector;
    },
    workers,
  };
}
