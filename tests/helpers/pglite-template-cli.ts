import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPgliteTemplates, pgliteTemplateKey } from './pglite-template.js';

/**
 * Writes the suite's PGlite templates into the folder named by the first argument, as `<key>-empty.tar` and
 * `<key>-migrated.tar` (tests/helpers/jest-global-setup.mjs runs this once per `npm test`; test-db.ts loads them).
 * Each file is written under a temporary name and renamed, so a reader never sees half a template.
 */
const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-template-cli.ts <folder>');
const key = await pgliteTemplateKey();
const templates = await buildPgliteTemplates();
for (const [name, blob] of Object.entries(templates)) {
  const file = join(dir, `${key}-${name}.tar`);
  await writeFile(`${file}.${process.pid}`, Buffer.from(await blob.arrayBuffer()));
  await rename(`${file}.${process.pid}`, file);
}
