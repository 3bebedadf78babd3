import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { ModuleInfo } from 'rolldown';
import { defineConfig } from 'vite';
import { precompiledMessages } from './scripts/vite-precompiled-messages.js';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

type ModuleGraph = { getModuleInfo(id: string): ModuleInfo | null };

// Chunking (issue 21). By default Rolldown cut the lazily loaded code into a chunk per set of pages sharing it:
// with twenty pages that made 87 files, and a first page fetched 31–36 of them (the call-out page ~50 requests
// over the browser's six HTTP/1.1 connections on an empty cache). The groups below make each first page a few
// files: the libraries of the initial JS in one, the libraries of lazily loaded code in another (with Fluent's
// Card, which the overview needs, apart), and the tab's own lazily loaded modules per first page.

/** The first pages, by the module their route loads (src/tab/session/signed-in-page.tsx). */
const FIRST_PAGES: Record<string, string> = {
  'setup/tab/components/setup-landing.tsx': 'overview',
  'network/tab/pages/network-page.tsx': 'network',
  'meetings/tab/pages/meetings-pages.tsx': 'meetings',
  'call-outs/tab/pages/call-out-pages.tsx': 'call-out',
};

function firstPageOf(id: string): string | undefined {
  const normalised = id.replace(/\\/g, '/');
  for (const [module, name] of Object.entries(FIRST_PAGES))
    if (normalised.endsWith(`/src/${module}`)) return name;
  return undefined;
}

/**
 * What loads a module through static imports, transitively: the entry ('entry') and the first pages (their
 * names); empty when only other lazily loaded code does.
 */
function reachers(graph: ModuleGraph, id: string, memo: Map<string, Set<string>>): Set<string> {
  const known = memo.get(id);
  if (known) return known;
  const found = new Set<string>();
  memo.set(id, found); // an import cycle sees the set still being filled
  const info = graph.getModuleInfo(id);
  if (!info) return found;
  if (info.isEntry) found.add('entry');
  const page = firstPageOf(id);
  if (page) found.add(page);
  for (const importer of info.importers)
    for (const reacher of reachers(graph, importer, memo)) found.add(reacher);
  return found;
}

const reacherMemos = new WeakMap<ModuleGraph, Map<string, Set<string>>>();

/**
 * The chunk of one of the tab's own modules that first pages load and the entry does not: `first-overview` when the
 * overview needs it (the overview's code is small, and the other first pages then load it too), else
 * `first-<page>` for one page's own, `first-pages-shared` for what several share. Null leaves a module where it
 * would be: libraries (the groups below), the entry's modules (so the initial JS does not grow), a page module
 * itself (its chunk is the route's dynamic import, which the server preloads by the build manifest's name for it,
 * src/server/tab-page.ts), and what only other pages need.
 */
function firstPageChunk(id: string, graph: ModuleGraph): string | null {
  if (id.includes('node_modules')) return null;
  if ((graph.getModuleInfo(id)?.dynamicImporters.length ?? 0) > 0) return null;
  let memo = reacherMemos.get(graph);
  if (!memo) {
    memo = new Map();
    reacherMemos.set(graph, memo);
  }
  const found = reachers(graph, id, memo);
  if (found.size === 0 || found.has('entry')) return null;
  if (found.has('overview')) return 'first-overview';
  return found.size === 1 ? `first-${[...found][0]}` : 'first-pages-shared';
}

/** Large libraries of pages that are no first page: each stays a chunk of its own, loaded only there. */
const OWN_CHUNK_LIBRARIES = /node_modules[\\/](cytoscape|adaptivecards|@microsoft[\\/]teams-js)[\\/]/;

/** Every other library that only lazily loaded code needs (the initial JS's libraries are taken before). */
function lazyLibraryChunk(id: string): string | null {
  return id.includes('node_modules') && !OWN_CHUNK_LIBRARIES.test(id) ? 'lazy-libs' : null;
}

// The tab is a single-page app served by the API server from dist/tab (see src/server/app.ts).
export default defineConfig({
  root: fileURLToPath(new URL('./src/tab', import.meta.url)),
  plugins: [react(), precompiledMessages()],
  build: {
    outDir: `${projectRoot}dist/tab`,
    emptyOutDir: true,
    sourcemap: true,
    // dist/tab/.vite/manifest.json: the server preloads the first page's chunks from it (src/server/tab-page.ts).
    manifest: true,
    // The server's CSP allows scripts from 'self' only; Vite's module preload needs no inline script.
    modulePreload: { polyfill: false },
    // The library chunks below are large by design (a few requests rather than dozens); the bench measures what
    // a page loads (`npm run bench -- tab-load`: initial JS), so Vite's 500 kB warning only adds noise.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the tab's own code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // Sign-in and the first page's data requests, started by session/early-start.ts (imported first by
            // main.tsx): a chunk of its own evaluates before React, Fluent and the shell, whereas inside the entry
            // chunk it would run only after every chunk the entry imports (issue 21).
            {
              name: 'start-up',
              test: /src[\\/]tab[\\/](session[\\/](early-start|start-up|first-page-data|icu-warm-up)|api[\\/](client|api-error|endpoints)|teams[\\/]teams-bridge)\.ts$/,
              priority: 10,
            },
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js/ },
            // The libraries of the initial JS (React, react-intl, the shell's Fluent components) in one chunk;
            // '$initial' is what the entry loads after tree shaking, so no library of a lazy page comes along.
            { name: 'initial-libs', tags: ['$initial'], test: /node_modules/, priority: 3 },
            { name: firstPageChunk, debugName: 'first-pages', includeDependenciesRecursively: false },
            // Fluent's Card and what it needs beyond the initial JS: all the overview needs of the lazy libraries.
            { name: 'card-libs', test: /node_modules[\\/]@fluentui[\\/]react-card[\\/]/, priority: 1 },
            // Not with dependencies: those of the initial JS and of Card are in the chunks above.
            { name: lazyLibraryChunk, debugName: 'lazy-libs', includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite` for tab development: the API comes from `npm run serve` on its default port.
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
