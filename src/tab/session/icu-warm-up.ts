/**
 * Starts a worker that makes the browser's ICU ready (see icu-warm-up.worker.ts) while the main thread is still
 * evaluating the initial JS, so that the first `Intl` call on the main thread - react-intl's createIntl in the
 * first render - no longer pays ICU's start-up there (issue 21: 15-40 ms of a first page's main thread on a quiet
 * machine, more under load, which the blank tab never pays). Best effort: where workers are missing or refused,
 * the main thread pays it as before.
 */
export function warmUpIcu(): void {
  if (typeof Worker !== 'function') return;
  try {
    new Worker(new URL('./icu-warm-up.worker.ts', import.meta.url), { name: 'icu-warm-up' });
  } catch {
    // A CSP or browser that refuses the worker: nothing is lost but the head start.
  }
}
