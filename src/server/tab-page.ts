import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTH_CONFIG_ELEMENT_ID } from '../platform/http/tab-page-contract.js';

// The tab's index.html as the server sends it for a tab route (issue 21: first pages next to a blank tab).
//
// 1. `<link rel="modulepreload">` for the code of the page the path shows. The tab loads every page on demand, so
//    without it the page's chunk only starts downloading once the initial JS has downloaded and run; with it,
//    the browser fetches it beside the initial JS while it parses the HTML. The chunks come from Vite's build
//    manifest (`build.manifest` in vite.config.ts), so a rebuild never leaves a stale file name here.
// 2. The public sign-in configuration (what `GET /api/v1/auth/config` answers without a session: the mode and
//    the Entra client id) as a JSON script element, which the CSP's `script-src 'self'` allows (it is data, never
//    run). The tab then skips that round trip: in entra mode it goes straight to the Teams SSO token and `/me`.
// 3. The tab's `start-up` chunk (sign-in and the first page's data requests) as an async module script right after
//    the configuration and before every other script and preload, so those requests leave as soon as that small
//    chunk is there.
// 4. For a page Teams hosts (a framed navigation, or `?inTeams=1` as the manifest's contentUrl says: what the tab's
//    `mayBeInTeams` checks), a `<link rel="modulepreload">` of teams-js right after the start-up script. Start-up
//    connects to Teams first thing (and in entra mode then asks the SSO token and `/me`), so teams-js is on the
//    sign-in's critical path: preloaded, it downloads beside the start-up chunk instead of after it. A plain
//    browser never loads teams-js, so it gets no such preload.
//
// The server cannot import the tab's router (the tab is a separate build), so the few first pages worth a
// preload are matched here by their paths; tests/server/tab-page.test.ts checks that each path below shows the
// page whose code the tab loads for it (src/tab/routing/routes.ts, src/tab/session/signed-in-page.tsx).

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * The first pages whose code is preloaded, by path (trailing slashes ignored), each with the source module (a
 * key of Vite's manifest, relative to the tab's root src/tab) that the tab's route loader imports.
 */
export const PRELOADED_PAGES: readonly { path: RegExp; module: string }[] = [
  { path: /^\/(index\.html)?$/, module: '../setup/tab/components/setup-landing.tsx' },
  { path: new RegExp(`^/netwerken/${UUID}$`), module: '../network/tab/pages/network-page.tsx' },
  { path: new RegExp(`^/personen/${UUID}$`), module: '../network/tab/pages/person-page.tsx' },
  {
    path: new RegExp(`^/netwerken/${UUID}/overleggen(/plannen)?$`, 'i'),
    module: '../meetings/tab/pages/meetings-pages.tsx',
  },
  { path: /^\/overleggen\/jaar$/, module: '../meetings/tab/pages/meetings-pages.tsx' },
  { path: /^\/crisisoproepen(\/[^/]+)?$/, module: '../call-outs/tab/pages/call-out-pages.tsx' },
];

/** The source module of the page whose code is preloaded for `pathname`, or null for any other page. */
export function preloadedModuleOf(pathname: string): string | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  return PRELOADED_PAGES.find((page) => page.path.test(path))?.module ?? null;
}

/** One chunk of Vite's build manifest (`dist/tab/.vite/manifest.json`), as far as it is read here. */
interface ManifestChunk {
  file: string;
  /** The chunk's name: a chunk group's name in vite.config.ts (`start-up`), else its module's. */
  name?: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The manifest keys of `key` and of every chunk it imports statically, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/**
 * The files to preload for the page module `module`: its chunk and the chunks it imports, leaving out those of
 * the entry, which index.html loads (and preloads) already. Empty when the manifest does not know the module.
 */
export function pageChunkFiles(manifest: Manifest, module: string): string[] {
  if (!manifest[module]) return [];
  const initial = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest))
    if (chunk.isEntry) staticClosure(manifest, key, initial);
  return [...staticClosure(manifest, module)]
    .filter((key) => !initial.has(key))
    .map((key) => `/${manifest[key]?.file}`);
}

/**
 * The file of the tab's `start-up` chunk (vite.config.ts: sign-in and the first page's data requests), which
 * the entry imports; null when the build has none.
 */
export function startUpChunkFile(manifest: Manifest): string | null {
  for (const chunk of Object.values(manifest)) {
    if (!chunk.isEntry) continue;
    const key = chunk.imports?.find((imported) => manifest[imported]?.name === 'start-up');
    if (key) return `/${manifest[key]?.file}`;
  }
  return null;
}

/** The files of the tab's `teams-js` chunk (vite.config.ts) and what it imports beyond the initial JS. */
export function teamsJsChunkFiles(manifest: Manifest): string[] {
  const key = Object.keys(manifest).find((candidate) => manifest[candidate]?.name === 'teams-js');
  return key ? pageChunkFiles(manifest, key) : [];
}

/** How the request for the page arrived, as far as the page depends on it. */
export interface TabPageRequest {
  /** Whether Teams may host the page: a framed navigation (`Sec-Fetch-Dest: iframe`) or `?inTeams=1`. */
  mayBeInTeams: boolean;
}

/**
 * The sign-in configuration embedded in the page: what `GET /auth/config` answers this caller. Entra mode: the
 * mode and client id, public. Local mode: also the browser's session, when the server could tell it.
 */
export interface EmbeddedAuthConfig {
  mode: 'local' | 'entra';
  clientId: string | null;
  session?: unknown;
}

/** JSON that is safe inside a `<script>` element: no `<` (so no `</script>` or `<!--`), no line separators. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Renders index.html for a path and a caller's configuration. */
export interface TabPage {
  htmlFor(pathname: string, config: EmbeddedAuthConfig, request?: TabPageRequest): string;
}

/**
 * The tab's page from the built `index.html` in `distDir` and its manifest; the head with each page's preloads
 * is built once per page module (the build does not change while serving). Without a manifest (an older build)
 * the preloads are left out.
 */
export function loadTabPage(distDir: string): TabPage {
  const template = readFileSync(join(distDir, 'index.html'), 'utf8');
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  const manifest: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : {};
  const headEnd = template.indexOf('</head>');
  if (headEnd < 0) throw new Error(`${join(distDir, 'index.html')} has no </head>`);
  // The configuration and the start-up script go before the entry's script and every preload: the browser fetches
  // in document order over its six HTTP/1.1 connections, and the first page's data waits for that script alone.
  const entryScript = template.indexOf('<script type="module"');
  const split = entryScript >= 0 && entryScript < headEnd ? entryScript : headEnd;
  const top = template.slice(0, split);
  const head = template.slice(split, headEnd);
  const rest = template.slice(headEnd);
  const preloads = (files: string[]) =>
    files.map((file) => `<link rel="modulepreload" crossorigin href="${file}">`).join('');
  const heads = new Map<string | null, string>([[null, head]]);
  // The start-up chunk once more as an async module script of its own, after the configuration element it reads:
  // it has no imports, so it runs the moment it is there, before the rest of the initial JS has downloaded and
  // been compiled (a module graph runs only once all of it is there), and the entry's import of the same URL then
  // finds it evaluated (one module instance per URL).
  const startUpFile = startUpChunkFile(manifest);
  const startUp = startUpFile
    ? `<script type="module" async crossorigin fetchpriority="high" src="${startUpFile}"></script>`
    : '';
  const teamsJs = preloads(teamsJsChunkFiles(manifest));
  return {
    htmlFor(pathname, config, request) {
      const module = preloadedModuleOf(pathname);
      let pageHead = heads.get(module);
      if (pageHead === undefined) {
        pageHead = `${head}${preloads(pageChunkFiles(manifest, module as string))}`;
        heads.set(module, pageHead);
      }
      const element = `<script type="application/json" id="${AUTH_CONFIG_ELEMENT_ID}">${scriptSafeJson(config)}</script>`;
      const teams = request?.mayBeInTeams ? teamsJs : '';
      return `${top}${element}${startUp}${teams}${pageHead}${rest}`;
    },
  };
}
