/**
 * The sends of the last window (one second) for one tenant, on this process's monotonic clock. Teams counts a
 * bot's requests per app per tenant per second. The shared budget spaces the slots; but a process that was
 * paused or starved wakes with several sends due at once, and the pacer's gate lets late sends out faster than
 * the slot rate so that lateness shrinks. Without this bound those catch-up sends landed in the same second as
 * the on-time ones: the call-out benchmark's paused process drew 865 over-limit 429s for 1,000 cards. With it, a
 * late send waits until it keeps the window, so catching up never exceeds the limit within any second.
 */
export class SendWindow {
  /** Send times, oldest at `oldest` once full (a ring of `perWindow` entries). */
  private readonly times: number[] = [];
  private oldest = 0;

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 1000,
  ) {
    if (!Number.isInteger(perWindow) || perWindow < 1)
      throw new RangeError('perWindow must be a positive integer');
  }

  /** The earliest moment one more send keeps at most `perWindow` sends within any `windowMs`. */
  freeAt(): number {
    if (this.times.length < this.perWindow) return Number.NEGATIVE_INFINITY;
    return (this.times[this.oldest] as number) + this.windowMs;
  }

  /** Counts a send that left at `at` (times come in order: the gate lets one send out at a time). */
  record(at: number): void {
    if (this.times.length < this.perWindow) {
      this.times.push(at);
      return;
    }
    this.times[this.oldest] = at;
    this.oldest = (this.oldest + 1) % this.perWindow;
  }
}
