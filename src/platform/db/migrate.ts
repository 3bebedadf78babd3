import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { projectRoot } from '../project-root.js';
import type { DatabaseHandle } from './database.js';

/** The folder of committed SQL migrations, applied in file-name order. */
export const MIGRATIONS_DIR = join(projectRoot(), 'src', 'platform', 'db', 'migrations');

/**
 * Feeds committed `.sql` files to Kysely's Migrator, which records them and takes a lock
 * so that several instances starting at once apply each migration exactly once.
 */
class SqlFileMigrationProvider implements MigrationProvider {
  constructor(
    private readonly dir: string,
    private readonly runScript: DatabaseHandle['runScript'],
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((file) => file.endsWith('.sql')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(join(this.dir, file), 'utf8');
      migrations[file.replace(/\.sql$/, '')] = {
        up: (db) => this.runScript(db, text),
      };
    }
    return migrations;
  }
}

function migrator(handle: DatabaseHandle, dir: string): Migrator {
  return new Migrator({
    // biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
    db: handle.db as Kysely<any>,
    provider: new SqlFileMigrationProvider(dir, handle.runScript),
  });
}

/** Applies every pending migration; throws with the failing migration's name if one fails (it is rolled back). */
export async function migrateToLatest(handle: DatabaseHandle, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { error, results } = await migrator(handle, dir).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}

/** Names of migrations that exist as files but are not applied yet; empty when the database is current. */
export async function pendingMigrations(handle: DatabaseHandle, dir = MIGRATIONS_DIR): Promise<string[]> {
  const all = await migrator(handle, dir).getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
