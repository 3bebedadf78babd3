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

  it('refuses a window that could never let a send out', () => {
    expect(() => new SendWindow(0)).toThrow(RangeError);
    expect(() => new SendWindow(2.5)).toThrow(RangeError);
  });
});
