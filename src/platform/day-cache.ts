import { BoundedTtlMap } from './bounded-ttl-map.js';

/** How many entries a {@link DayCache} keeps, and how long an unasked one stays. */
export interface DayCacheSettings {
  maxEntries: number;
  ttlMs: number;
}

/**
 * A bounded in-process cache whose entries hold for the local (Amsterdam) day they were made on: absences and
 * overdue introductions change by day, so an entry of another day is dropped when asked for. The time to live only
 * frees memory; whether an entry may still be used (its change stamps) is checked by its user, against the
 * database, on every request. Shared by the network page and area overview caches.
 */
export class DayCache<K, V extends { today: string }> {
  private readonly entries: BoundedTtlMap<K, V>;
  /** Requests answered from an entry and requests read afresh (for tests and the bench; no personal data). */
  readonly counts = { hits: 0, misses: 0 };

  constructor(settings: DayCacheSettings) {
    this.entries = new BoundedTtlMap(settings);
  }

  /** The entry for `key` made on `today`, if any (its stamps still to be checked). */
  get(key: K, today: string, nowMs: number): V | undefined {
    const entry = this.entries.get(key, nowMs);
    if (entry && entry.today !== today) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: K, entry: V, nowMs: number): void {
    this.entries.set(key, entry, nowMs);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
