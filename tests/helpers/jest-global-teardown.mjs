import { rm } from 'node:fs/promises';

/** Removes the folder of PGlite templates that jest-global-setup.mjs made for this run. */
export default async function globalTeardown() {
  const dir = process.env.BONDGENOTEN_PGLITE_TEMPLATES;
  if (dir) await rm(dir, { recursive: true, force: true });
}
