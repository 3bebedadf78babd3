import { describe, expect, it } from '@jest/globals';
import { SendWindow } from './send-window.js';

/** Sends as early as the window lets them, from `wantedAt` on: what the pacer's gate does. */
function sendAll(window: SendWindow, wantedAt: number[]): number[] {
  return wantedAt.map((wanted) => {
    const at = Math.max(wanted, window.freeAt());
    window.record(at);
    return at;
  });
}

/** The most sends within any half-open window of `ms`. */
function busiest(times: number[], ms: number): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + ms).length);
  return most;
}

describe('SendWindow', () => {
  it('lets a burst of late sends out no faster than the limit within any second', () => {
    // A process woken from a 600 ms pause with 120 sends due at once.
    const sent = sendAll(
      new SendWindow(49),
      Array.from({ length: 120 }, () => 600),
    );
    expect(busiest(sent, 1000)).toBe(49);
    expect(sent.slice(0, 49).every((at) => at === 600)).toBe(true);
    expect(sent[49]).toBe(1600);
    expect(sent[98]).toBe(2600);
  });

  it('does not hold back sends that already keep the limit', () => {
    // Evenly spaced just under the limit (one every 21 ms, 47.6/s), and exactly at it: never delayed.
    const wanted = Array.from({ length: 200 }, (_, i) => i * 21);
    expect(sendAll(new SendWindow(49), wanted)).toEqual(wanted);
    const atLimit = Array.from({ length: 200 }, (_, i) => i * 25);
    expect(sendAll(new SendWindow(40), atLimit)).toEqual(atLimit);
  });

  it('bounds every window also when on-time and late sends mix', () => {
    // Alternating pauses: 200 ms asleep, then what came due meanwhile at once (the paused-process benchmark).
    const wanted: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const due = (i * 1000) / 49;
      const cycle = Math.floor(due / 400) * 400;
      wanted.push(due - cycle < 200 ? cycle + 200 : due);
    }
    const sent = sendAll(new SendWindow(49), wanted);
    expect(busiest(sent, 1000)).toBeLessThanOrEqual(49);
    expect(busiest(wanted, 1000)).toBeGreaterThan(49);
    // Every send still leaves, in order, none before it was due.
    expect(
      sent.every((at, i) => at >= (wanted[i] as number) && (i === 0 || at >= (sent[i - 1] as number))),
    ).toBe(true);
  });

  it('counts an unwritten send as filling the window until it is written', async () => {
    const window = new SendWindow(3);
    const sends = [window.open(), window.open(), window.open()];
    expect(window.freeAt()).toBe(Number.POSITIVE_INFINITY);
    const woken = window.written();
    sends[1]?.write(250);
    await woken;
    expect(window.freeAt()).toBe(1250);
    sends[0]?.write(400);
    sends[0]?.write(100); // a second report (a second request of the same job) changes nothing
    sends[2]?.write(300);
    expect(window.freeAt()).toBe(1250);
    window.open();
    expect(window.freeAt()).toBe(1300);
  });

  it('keeps the writes within any second at the limit however late each request is written', () => {
    // A starved process: each request let out is written from 0 to 400 ms later, in no particular order.
    const starved = (countWrites: boolean) => {
      let seed = 7;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed / 2_147_483_648;
      };
      const window = new SendWindow(49);
      const unwritten: { at: number; send: { write(at: number): void } | null }[] = [];
      const writes: number[] = [];
      const write = (next: { at: number; send: { write(at: number): void } | null }) => {
        next.send?.write(next.at);
        writes.push(next.at);
      };
      let now = 0;
      let letOut = 0;
      while (letOut < 600) {
        const free = window.freeAt();
        if (free <= now) {
          letOut += 1;
          const at = now + random() * 400;
          if (countWrites) unwritten.push({ at, send: window.open() });
          else {
            // As before: counted when let out.
            window.record(now);
            unwritten.push({ at, send: null });
          }
          now += 10; // the gate's catch-up pace: twice the rate
          continue;
        }
        // Nothing may go out before the next write or the window's free moment, whichever is first.
        unwritten.sort((a, b) => a.at - b.at);
        const next = unwritten[0];
        if (next && next.at <= free) {
          unwritten.shift();
          now = Math.max(now, next.at);
          write(next);
        } else now = free;
      }
      for (const next of unwritten) write(next);
      return { writes: writes.sort((a, b) => a - b), seconds: now / 1000 };
    };
    const counted = starved(true);
    expect(busiest(counted.writes, 1000)).toBeLessThanOrEqual(49);
    // Still close to the limit: waiting for writes costs little.
    expect(600 / counted.seconds).toBeGreaterThan(40);
    // Counted by the time each was let out, the same writes bunched over the limit.
    expect(busiest(starved(false).writes, 1000)).toBeGreaterThan(49);
  });

  it('refuses a window that could never let a send out', () => {
    expect(() => new SendWindow(0)).toThrow(RangeError);
    expect(() => new SendWindow(2.5)).toThrow(RangeError);
  });
});
