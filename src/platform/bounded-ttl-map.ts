/**
 * A map whose entries live at most `ttlMs` (or until their own `validUntil`, if sooner) and which holds at
 * most `maxEntries`, dropping the least recently used first. For short-lived in-process caches: memory stays
 * bounded however many distinct keys arrive, and nothing outlives its time.
 */
export class BoundedTtlMap<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number }) {}

  /** The live value for `key` at `nowMs`, or undefined (an expired entry is dropped). */
  get(key: K, nowMs: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= nowMs) return undefined;
    // Re-inserting moves the key to the end: Map keeps insertion order, so the first key is the least recent.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` until `nowMs + ttlMs`, or until `validUntil` when that is sooner; a zero TTL keeps nothing. */
  set(key: K, value: V, nowMs: number, validUntil = Number.POSITIVE_INFINITY): void {
    const expiresAt = Math.min(nowMs + this.options.ttlMs, validUntil);
    this.entries.delete(key);
    if (expiresAt <= nowMs || this.options.maxEntries <= 0) return;
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt });
  }

  /** Forgets `key`. */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** How many entries are held (expired ones included until they are next read or pushed out). */
  get size(): number {
    return this.entries.size;
  }
}
