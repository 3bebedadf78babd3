import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { threadIdFromJoinUrl } from '../../src/meetings/panel/teams-thread.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/platform/db/migrate.js';
import { seedDemoMunicipality } from '../../src/server/seed/seed-demo.js';
import { createEmptyTestDatabase, TEST_ENGINE } from '../helpers/test-db.js';

/**
 * Migration 0049 fills the Teams thread id of existing meetings from their long join links, exactly where
 * the app's own parser (threadIdFromJoinUrl) finds one, so the side panel still finds meetings made before it.
 */
const LINKS = [
  // Graph's long link, lower-case escapes
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_RmljdGllZkVlbg%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d',
  // upper-case escapes
  'https://teams.microsoft.com/l/meetup-join/19%3AMeeting_RmljdGllZlR3ZWU%40thread.v2/0',
  // Teams' short link: no thread id
  'https://teams.microsoft.com/meet/29384756102938?p=FictiefWachtwoord',
  // the local run's placeholder
  'http://localhost:3978/lokaal/bijeenkomst/4f0c3a57-0000-4000-8000-000000000001',
  // not a thread id once decoded
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%27%20or%201%3d1%40thread.v2/0',
];

let handle: DatabaseHandle | undefined;
let before: string | undefined;
afterAll(async () => {
  await handle?.close();
  if (before) await rm(before, { recursive: true, force: true });
});

describe(`migration 0049 on ${TEST_ENGINE}`, () => {
  it('backfills the thread id of long join links, the same as the app parses them, and nothing else', async () => {
    handle = await createEmptyTestDatabase();
    before = await mkdtemp(join(tmpdir(), 'bg-before-0049-'));
    for (const file of await readdir(MIGRATIONS_DIR))
      if (file.endsWith('.sql') && file < '0049')
        await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
    await migrateToLatest(handle, before);
    expect(await seedDemoMunicipality(handle.db)).toBe('seeded');
    const network = await sql<{ id: string }>`select id from networks order by name limit 1`.execute(
      handle.db,
    );
    const networkId = network.rows[0]?.id;
    for (const [index, link] of LINKS.entries()) {
      const day = `2026-10-${String(index + 10)}`;
      await sql`insert into meetings (network_id, meeting_date, starts_at, ends_at, organiser, intent_id, join_url)
        values (${networkId}, ${day}, ${`${day}T17:00:00Z`}, ${`${day}T19:00:00Z`}, 'secretaris@example.org',
          gen_random_uuid(), ${link})`.execute(handle.db);
    }

    // 0049 runs first on this database; later migrations follow it.
    expect((await migrateToLatest(handle))[0]).toBe('0049_teams_thread_ids');

    const rows = await handle.db
      .selectFrom('meetings')
      .select(['join_url', 'teams_thread_id'])
      .where('join_url', 'in', LINKS)
      .execute();
    const threadOf = new Map(rows.map((row) => [row.join_url, row.teams_thread_id]));
    expect(LINKS.map((link) => threadOf.get(link))).toEqual(LINKS.map((link) => threadIdFromJoinUrl(link)));
    expect(LINKS.map((link) => threadOf.get(link))).toEqual([
      '19:meeting_RmljdGllZkVlbg@thread.v2',
      '19:Meeting_RmljdGllZlR3ZWU@thread.v2',
      null,
      null,
      null,
    ]);
  });
});
