/**
 * The import-boundary check (`npm run lint` runs it): reads every import under src/ with TypeScript's own
 * pre-processor, applies the rules of rules.ts, and fails on any violation the allow-list does not name,
 * and on allow-list entries that no longer occur (so the list only shrinks).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
import { ALLOWED } from './allow-list.js';
import {
  applyAllowList,
  declaredTables,
  findViolations,
  foreignTables,
  type ImportEdge,
  sqlOutsideStores,
  type Violation,
} from './rules.js';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A relative specifier as a repository path (`./x.js` → `src/…/x.ts`); packages stay as they are. */
function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '');
  const candidates = [`${stem}.ts`, `${stem}.tsx`, base, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((candidate) => existsSync(join(root, candidate))) ?? base;
}

/** Every import, re-export and dynamic import of the files under src/. */
export function importEdges(): ImportEdge[] {
  return sourceFiles('src').flatMap((from) => {
    const text = readFileSync(join(root, from), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    return importedFiles.map((file) => ({ from, to: resolve(from, file.fileName) }));
  });
}

/** Every file under src/ that speaks SQL without being a store. */
export function sqlViolations(): Violation[] {
  return sourceFiles('src').flatMap((path) => sqlOutsideStores(path, readFileSync(join(root, path), 'utf8')));
}

/** Every store that queries another capability's tables (owners read from each `db-schema.ts`). */
export function tableViolations(): Violation[] {
  const files = sourceFiles('src');
  const owners = new Map<string, string>();
  for (const path of files.filter((file) => file.endsWith('/db-schema.ts')))
    for (const [table, owner] of declaredTables(path, readFileSync(join(root, path), 'utf8')))
      owners.set(table, owner);
  return files.flatMap((path) => foreignTables(path, readFileSync(join(root, path), 'utf8'), owners));
}

const { remaining, stale } = applyAllowList(
  [...findViolations(importEdges()), ...sqlViolations(), ...tableViolations()],
  ALLOWED,
);
for (const v of remaining) {
  const verb =
    v.rule === 'sql-only-in-stores'
      ? 'speaks SQL outside a store:'
      : v.rule === 'tables-owned-by-stores'
        ? "queries another capability's table"
        : 'imports';
  console.error(`boundary: ${v.rule}: ${v.from} ${verb} ${v.to}`);
}
for (const a of stale)
  console.error(`boundary: allow-list entry no longer needed (remove it): ${a.rule} ${a.from} → ${a.to}`);
if (remaining.length > 0 || stale.length > 0) {
  console.error(`boundary check: ${remaining.length} violations, ${stale.length} stale allow-list entries`);
  process.exit(1);
}
console.log(`boundary check: ok (${ALLOWED.length} allow-list entries)`);
