import { describe, expect, it } from '@jest/globals';
import { TurnBatch, turnBatchPer } from './turn-batch.js';

/** A batch whose sends are recorded and answered only when the test releases them. */
function heldBatch() {
  const sent: { items: readonly string[]; release: () => void; fail: (error: Error) => void }[] = [];
  const batch = new TurnBatch<string, string>(
    (items) =>
      new Promise((resolve, reject) => {
        sent.push({
          items: [...items],
          release: () => resolve(items.map((item) => `answer to ${item}`)),
          fail: reject,
        });
      }),
  );
  return { batch, sent };
}

const endOfRound = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnBatch', () => {
  it('sends the items asked in one loop round as one batch at its end, each answered by its own place', async () => {
    const { batch, sent } = heldBatch();
    const answers = Promise.all(['a', 'b', 'a'].map((item) => batch.ask(item)));
    expect(sent).toHaveLength(0);
    await endOfRound();
    expect(sent.map((s) => s.items)).toEqual([['a', 'b', 'a']]);
    sent[0]?.release();
    expect(await answers).toEqual(['answer to a', 'answer to b', 'answer to a']);
  });

  it('closes a batch before sending it: an item asked while it is on its way goes in the next one', async () => {
    const { batch, sent } = heldBatch();
    const first = batch.ask('a');
    await endOfRound();
    const second = batch.ask('b');
    await endOfRound();
    expect(sent.map((s) => s.items)).toEqual([['a'], ['b']]);
    sent[1]?.release();
    expect(await second).toBe('answer to b');
    sent[0]?.release();
    expect(await first).toBe('answer to a');
  });

  it('fails every item of a failed batch with its error, and only those', async () => {
    const { batch, sent } = heldBatch();
    const failed = Promise.allSettled([batch.ask('a'), batch.ask('b')]);
    await endOfRound();
    const next = batch.ask('c');
    await endOfRound();
    sent[0]?.fail(new Error('connection lost'));
    sent[1]?.release();
    expect((await failed).map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual([
      'connection lost',
      'connection lost',
    ]);
    expect(await next).toBe('answer to c');
  });
});

describe('turnBatchPer', () => {
  it('batches the items of one key together and never mixes keys', async () => {
    const sent: { key: string; items: readonly number[] }[] = [];
    const ask = turnBatchPer<{ name: string }, number, string>(async (key, items) => {
      sent.push({ key: key.name, items: [...items] });
      return items.map((item) => `${key.name}:${item}`);
    });
    const one = { name: 'one' };
    const two = { name: 'two' };
    const answers = await Promise.all([ask(one, 1), ask(two, 2), ask(one, 3)]);
    expect(answers).toEqual(['one:1', 'two:2', 'one:3']);
    expect(sent).toEqual([
      { key: 'one', items: [1, 3] },
      { key: 'two', items: [2] },
    ]);
  });
});
