/** The items asked during one turn, and the answer they will all share. */
interface OpenBatch<T, R> {
  items: T[];
  answer: Promise<readonly R[]>;
}

/**
 * Collects the items asked while the event loop handles one round of ready connections (all the requests that
 * arrived together) and sends them at the end of that round (`setImmediate`) as one batch, so concurrent requests
 * share one round trip instead of one each. The batch is closed before it is sent: an item asked from then on waits
 * for the next batch, so each item is answered by a statement sent after it was asked (it reads a snapshot taken
 * after its request arrived, as a statement of its own would). A lone item pays nothing for it but the rest of that
 * loop round. `send` answers per item, in the order given; when it fails, every item of that batch fails with its
 * error (and only those). Used by the access cache (`AccessCache`), the network page's stamp checks and the area
 * overview's digest checks.
 */
export class TurnBatch<T, R> {
  private open: OpenBatch<T, R> | undefined;

  constructor(private readonly send: (items: readonly T[]) => Promise<readonly R[]>) {}

  /** `item`'s answer, from the batch sent at the end of this loop round. */
  async ask(item: T): Promise<R> {
    let batch = this.open;
    if (!batch) {
      const items: T[] = [];
      const answer = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        // Closed before it is sent: an item asked from now on waits for the next batch.
        this.open = undefined;
        return this.send(items);
      });
      batch = { items, answer };
      this.open = batch;
    }
    const index = batch.items.push(item) - 1;
    const answers = await batch.answer;
    return answers[index] as R;
  }
}

/**
 * A {@link TurnBatch} per key (per database, say), made on first use and forgotten with its key: `ask(key, item)`
 * joins the batch of that key, which `send(key, items)` answers.
 */
export function turnBatchPer<K extends object, T, R>(
  send: (key: K, items: readonly T[]) => Promise<readonly R[]>,
): (key: K, item: T) => Promise<R> {
  const batches = new WeakMap<K, TurnBatch<T, R>>();
  return (key, item) => {
    let batch = batches.get(key);
    if (!batch) {
      batch = new TurnBatch((items) => send(key, items));
      batches.set(key, batch);
    }
    return batch.ask(item);
  };
}
