/**
 * The sends of the last window (one second) for one tenant, on this process's monotonic clock. Teams counts a
 * bot's requests per app per tenant per second. The shared budget spaces the slots; but a process that was
 * paused or starved wakes with several sends due at once, and the pacer's gate lets late sends out faster than
 * the slot rate so that lateness shrinks. Without this bound those catch-up sends landed in the same second as
 * the on-time ones: the call-out benchmark's paused process drew 865 over-limit 429s for 1,000 cards. With it, a
 * late send waits until it keeps the window, so catching up never exceeds the limit within any second.
 *
 * A send is counted from the moment it is let out, as unwritten, until its request is written to the socket;
 * from then on by its write time. Between the two a starved process runs its fetch machinery a few slices at a
 * time (a quarter of a core: up to hundreds of milliseconds), so requests let out evenly were written bunched.
 * Counting an unwritten send as filling the window until it is written keeps the writes themselves at most
 * `perWindow` within any `windowMs`: a send is let out only while fewer than `perWindow` sends are unwritten or
 * were written within the last window, so of any `perWindow + 1` writes within one window the last one let out
 * would have seen the others there.
 */
export class SendWindow {
  /** At most `perWindow` sends: their write times, Infinity while unwritten. Older ones no longer matter. */
  private readonly sends: { at: number }[] = [];
  private wakers: Array<() => void> = [];

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 1000,
  ) {
    if (!Number.isInteger(perWindow) || perWindow < 1)
      throw new RangeError('perWindow must be a positive integer');
  }

  /**
   * The earliest moment one more send keeps at most `perWindow` sends within any `windowMs`: Infinity while
   * unwritten sends fill the window (see `written`).
   */
  freeAt(): number {
    if (this.sends.length < this.perWindow) return Number.NEGATIVE_INFINITY;
    return this.oldest().at + this.windowMs;
  }

  /** Resolves when an unwritten send is written: the moment to ask `freeAt` again after Infinity. */
  written(): Promise<void> {
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  /**
   * Counts a send let out now (call it only once `freeAt` has passed), unwritten until `write(at)` is called
   * with the time its request was written; later calls are ignored. A send that never gets that far (no
   * request, or one that failed first) must be written too, at the time it ended, or it fills the window
   * forever: that time comes after any write it might have made, so the bound holds.
   */
  open(): { write(at: number): void } {
    if (this.sends.length >= this.perWindow) this.sends.splice(this.sends.indexOf(this.oldest()), 1);
    const send = { at: Number.POSITIVE_INFINITY };
    this.sends.push(send);
    return {
      write: (at: number) => {
        if (send.at !== Number.POSITIVE_INFINITY) return;
        send.at = at;
        for (const wake of this.wakers.splice(0)) wake();
      },
    };
  }

  /** Counts a send written at `at`. */
  record(at: number): void {
    this.open().write(at);
  }

  private oldest(): { at: number } {
    let oldest = this.sends[0] as { at: number };
    for (const send of this.sends) if (send.at < oldest.at) oldest = send;
    return oldest;
  }
}
