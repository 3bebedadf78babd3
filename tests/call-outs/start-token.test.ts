import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import type { StartCallOutInput } from '../../src/call-outs/schemas.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { accessOf, areaId, originOf, userId } from './fixtures.js';

/**
 * The start's idempotency key (migration 0011): unique per starter, so a second start with the same token
 * cannot write a second call-out even without the bot's lock, while another starter's token is no clash.
 */
let database: DatabaseHandle;
let input: StartCallOutInput;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  input = {
    kind: 'incident',
    urgency: 'immediate',
    summary: 'Fictief incident bij de haven',
    ask: 'Kom naar het buurthuis',
    placeIds: [await areaId(database.db, 'Centrum Haven')],
    communityIds: [],
  };
});
afterAll(async () => {
  await database?.close();
});

async function count(): Promise<number> {
  const row = await database.db
    .selectFrom('call_outs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the start token', () => {
  it('refuses a second call-out with the same token of the same starter, all or nothing', async () => {
    const db = database.db;
    const sanne = await userId(db, 'Sanne Verhoef');
    const joris = await userId(db, 'Joris Amrani');
    const token = randomUUID();
    const first = await startCallOut(db, originOf(sanne), await accessOf(db, sanne), input, new Date(), {
      startToken: token,
    });
    const before = await count();
    await expect(
      startCallOut(db, originOf(sanne), await accessOf(db, sanne), input, new Date(), { startToken: token }),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
    const recipients = await db.selectFrom('call_out_recipients').select('call_out_id').distinct().execute();
    expect(recipients.map((r) => r.call_out_id)).toEqual([first.id]);
    // Another starter with the same token, and the same starter without one, start their own.
    await startCallOut(db, originOf(joris), await accessOf(db, joris), input, new Date(), {
      startToken: token,
    });
    await startCallOut(db, originOf(sanne), await accessOf(db, sanne), input, new Date());
    expect(await count()).toBe(before + 2);
  });
});
