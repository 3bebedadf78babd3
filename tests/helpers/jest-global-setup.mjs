import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Once per `npm test`, before any worker starts, the suite's migrated template, which every worker copies
 * instead of running the migrations per test file (the workers inherit the environment that names it):
 * - PGlite: an initdb'd and a fully migrated data directory (tests/helpers/pglite-template.ts) in a fresh
 *   temporary folder, BONDGENOTEN_PGLITE_TEMPLATES. Workers also share the demo-seeded dump there (test-db.ts).
 * - PostgreSQL (TEST_DATABASE_URL): a migrated database of this run on the server, BONDGENOTEN_PG_TEMPLATE
 *   (tests/helpers/postgres-template-cli.ts); demo-seeded copies of it are named after it (test-db.ts).
 * Built by a child process under tsx because the migrations are TypeScript that Jest's global setup cannot
 * import as ESM.
 * @param {import('jest').Config} globalConfig
 */
export default async function globalSetup(globalConfig) {
  const helpers = join(globalConfig.rootDir, 'tests', 'helpers');
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    // Unique per run: other runs (other worktrees) share the server, and each drops only its own templates.
    const name = `bg_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(helpers, 'postgres-template-cli.ts'), adminUrl, name],
      { cwd: globalConfig.rootDir },
    );
    process.env.BONDGENOTEN_PG_TEMPLATE = name;
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'bondgenoten-pglite-'));
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(helpers, 'pglite-template-cli.ts'), dir],
    { cwd: globalConfig.rootDir },
  );
  process.env.BONDGENOTEN_PGLITE_TEMPLATES = dir;
}
