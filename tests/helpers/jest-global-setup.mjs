import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Once per `npm test`, before any worker starts: PGlite's templates (an initdb'd and a fully migrated data
 * directory; tests/helpers/pglite-template.ts) go into a fresh temporary folder that every worker reads, named
 * to the workers by BONDGENOTEN_PGLITE_TEMPLATES (they inherit the environment). Before, each worker built them
 * on its first database file, inside that file's hook timeout, and again after every memory-limit restart.
 * Built by a child process under tsx because the migrations are TypeScript that Jest's global setup cannot
 * import as ESM. Not for the PostgreSQL run (TEST_DATABASE_URL), which creates databases on the server.
 * @param {import('jest').Config} globalConfig
 */
export default async function globalSetup(globalConfig) {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = await mkdtemp(join(tmpdir(), 'bondgenoten-pglite-'));
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(globalConfig.rootDir, 'tests', 'helpers', 'pglite-template-cli.ts'), dir],
    { cwd: globalConfig.rootDir },
  );
  process.env.BONDGENOTEN_PGLITE_TEMPLATES = dir;
}
