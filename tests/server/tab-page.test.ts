import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { AUTH_CONFIG_ELEMENT_ID } from '../../src/platform/http/tab-page-contract.js';
import {
  loadTabPage,
  PRELOADED_PAGES,
  pageChunkFiles,
  preloadedModuleOf,
  startUpChunkFile,
  teamsJsChunkFiles,
} from '../../src/server/tab-page.js';
import { routeFromPath } from '../../src/tab/routing/routes.js';

const TAB_ROOT = resolve('src/tab');
const NETWORK_ID = '0b6f3a52-1c1e-4f38-9d55-3c6a1f2b9e01';
const CALL_OUT_ID = '5d2c8e1a-7f3b-4c6d-9e0a-1b2c3d4e5f60';

/**
 * The source module (relative to src/tab, as Vite's manifest names it) that the tab's route loader imports for
 * each route, read from src/tab/session/signed-in-page.tsx: the loaders cannot run outside a browser build.
 */
function tabRouteModules(): Map<string, string> {
  const file = resolve('src/tab/session/signed-in-page.tsx');
  const source = readFileSync(file, 'utf8');
  const loaderModules = new Map<string, string>();
  for (const [, name, specifier] of source.matchAll(
    /(\w+): remembered\(\(\) => (?:withMoreMessages\()?import\('([^']+)'\)\)?\)/g,
  )) {
    const absolute = resolve(dirname(file), (specifier as string).replace(/\.js$/, '.tsx'));
    loaderModules.set(name as string, relative(TAB_ROOT, absolute));
  }
  const routes = new Map<string, string>();
  for (const [, route, name] of source.matchAll(/'?([\w-]+)'?: loaders\.(\w+),/g)) {
    const module = loaderModules.get(name as string);
    if (module) routes.set(route as string, module);
  }
  return routes;
}

describe('the page module preloaded for a path', () => {
  const routeModules = tabRouteModules();

  it.each([
    '/',
    `/netwerken/${NETWORK_ID}`,
    `/netwerken/${NETWORK_ID}/`,
    `/personen/${NETWORK_ID}`,
    `/netwerken/${NETWORK_ID}/overleggen`,
    `/netwerken/${NETWORK_ID}/overleggen/plannen`,
    '/overleggen/jaar',
    '/crisisoproepen',
    `/crisisoproepen/${CALL_OUT_ID}`,
    '/crisisoproepen/nieuw',
  ])('is the module the tab loads for %s', (path) => {
    const module = preloadedModuleOf(path);
    expect(module).not.toBeNull();
    expect(module).toBe(routeModules.get(routeFromPath(path)));
  });

  it('names source files that exist', () => {
    for (const page of PRELOADED_PAGES) expect(() => readFileSync(join(TAB_ROOT, page.module))).not.toThrow();
  });

  it.each([
    '/config',
    `/netwerken/${NETWORK_ID}/graaf`,
    '/beheer/rollen',
    '/zoeken',
    '/netwerken/niet-een-id',
  ])('is none for %s, which is not among the first pages', (path) => {
    expect(preloadedModuleOf(path)).toBeNull();
  });
});

// A build manifest of Vite's shape: the entry imports react; the page imports react, a shared chunk and
// (through it) a second one; another page is never asked for.
const manifest = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-1.js'] },
  '_react-1.js': { file: 'assets/react-1.js' },
  '_shared-1.js': { file: 'assets/shared-1.js', imports: ['_react-1.js', '_deep-1.js'] },
  '_deep-1.js': { file: 'assets/deep-1.js' },
  '../network/tab/pages/network-page.tsx': {
    file: 'assets/network-page-1.js',
    imports: ['_react-1.js', '_shared-1.js', 'index.html'],
  },
  '../meetings/tab/pages/meetings-pages.tsx': { file: 'assets/meetings-pages-1.js', imports: ['index.html'] },
};

describe('pageChunkFiles', () => {
  it("is the page's chunk and every chunk it imports, without those of the entry", () => {
    expect(pageChunkFiles(manifest, '../network/tab/pages/network-page.tsx')).toEqual([
      '/assets/network-page-1.js',
      '/assets/shared-1.js',
      '/assets/deep-1.js',
    ]);
  });

  it('is empty for a module the build does not know', () => {
    expect(pageChunkFiles(manifest, '../call-outs/tab/pages/call-out-pages.tsx')).toEqual([]);
  });
});

describe('loadTabPage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bg-tab-page-'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-1.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const configOf = (html: string) => {
    const match = new RegExp(
      `<script type="application/json" id="${AUTH_CONFIG_ELEMENT_ID}">(.*?)</script>`,
    ).exec(html);
    return match ? JSON.parse(match[1] as string) : undefined;
  };

  it("preloads a first page's chunks in the head and embeds the public configuration", () => {
    const page = loadTabPage(dir);
    const html = page.htmlFor(`/netwerken/${NETWORK_ID}`, {
      mode: 'entra',
      clientId: '11111111-1111-4111-8111-111111111111',
    });
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/network-page-1.js">');
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/deep-1.js">');
    expect(head).not.toContain('href="/assets/react-1.js"');
    expect(configOf(head)).toEqual({ mode: 'entra', clientId: '11111111-1111-4111-8111-111111111111' });
  });

  it('preloads nothing for another page, and still embeds the configuration', () => {
    const page = loadTabPage(dir);
    const session = { signedIn: false };
    const html = page.htmlFor('/beheer/rollen', { mode: 'local', clientId: null, session });
    expect(html).not.toContain('modulepreload');
    expect(configOf(html)).toEqual({ mode: 'local', clientId: null, session });
    // Heads are kept per page: a first page this build does not know gets none, a known one its own.
    expect(page.htmlFor('/', { mode: 'local', clientId: null })).not.toContain('modulepreload');
    expect(page.htmlFor(`/netwerken/${NETWORK_ID}`, { mode: 'local', clientId: null })).toContain(
      'network-page-1.js',
    );
  });

  it('keeps the configuration from closing its script element', () => {
    const page = loadTabPage(dir);
    const session = { signedIn: true, me: { displayName: '</script><script>alert(1)</script><!--' } };
    const html = page.htmlFor('/', { mode: 'local', clientId: null, session });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(configOf(html)).toEqual({ mode: 'local', clientId: null, session });
  });
});

describe('the start-up chunk', () => {
  const withStartUp = {
    'index.html': { file: 'assets/index-2.js', isEntry: true, imports: ['_runtime-2.js', '_start-up-2.js'] },
    '_runtime-2.js': { file: 'assets/runtime-2.js' },
    '_start-up-2.js': { file: 'assets/start-up-2.js', name: 'start-up' },
  };

  it("is the entry's import named start-up, and none in a build without it", () => {
    expect(startUpChunkFile(withStartUp)).toBe('/assets/start-up-2.js');
    expect(startUpChunkFile(manifest)).toBeNull();
  });

  it('runs as an async module script after the configuration it reads, before the entry and every preload', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-tab-page-'));
    try {
      mkdirSync(join(dir, '.vite'));
      writeFileSync(
        join(dir, 'index.html'),
        '<!doctype html><html><head><script type="module" src="/assets/index-2.js"></script></head><body></body></html>',
      );
      writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(withStartUp));
      const html = loadTabPage(dir).htmlFor('/', { mode: 'local', clientId: null });
      const script =
        '<script type="module" async crossorigin fetchpriority="high" src="/assets/start-up-2.js"></script>';
      expect(html).toContain(script);
      expect(html.indexOf(script)).toBeGreaterThan(html.indexOf(`id="${AUTH_CONFIG_ELEMENT_ID}"`));
      // Before the entry's own script (and so before every preload): the browser fetches in document order.
      expect(html.indexOf(script)).toBeLessThan(html.indexOf('src="/assets/index-2.js"'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('teams-js for a page Teams may host', () => {
  // As Vite writes it: start-up imports teams-js dynamically, and teams-js shares the entry's runtime chunk.
  const withTeamsJs = {
    'index.html': { file: 'assets/index-3.js', isEntry: true, imports: ['_runtime-3.js', '_start-up-3.js'] },
    '_runtime-3.js': { file: 'assets/runtime-3.js' },
    '_start-up-3.js': { file: 'assets/start-up-3.js', name: 'start-up', dynamicImports: ['_teams-js-3.js'] },
    '_teams-js-3.js': { file: 'assets/teams-js-3.js', name: 'teams-js', imports: ['_runtime-3.js'] },
  };
  const preload = '<link rel="modulepreload" crossorigin href="/assets/teams-js-3.js">';

  it("is the teams-js chunk without the entry's chunks, and nothing in a build without it", () => {
    expect(teamsJsChunkFiles(withTeamsJs)).toEqual(['/assets/teams-js-3.js']);
    expect(teamsJsChunkFiles(manifest)).toEqual([]);
  });

  it('is preloaded right after the start-up script when Teams may host the page, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-tab-page-'));
    try {
      mkdirSync(join(dir, '.vite'));
      writeFileSync(
        join(dir, 'index.html'),
        '<!doctype html><html><head><script type="module" src="/assets/index-3.js"></script></head><body></body></html>',
      );
      writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(withTeamsJs));
      const page = loadTabPage(dir);
      const config = { mode: 'entra', clientId: '11111111-1111-4111-8111-111111111111' } as const;
      const framed = page.htmlFor(`/netwerken/${NETWORK_ID}`, config, { mayBeInTeams: true });
      expect(framed).toContain(preload);
      expect(framed.indexOf(preload)).toBeGreaterThan(framed.indexOf('src="/assets/start-up-3.js"'));
      expect(framed.indexOf(preload)).toBeLessThan(framed.indexOf('src="/assets/index-3.js"'));
      // A plain browser never loads teams-js (the tab imports it only when it may be in Teams).
      expect(page.htmlFor(`/netwerken/${NETWORK_ID}`, config, { mayBeInTeams: false })).not.toContain(
        'teams-js',
      );
      expect(page.htmlFor('/', config)).not.toContain('teams-js');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
