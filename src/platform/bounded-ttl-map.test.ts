import { describe, expect, it } from '@jest/globals';
import { BoundedTtlMap } from './bounded-ttl-map.js';

describe('BoundedTtlMap', () => {
  it('returns a value until its time-to-live has passed, then forgets it', () => {
    const map = new BoundedTtlMap<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    map.set('a', 1, 0);
    expect(map.get('a', 999)).toBe(1);
    expect(map.get('a', 1_000)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('ends an entry at its own validUntil when that comes before the time-to-live', () => {
    const map = new BoundedTtlMap<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    map.set('a', 1, 0, 200);
    expect(map.get('a', 199)).toBe(1);
    expect(map.get('a', 200)).toBeUndefined();
  });

  it('keeps nothing with a zero time-to-live or an entry already past its validUntil', () => {
    const map = new BoundedTtlMap<string, number>({ ttlMs: 0, maxEntries: 10 });
    map.set('a', 1, 0);
    expect(map.get('a', 0)).toBeUndefined();
    const live = new BoundedTtlMap<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    live.set('b', 2, 500, 400);
    expect(live.size).toBe(0);
  });

  it('holds at most maxEntries, pushing out the least recently used', () => {
    const map = new BoundedTtlMap<string, number>({ ttlMs: 1_000, maxEntries: 2 });
    map.set('a', 1, 0);
    map.set('b', 2, 0);
    expect(map.get('a', 1)).toBe(1); // a is now more recent than b
    map.set('c', 3, 2);
    expect(map.size).toBe(2);
    expect(map.get('b', 3)).toBeUndefined();
    expect(map.get('a', 3)).toBe(1);
    expect(map.get('c', 3)).toBe(3);
  });

  it('replaces a value set again and forgets a deleted one', () => {
    const map = new BoundedTtlMap<string, number>({ ttlMs: 1_000, maxEntries: 2 });
    map.set('a', 1, 0);
    map.set('a', 2, 0);
    expect(map.size).toBe(1);
    expect(map.get('a', 0)).toBe(2);
    map.delete('a');
    expect(map.get('a', 0)).toBeUndefined();
  });
});
