import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { startAuditSealer } from '../audit/audit-sealer.js';
import type { BackgroundWorker } from '../call-outs/delivery/worker-composition.js';
import type { AutomaticRepliesPort } from '../continuity/automatic-replies-port.js';
import { IntroductionWelcomeNotifier } from '../continuity/bot/introduction-welcome-notifier.js';
import { EvaluationDueNotifier } from '../evaluation/bot/evaluation-due-notifier.js';
import { AccessCache, DEFAULT_ACCESS_CACHE } from '../identity/access-cache.js';
import { type Authenticator, entraAuthenticator, localAuthenticator } from '../identity/authenticate.js';
import type { Directory } from '../identity/directory-port.js';
import { EntraTokenValidator } from '../identity/entra-token.js';
import { findUserIdByEntraIds } from '../identity/index.js';
import type { MailPort } from '../mail/mail-port.js';
import { MeetingProposalNotifier } from '../meetings/bot/meeting-proposal-notifier.js';
import type { CalendarPort } from '../meetings/calendar-port.js';
import { readMeetingDates } from '../meetings/index.js';
import { AreaOverviewCache } from '../network/areas/area-overview-cache.js';
import { readNetwork } from '../network/index.js';
import { NetworkPageCache } from '../network/page/network-page-cache.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/database.js';
import { DatabaseHealth } from '../platform/db/database-health.js';
import { probeDatabase } from '../platform/db/health-store.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { runRetention } from '../privacy/retention-service.js';
import { rememberPlaygroundUser } from '../teams/local-playground.js';
import { createTeamsModule } from '../teams/module.js';
import { createApp, type ExtraPage } from './app.js';
import { composeAdapters } from './compose.js';
import type { AppConfig } from './config.js';
import type { AppDeps } from './deps.js';
import { meetingNeighbours } from './meeting-neighbours.js';
import { privacyHolders } from './privacy-holders.js';
import { seedDemoMunicipality } from './seed/seed-demo.js';

/** A running server and how to stop it. */
export interface RunningServer {
  url: string;
  deps: AppDeps;
  database: DatabaseHandle;
  close(): Promise<void>;
}

function authenticatorFor(config: AppConfig, database: DatabaseHandle): Authenticator {
  // One cache per instance; every request still reads the caller's access version (see AccessCache).
  const cache = new AccessCache(database.db, {
    ...DEFAULT_ACCESS_CACHE,
    ttlMs: config.accessCacheSeconds * 1000,
  });
  if (config.authMode === 'local' || !config.aad)
    return localAuthenticator(database.db, () => new Date(), cache);
  const validator = new EntraTokenValidator({
    clientId: config.aad.clientId,
    appDomain: new URL(config.publicUrl).host,
    allowedTenants: config.aad.allowedTenants,
    authorityHost: config.aad.authorityHost,
  });
  return entraAuthenticator(
    database.db,
    validator,
    {
      homeTenantId: config.aad.tenantId,
      adminObjectIds: config.aad.bootstrapAdmins,
    },
    { cache },
  );
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Opens and migrates the database, seeds the demo municipality when configured, and listens.
 * `database` lets tests hand in a database they prepared; it is then not closed by `close()`.
 */
export async function startServer(
  config: AppConfig,
  logger: Logger,
  options: {
    database?: DatabaseHandle;
    botHandler?: (deps: AppDeps) => RequestHandler;
    /** Work beside the listener (the call-out delivery worker); started after listening, stopped before the database closes. */
    worker?: (deps: AppDeps) => BackgroundWorker | null;
    /** Replaces the configured directory (tests that do not exercise Microsoft Graph). */
    directory?: Directory;
    /** Replaces the configured calendar (tests that do not exercise Microsoft Graph). */
    calendar?: CalendarPort;
    /** Replaces the configured mail port (tests that send to a Graph stand-in while signed in locally). */
    mail?: MailPort;
    /** Replaces Outlook's automatic replies (tests with a Graph mailboxSettings stand-in while signed in locally). */
    automaticReplies?: AutomaticRepliesPort;
    /** Pages served beside the tab (the bench's blank tab); never set in production. */
    extraPages?: readonly ExtraPage[];
  } = {},
): Promise<RunningServer> {
  // Created before the database so that the pool's "connection lost" reports reach it; probes once open.
  let probeTarget: DatabaseHandle | undefined;
  const databaseHealth = new DatabaseHealth(async () => {
    if (probeTarget) await probeDatabase(probeTarget.db);
  }, logger);
  const database =
    options.database ?? (await openDatabase(config.database, () => databaseHealth.reportUnavailable()));
  probeTarget = database;
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    if (config.seedDemo) {
      const outcome = await seedDemoMunicipality(database.db);
      if (outcome === 'seeded') logger.info('fictional demo municipality seeded');
      // A real municipality lives here: fictional people must never be mixed into its data.
      if (outcome === 'refused')
        logger.warn('demo seed skipped: the database already holds a municipality (set SEED_DEMO=false)');
      // A call-out started in the tab reaches the playground before anyone opened it (issue 15 item 14).
      if (outcome !== 'refused' && config.playgroundServiceUrl) {
        const remembered = await rememberPlaygroundUser(
          database.db,
          config.playgroundServiceUrl,
          new Date(),
          (tenantId, objectId) => findUserIdByEntraIds(database.db, tenantId, objectId),
        );
        if (remembered === 'remembered') logger.info('demo user remembered for the Agents Playground');
      }
    }
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }

  const adapters = composeAdapters(config, database.db, options);
  const base: AppDeps = {
    config,
    db: database.db,
    database,
    logger,
    authenticate: authenticatorFor(config, database),
    directory: adapters.directory,
    calendar: adapters.calendar,
    mail: adapters.mail,
    automaticReplies: adapters.automaticReplies,
    ...(adapters.graphTokens ? { graphTokens: adapters.graphTokens } : {}),
    cardSender: adapters.cardSender,
    now: () => new Date(),
    databaseHealth,
    // One per instance; every view still checks the database's change stamps (see NetworkPageCache).
    networkPageCache: new NetworkPageCache(),
    // Likewise; every overview request checks the digest of those stamps (see AreaOverviewCache).
    areaOverviewCache: new AreaOverviewCache(),
  };
  // With the bot wired, proactive cards go through one Teams outbox; the notifier is built here, once, and
  // handed to both the meeting routes and the bot through deps.
  const outbox = options.botHandler
    ? createTeamsModule(base).proactiveOutbox({ sharedBudget: database.engine === 'postgres' })
    : null;
  const tabUrl = config.publicUrl.replace(/\/*$/, '/');
  const meetings = {
    db: base.db,
    calendar: base.calendar,
    logger,
    now: base.now,
    neighbours: meetingNeighbours,
  };
  // A newcomer in a network gets one welcome card in their 1:1 chat (issue 19): queued in the role grant's
  // transaction (compose.ts's `roleGranted`), with a scan below as the catch-up for those the bot could not reach.
  const welcome = outbox
    ? new IntroductionWelcomeNotifier({
        db: base.db,
        outbox,
        tabUrl,
        logger,
        now: base.now,
        network: async (db, networkId) => {
          const network = await readNetwork(db, networkId);
          return network ? { name: network.name, areaName: network.area.name } : undefined;
        },
        meetings: readMeetingDates,
      })
    : null;
  const deps: AppDeps =
    outbox && welcome
      ? {
          ...base,
          meetingNotifier: new MeetingProposalNotifier({ meetings, outbox, tabUrl, logger }),
          newcomerWelcome: welcome,
        }
      : base;
  const sealer = startAuditSealer(database.db, logger, { outages: databaseHealth });
  const botHandler = options.botHandler?.(deps);
  const app = createApp(deps, {
    ...(botHandler ? { botHandler } : {}),
    ...(options.extraPages ? { extraPages: options.extraPages } : {}),
  });
  const httpServer = createServer(app);
  await listen(httpServer, config.port, config.host);
  const worker = options.worker?.(deps) ?? null;
  // One outbox loop for every proactive card where the call-out worker runs: the Teams outbox is its last
  // source, after the alert cards and card updates, through the same pacer and budget. Without it the outbox
  // drains itself.
  if (outbox && worker?.addSource) worker.addSource(outbox);
  worker?.start();
  outbox?.start();
  // Coordinators hear about a due half-yearly evaluation in their 1:1 chat: a scan now and every six hours (the
  // outbox key makes each card once, whichever instance scans).
  const evaluationDue = outbox
    ? new EvaluationDueNotifier({ db: deps.db, outbox, tabUrl, logger, now: deps.now })
    : null;
  const scanEvaluations = () =>
    evaluationDue
      ?.scan()
      .catch((error: unknown) =>
        logger.warn(
          { err: { type: error instanceof Error ? error.name : 'unknown' } },
          'evaluation-due scan failed',
        ),
      );
  void scanEvaluations();
  const evaluationTimer = evaluationDue ? setInterval(scanEvaluations, 6 * 60 * 60 * 1000) : null;
  evaluationTimer?.unref();
  // The welcome card's catch-up: a scan now and every ten minutes over the introductions of the last two weeks, for
  // newcomers who opened the bot only after their grant (the outbox key makes each card once, whichever scans).
  const scanWelcomes = () =>
    welcome
      ?.scan()
      .catch((error: unknown) =>
        logger.warn(
          { err: { type: error instanceof Error ? error.name : 'unknown' } },
          'introduction-welcome scan failed',
        ),
      );
  void scanWelcomes();
  const welcomeTimer = welcome ? setInterval(scanWelcomes, 10 * 60 * 1000) : null;
  welcomeTimer?.unref();
  // The retention job (issue 18): a pass now and every hour; each municipality's run is claimed once per day
  // (Europe/Amsterdam) in the database, so with several instances one of them does each day's work.
  const retentionDeps = { ...deps, personDataHolders: privacyHolders(deps) };
  const applyRetention = () =>
    runRetention(retentionDeps).catch((error: unknown) =>
      logger.warn({ err: { type: error instanceof Error ? error.name : 'unknown' } }, 'retention run failed'),
    );
  if (config.retentionJob) void applyRetention();
  const retentionTimer = config.retentionJob ? setInterval(applyRetention, 60 * 60 * 1000) : null;
  retentionTimer?.unref();
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    deps,
    database,
    close: async () => {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await worker?.stop();
      if (evaluationTimer) clearInterval(evaluationTimer);
      if (welcomeTimer) clearInterval(welcomeTimer);
      if (retentionTimer) clearInterval(retentionTimer);
      await outbox?.stop();
      databaseHealth.stop();
      await sealer
        .stop()
        .catch((error: unknown) =>
          logger.error(
            { err: { type: error instanceof Error ? error.name : 'unknown' } },
            'audit journal not sealed at shutdown',
          ),
        );
      if (!options.database) await database.close();
    },
  };
}
