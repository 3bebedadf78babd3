import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/platform/db/schema.js';

/** What counts as an idle server: this many probes in a row, each answered within `quietMs`. */
const QUIET_MS = 25;
const QUIET_PROBES = 5;
const LIMIT_MS = 30_000;

/**
 * Waits until the server has worked off what a load run left behind, and returns how long that took.
 * autocannon stops at its deadline, but the server still finishes every request already in flight
 * (up to one per connection); a slow endpoint can leave seconds of work that would otherwise be
 * charged to whatever is measured next. A probe is one `/healthz` plus one `select 1` through the
 * app's own database handle: the first waits behind PGlite's work on the event loop, the second
 * behind PostgreSQL's pool queue.
 */
export async function waitUntilIdle(baseUrl: string, db: Kysely<Database>): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  while (quiet < QUIET_PROBES && performance.now() - started < LIMIT_MS) {
    const probe = performance.now();
    const response = await fetch(`${baseUrl}/healthz`);
    await response.arrayBuffer();
    await sql`select 1`.execute(db);
    quiet = performance.now() - probe <= QUIET_MS ? quiet + 1 : 0;
  }
  return performance.now() - started;
}
