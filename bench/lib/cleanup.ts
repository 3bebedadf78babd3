const pending = new Set<() => Promise<void>>();

/**
 * Registers work that must happen even when the run is interrupted (dropping a PostgreSQL database,
 * closing Chromium); returns a function that runs it now and unregisters it.
 */
export function deferCleanup(work: () => Promise<void>): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    pending.delete(once);
    await work();
  };
  pending.add(once);
  return once;
}

/** Runs every registered clean-up once, newest first, ignoring failures (it runs while exiting). */
export async function runPendingCleanups(): Promise<void> {
  for (const work of [...pending].reverse()) await work().catch(() => {});
}

/** On Ctrl-C or SIGTERM: clean up, then exit with the signal's conventional code. */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: cleaning up…\n`);
      void runPendingCleanups().finally(() => process.exit(code));
    });
  }
}
