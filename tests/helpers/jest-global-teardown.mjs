import { rm } from 'node:fs/promises';
import pg from 'pg';

/**
 * Removes what jest-global-setup.mjs made for this run: the folder of PGlite templates, or on PostgreSQL the
 * migrated template database and every demo-seeded template named after it (test-db.ts).
 */
export default async function globalTeardown() {
  const dir = process.env.BONDGENOTEN_PGLITE_TEMPLATES;
  if (dir) await rm(dir, { recursive: true, force: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.BONDGENOTEN_PG_TEMPLATE;
  if (adminUrl && template) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select datname from pg_database where datname = $1 or starts_with(datname, $1 || '_')`,
        [template],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await client.end();
    }
  }
}
