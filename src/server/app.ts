import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import { parse as parseCookies } from 'cookie';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { isDatabaseUnavailable } from '../platform/db/errors.js';
import { probeDatabase } from '../platform/db/health-store.js';
import { pendingMigrations } from '../platform/db/migrate.js';
import { DomainError } from '../platform/errors.js';
import { API_BODY_LIMIT, buildApiRouter } from '../platform/http/api-router.js';
import { problemErrorHandler } from '../platform/http/error-handler.js';
import { buildOpenApiDocument } from '../platform/http/openapi.js';
import { requestLogging } from '../platform/http/request-log.js';
import { securityHeaders } from '../platform/http/security-headers.js';
import { projectRoot } from '../platform/project-root.js';
import { composeApiHooks, composeApiRoutes, composeTabSession } from './compose.js';
import type { AppDeps } from './deps.js';
import { loadTabPage } from './tab-page.js';

/** Where the built tab lives (`npm run build` writes it). */
export const TAB_DIST_DIR = join(projectRoot(), 'dist', 'tab');

function readinessHandler(deps: AppDeps): RequestHandler {
  return async (_req, res) => {
    await probeDatabase(deps.db).catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) deps.databaseHealth?.reportUnavailable();
      throw new DomainError('not-ready', 'The database cannot be reached.');
    });
    const pending = await pendingMigrations(deps.database);
    if (pending.length > 0)
      throw new DomainError('not-ready', `${pending.length} database migration(s) pending.`);
    res.json({ status: 'ready' });
  };
}

/** A built page served beside the tab, e.g. the bench's blank tab; see {@link createApp}'s `extraPages`. */
export interface ExtraPage {
  /** Where it is served, e.g. `/__bench/blank-tab` (its page at that path plus `/`). */
  path: string;
  /** The directory holding its `index.html` and assets; it may not exist yet when the server starts. */
  dir: string;
}

const cookiesOf = (req: Request) => parseCookies(req.headers.cookie ?? '') as Record<string, string>;

/** Serves a built page exactly as the tab is served: assets cached for an hour, its page revalidated. */
function serveExtraPage(app: Express, page: ExtraPage): void {
  app.use(page.path, express.static(page.dir, { index: false, maxAge: '1h' }));
  app.get(`${page.path}/`, (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(page.dir, 'index.html'));
  });
}

function serveTab(app: Express, deps: AppDeps): void {
  if (!existsSync(join(TAB_DIST_DIR, 'index.html'))) {
    app.get(/^\/(?!api\/).*/, (_req: Request, res: Response) => {
      res
        .status(503)
        .type('text/plain')
        .send('The tab is not built. Run `npm run build` (npm start does this).');
    });
    return;
  }
  app.use(express.static(TAB_DIST_DIR, { index: false, maxAge: '1h' }));
  // Client-side routes all load the same page, with the preload of the path's own page and the sign-in
  // configuration `/auth/config` would answer (tab-page.ts): the tab starts without that round trip.
  const page = loadTabPage(TAB_DIST_DIR);
  const publicConfig = { mode: deps.config.authMode, clientId: deps.config.aad?.clientId ?? null };
  const sessionOf = composeTabSession(deps);
  app.get(/^\/(?!api\/).*/, async (req: Request, res: Response) => {
    // The Teams configuration page signs nobody in (main.tsx): no session to look up.
    const session = sessionOf && req.path !== '/config' ? await sessionOf(cookiesOf(req)) : undefined;
    // A page carrying a session is the caller's alone, like the API's answers: never stored (api-router.ts).
    res.setHeader('Cache-Control', session ? 'no-store' : 'no-cache');
    // Teams hosts the tab in a frame (the manifest's contentUrl also says ?inTeams=1): teams-js is preloaded then.
    const mayBeInTeams = req.get('sec-fetch-dest') === 'iframe' || req.query.inTeams === '1';
    res.vary('Sec-Fetch-Dest');
    res
      .type('html')
      .send(page.htmlFor(req.path, session ? { ...publicConfig, session } : publicConfig, { mayBeInTeams }));
  });
}

/** Builds the one HTTP application: tab, API, bot endpoint and health checks. */
export function createApp(
  deps: AppDeps,
  options: {
    botHandler?: RequestHandler;
    /** Pages served beside the tab with the same headers and compression (the bench's blank tab only). */
    extraPages?: readonly ExtraPage[];
  } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.authMode === 'entra' ? 1 : 'loopback');
  // One line per request (id, method, path without the query, status, time); see request-log.ts.
  app.use(requestLogging(deps.logger));
  app.use(securityHeaders({ httpsOnly: deps.config.publicUrl.startsWith('https://') }));
  // The tab's JavaScript shrinks from ~830 kB to ~230 kB on the wire (measured by bench tab-load).
  app.use(compression());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessHandler(deps));

  const routes = composeApiRoutes(deps);
  const openApi = buildOpenApiDocument(routes, deps.config.publicUrl);
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api/v1', buildApiRouter(routes, composeApiHooks(deps)));

  if (options.botHandler) {
    app.post('/api/messages', express.json({ limit: API_BODY_LIMIT }), options.botHandler);
  }
  app.use('/api', (req: Request) => {
    throw new DomainError('not-found', `There is no ${req.method} ${req.originalUrl.split('?')[0]}.`);
  });
  // The privacy statement and terms the Teams manifest links to; plain pages, readable without signing in.
  for (const page of ['privacy', 'terms']) {
    app.get(`/${page}`, (_req: Request, res: Response) => {
      res.sendFile(join(projectRoot(), 'src', 'server', 'legal', `${page}.html`));
    });
  }
  for (const page of options.extraPages ?? []) serveExtraPage(app, page);
  serveTab(app, deps);
  app.use(problemErrorHandler(deps.logger, deps.databaseHealth));
  return app;
}
