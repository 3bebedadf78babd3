/**
 * The import-boundary rules of docs/architecture.md as pure functions over an import graph, so that each rule
 * has a test (tests/architecture/boundary-rules.test.ts) and the check itself (check.ts) only reads files.
 */

/** One import: the importing file, the imported file (repository-relative) or package name. */
export interface ImportEdge {
  from: string;
  /** A repository-relative path such as `src/teams/index.ts`, or a package specifier such as `botbuilder`. */
  to: string;
}

/** A broken rule, named so the allow-list can refer to it. */
export interface Violation {
  rule: RuleName;
  from: string;
  to: string;
}

export type RuleName =
  | 'platform-imports-no-capability'
  | 'nothing-imports-server'
  | 'tab-imports-own-tab-shell-constants'
  | 'no-foreign-store'
  | 'only-teams-imports-botbuilder'
  | 'no-folder-cycles'
  | 'sql-only-in-stores'
  | 'tables-owned-by-stores';

/** Folders under src/ that are not capabilities. */
const NON_CAPABILITY = new Set(['platform', 'server', 'teams', 'tab', 'm365']);

/** The top-level folder under src/ of a path, or null outside src/. */
export function topFolder(path: string): string | null {
  const match = /^src\/([^/]+)\//.exec(path);
  return match?.[1] ?? null;
}

/** Whether a top-level folder is a capability (network, meetings, call-outs, …). */
export function isCapability(folder: string | null): folder is string {
  return folder !== null && !NON_CAPABILITY.has(folder);
}

function isSourcePath(to: string): boolean {
  return to.startsWith('src/');
}

/** Entry points (command-line tools) compose like src/server does and may read the configuration. */
function isEntryPoint(path: string): boolean {
  return /-cli\.ts$/.test(path) || path.startsWith('src/server/');
}

/** A capability's tab code: `src/<capability>/tab/…`. */
function capabilityTab(path: string): string | null {
  const folder = /^src\/([^/]+)\/tab\//.exec(path)?.[1] ?? null;
  return isCapability(folder) ? folder : null;
}

/** The Database type (src/platform/db/schema.ts) composing a capability's tables (its `db-schema.ts`). */
function isSchemaComposition(edge: ImportEdge): boolean {
  return edge.from === 'src/platform/db/schema.ts' && /^src\/[^/]+\/(.+\/)?db-schema\.ts$/.test(edge.to);
}

/**
 * src/platform imports only src/platform. Exceptions: the schema composing each `db-schema.ts`, and a
 * command-line entry point (`migrate-cli.ts`) reading the configuration.
 */
export function platformImportsNoCapability(edge: ImportEdge): boolean {
  if (topFolder(edge.from) !== 'platform' || !isSourcePath(edge.to)) return true;
  if (/-cli\.ts$/.test(edge.from) && topFolder(edge.to) === 'server') return true;
  return topFolder(edge.to) === 'platform' || isSchemaComposition(edge);
}

/** Only src/server (the composition root) and command-line entry points import src/server. */
export function nothingImportsServer(edge: ImportEdge): boolean {
  return topFolder(edge.to) !== 'server' || isEntryPoint(edge.from);
}

/**
 * A capability's tab/ imports its own tab code, the tab shell (src/tab) and capabilities' `constants.ts`.
 * One exception: its API client (`*-endpoints.ts`) reads replies with its own capability's operation schemas
 * (`schemas.ts`, `*-schemas.ts`), the one zod schema per operation that the route declares too.
 */
export function tabImportsOwnTabShellConstants(edge: ImportEdge): boolean {
  const capability = capabilityTab(edge.from);
  if (!capability || !isSourcePath(edge.to)) return true;
  if (capabilityTab(edge.to) === capability) return true;
  if (topFolder(edge.to) === 'tab') return true;
  const ownSchemas = topFolder(edge.to) === capability && /(^|\/|-)schemas\.ts$/.test(edge.to);
  if (ownSchemas && /-endpoints\.ts$/.test(edge.from)) return true;
  return /^src\/[^/]+\/constants\.ts$/.test(edge.to) && isCapability(topFolder(edge.to));
}

/** No capability imports another capability's store: it reads through the owner's exported functions. */
export function noForeignStore(edge: ImportEdge): boolean {
  const from = topFolder(edge.from);
  const to = topFolder(edge.to);
  if (!isCapability(from) || !isCapability(to) || from === to) return true;
  return !/store\.ts$/.test(edge.to);
}

/** Only src/teams imports the Bot Framework SDK. */
export function onlyTeamsImportsBotbuilder(edge: ImportEdge): boolean {
  if (!/^(botbuilder|botframework-)/.test(edge.to)) return true;
  return topFolder(edge.from) === 'teams';
}

/**
 * The node a file belongs to in the folder graph: its top-level folder, with a capability's tab/ counted on
 * its own (the tab is a separate build that the tab shell routes to).
 */
export function folderNode(path: string): string | null {
  const folder = topFolder(path);
  if (!folder) return null;
  return capabilityTab(path) ? `${folder}/tab` : folder;
}

/**
 * Folders that import each other in a circle: one violation per strongly connected component of the folder
 * graph, `from` naming its folders (sorted, joined by " <-> ") and `to` one import that closes it. The tab
 * shell plugging capability pages in (src/tab -> src/<capability>/tab) is composition, like src/server, and
 * not counted.
 */
export function folderCycles(edges: readonly ImportEdge[]): Violation[] {
  const graph = new Map<string, Set<string>>();
  const witness = new Map<string, ImportEdge>();
  for (const edge of edges) {
    const from = folderNode(edge.from);
    const to = isSourcePath(edge.to) ? folderNode(edge.to) : null;
    if (!from || !to || from === to) continue;
    if (from === 'tab' && to.endsWith('/tab')) continue;
    // Command-line tools are roots nobody imports, and the Database type composing each capability's tables
    // is the one import platform may make (type-only): neither can close a cycle of dependencies.
    if (/-cli\.ts$/.test(edge.from) || isSchemaComposition(edge)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)?.add(to);
    if (!witness.has(`${from}>${to}`)) witness.set(`${from}>${to}`, edge);
  }
  const component = stronglyConnected(graph);
  const members = new Map<number, string[]>();
  for (const [node, index] of component) members.set(index, [...(members.get(index) ?? []), node]);
  const violations: Violation[] = [];
  for (const nodes of members.values()) {
    if (nodes.length < 2) continue;
    const sorted = [...nodes].sort();
    const first = sorted[0] ?? '';
    const next = [...(graph.get(first) ?? [])].find((to) => component.get(to) === component.get(first));
    const edge = next ? witness.get(`${first}>${next}`) : undefined;
    violations.push({
      rule: 'no-folder-cycles',
      from: sorted.join(' <-> '),
      to: edge ? `${edge.from} -> ${edge.to}` : '',
    });
  }
  return violations;
}

/** Tarjan's algorithm: the component index of each node. */
function stronglyConnected(graph: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let components = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (!component.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) component.set(member, components);
      } while (member !== undefined && member !== node);
      components += 1;
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return component;
}

const EDGE_RULES: ReadonlyArray<[RuleName, (edge: ImportEdge) => boolean]> = [
  ['platform-imports-no-capability', platformImportsNoCapability],
  ['nothing-imports-server', nothingImportsServer],
  ['tab-imports-own-tab-shell-constants', tabImportsOwnTabShellConstants],
  ['no-foreign-store', noForeignStore],
  ['only-teams-imports-botbuilder', onlyTeamsImportsBotbuilder],
];

/**
 * Every rule over the whole graph. Cycles are looked for among the imports that break no other rule: an
 * upward import into src/server is reported as that, not again as every cycle it closes.
 */
export function findViolations(edges: readonly ImportEdge[]): Violation[] {
  const violations: Violation[] = [];
  const clean: ImportEdge[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    // A file that imports a module twice (a value and a type import) breaks a rule once.
    if (seen.has(`${edge.from} ${edge.to}`)) continue;
    seen.add(`${edge.from} ${edge.to}`);
    const broken = EDGE_RULES.filter(([, holds]) => !holds(edge));
    for (const [rule] of broken) violations.push({ rule, from: edge.from, to: edge.to });
    if (broken.length === 0) clean.push(edge);
  }
  return [...violations, ...folderCycles(clean)];
}

/**
 * An allowed exception: a rule broken today by the imports from files under `from` (a path or folder prefix)
 * of files under `to`, with the issue that removes it.
 */
export interface AllowedViolation {
  rule: RuleName;
  from: string;
  to: string;
  issue: string;
}

function covers(allowed: AllowedViolation, violation: Violation): boolean {
  if (allowed.rule !== violation.rule) return false;
  // A circle is allowed as exactly that set of folders: one more folder joining it is a new violation, and one
  // leaving it makes the entry stale, so the entry is rewritten as the circle shrinks.
  if (violation.rule === 'no-folder-cycles') return violation.from === allowed.from;
  return violation.from.startsWith(allowed.from) && violation.to.startsWith(allowed.to);
}

/** The violations the allow-list does not cover, and the allow-list entries that cover none (stale). */
export function applyAllowList(
  violations: readonly Violation[],
  allowed: readonly AllowedViolation[],
): { remaining: Violation[]; stale: AllowedViolation[] } {
  return {
    remaining: violations.filter((v) => !allowed.some((a) => covers(a, v))),
    stale: allowed.filter((a) => !violations.some((v) => covers(a, v))),
  };
}

/** Files that may speak SQL: stores (`*-store.ts`), the db platform (connection, migrations, transaction helper). */
function maySpeakSql(path: string): boolean {
  return /-store\.ts$/.test(path) || path.startsWith('src/platform/db/');
}

/** Kysely's query builders and transactions, called on a database or a transaction. */
const QUERY_CALL = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|transaction)\s*\(/g;

/** A value import of Kysely's `sql` tag (a type-only import names no SQL). */
const SQL_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]kysely['"]/g;

/**
 * Only stores speak SQL: a source file under src/ that is not a store (nor src/platform/db, nor a test) must
 * not import Kysely's `sql` or call `.selectFrom/.insertInto/.updateTable/.deleteFrom/.transaction`. One
 * violation per file and construct, `to` naming the construct (`kysely sql`, `.selectFrom`, …).
 */
export function sqlOutsideStores(path: string, text: string): Violation[] {
  if (!path.startsWith('src/') || maySpeakSql(path) || /\.test\.tsx?$/.test(path)) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(SQL_IMPORT)) {
    const names = (match[1] ?? '').split(',').map((name) => name.trim());
    if (names.some((name) => name === 'sql' || name.startsWith('sql as '))) found.add('kysely sql');
  }
  for (const match of text.matchAll(QUERY_CALL)) found.add(`.${match[1]}`);
  return [...found].map((to) => ({ rule: 'sql-only-in-stores' as const, from: path, to }));
}

/**
 * The tables a `db-schema.ts` declares: the members of its `…Tables` interface (or type), each owned by the
 * top-level folder the file lives in (`src/meetings/bot/db-schema.ts` → meetings).
 */
export function declaredTables(path: string, text: string): Map<string, string> {
  const owner = topFolder(path);
  const tables = new Map<string, string>();
  if (!owner) return tables;
  const block =
    /export\s+(?:interface\s+\w+Tables(?:\s+extends\s+[^{]*)?|type\s+\w+Tables\s*=)\s*\{([^}]*)\}/g;
  for (const match of text.matchAll(block))
    for (const member of (match[1] ?? '').matchAll(/^\s*(\w+)\??\s*:/gm)) tables.set(member[1] ?? '', owner);
  return tables;
}

/** The text without comments, so that a table named in prose is not read as a query. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Kysely calls whose first argument names tables: `'people'`, `'people as p'`, `['a', 'b as x']`. */
const TABLE_CALL =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral|using|table)\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*"|`[^`]*`)/g;

/** Where raw SQL (a `sql` template) names a table. */
const RAW_TABLE = /\b(?:from|join|into|update|table|exists)\s+(\w+)/gi;

/**
 * A store queries only its own capability's tables (ownership read from the `db-schema.ts` files): another
 * capability's rows are read through the owner's exported functions or a port. Looks at a store's Kysely
 * calls (`selectFrom`, `insertInto`, `updateTable`, `deleteFrom`, joins, `sql.table`) and at the tables its raw
 * SQL names after `from`, `join`, `into`, `update`. One violation per store and table, `to` naming the table.
 */
export function foreignTables(path: string, text: string, owners: ReadonlyMap<string, string>): Violation[] {
  if (!/-store\.ts$/.test(path)) return [];
  const own = topFolder(path);
  const code = withoutComments(text);
  const named = new Set<string>();
  for (const match of code.matchAll(TABLE_CALL))
    for (const table of (match[2] ?? '').matchAll(/['"`]\s*(\w+)/g)) named.add(table[1] ?? '');
  for (const match of code.matchAll(RAW_TABLE)) named.add((match[1] ?? '').toLowerCase());
  return [...named]
    .filter((table) => owners.has(table) && owners.get(table) !== own)
    .sort()
    .map((table) => ({ rule: 'tables-owned-by-stores' as const, from: path, to: table }));
}
