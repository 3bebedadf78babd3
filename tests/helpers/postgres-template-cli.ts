import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

/**
 * Creates the database named by the second argument on the PostgreSQL server whose admin URL is the first, and
 * runs every migration in it (tests/helpers/jest-global-setup.mjs runs this once per `npm test` on PostgreSQL;
 * test-db.ts then creates each test database as a copy of it, `create database … template …`, instead of running
 * the migrations again per file). Built by a child process under tsx because the migrations are TypeScript that
 * Jest's global setup cannot import as ESM.
 */
const [adminUrl, name] = process.argv.slice(2);
if (!adminUrl || !name || !/^[a-z0-9_]+$/.test(name)) {
  throw new Error('usage: postgres-template-cli.ts <admin url> <database name: a-z, 0-9, _>');
}
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  await admin.query(`create database ${name}`);
} finally {
  await admin.end();
}
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
try {
  await migrateToLatest(handle);
} finally {
  // Every connection closed: PostgreSQL copies a template only while nobody is connected to it.
  await handle.close();
}
