import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import { auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { createAuditModule } from '../audit/module.js';
import { readFollowUps } from '../call-outs/follow-ups.js';
import {
  findVisibleCallOutByThread,
  joinableCallOutCrisisTeam,
  joinableCallOutPlaces,
  readOrganisedCallOutEventIds,
} from '../call-outs/index.js';
import { type CallOutBotPorts, createCallOutsModule } from '../call-outs/module.js';
import type { AutomaticRepliesPort } from '../continuity/automatic-replies-port.js';
import { handOverInTransaction, startIntroduction } from '../continuity/index.js';
import { createContinuityModule } from '../continuity/module.js';
import { readEvaluationNetworkId } from '../evaluation/index.js';
import { createEvaluationModule } from '../evaluation/module.js';
import { loadAccessProfile } from '../identity/access.js';
import { accessOf } from '../identity/access-cache.js';
import type { AnyApiRoute, AppRouteTypes } from '../identity/api-route.js';
import type { RecordAudit } from '../identity/audit-port.js';
import type { Directory } from '../identity/directory-port.js';
import { createIdentityModule } from '../identity/module.js';
import { decide } from '../identity/permissions.js';
import { loadResourceFacts } from '../identity/resource-facts.js';
import { localSession } from '../identity/routes.js';
import { createGraphTokens, type GraphTokens } from '../m365/graph-tokens.js';
import type { MailPort } from '../mail/mail-port.js';
import { createMailModule } from '../mail/module.js';
import type { CalendarPort } from '../meetings/calendar-port.js';
import { readMeetingDates, reissueFutureInvitations } from '../meetings/index.js';
import { createMeetingsModule } from '../meetings/module.js';
import {
  joinableNetworks,
  joinablePeople,
  joinablePersonOrganisations,
  joinableRelations,
  readInvitableAllies,
  readPersonNetworkIds,
} from '../network/index.js';
import { createNetworkModule } from '../network/module.js';
import type { Database } from '../platform/db/schema.js';
import type { ApiHooks } from '../platform/http/api-router.js';
import { createPrivacyModule } from '../privacy/module.js';
import { createSelectionModule } from '../selection/module.js';
import { createSetupModule } from '../setup/module.js';
import { countSignalsByPerson } from '../signals/index.js';
import { createSignalsModule } from '../signals/module.js';
import { type BotHandlerOptions, type BotWiring, createConnectorSender } from '../teams/index.js';
import { createTeamsModule } from '../teams/module.js';
import type { CardSender } from '../teams/outbox/card-sender.js';
import { createAutomaticReplies, createCalendar, createDirectory, createMail } from './adapters.js';
import type { AppConfig } from './config.js';
import type { AppDeps } from './deps.js';
import { handOverHoldings } from './hand-over-holdings.js';
import { meetingNeighbours } from './meeting-neighbours.js';
import { privacyHolders } from './privacy-holders.js';

/** The Microsoft 365 adapters, each built once for the whole process. */
export interface Adapters {
  directory: Directory;
  calendar: CalendarPort;
  mail: MailPort;
  automaticReplies: AutomaticRepliesPort | null;
  /**
   * The one app-only Graph token source (one msal ConfidentialClientApplication, one token cache) shared by
   * the directory, calendar, mail and app installation; absent without Entra app credentials.
   */
  graphTokens: GraphTokens | undefined;
  /**
   * The one Bot Connector client (one connector token cache per bot credential) shared by the call-out
   * worker and the Teams outbox; null where the bot cannot send (no credentials outside local mode).
   */
  cardSender: CardSender | null;
}

/** Adapters tests hand in instead of the configured ones. */
export type AdapterReplacements = Partial<
  Pick<Adapters, 'directory' | 'calendar' | 'mail' | 'automaticReplies'>
>;

/**
 * Builds every Microsoft 365 adapter once. With Entra app credentials they share one token cache; without
 * them each factory chooses its local counterpart (or refuses, naming the missing setting) as before. The
 * Bot Connector client is built here once too, for the call-out worker and the Teams outbox alike.
 */
export function composeAdapters(
  config: AppConfig,
  db: Kysely<Database>,
  replacements: AdapterReplacements = {},
): Adapters {
  const graphTokens =
    config.authMode === 'entra' && config.aad?.clientSecret ? createGraphTokens(config) : undefined;
  return {
    directory: replacements.directory ?? createDirectory({ config, db }, graphTokens),
    calendar: replacements.calendar ?? createCalendar({ config, db }, graphTokens),
    mail: replacements.mail ?? createMail({ config, db }, graphTokens),
    automaticReplies:
      replacements.automaticReplies !== undefined
        ? replacements.automaticReplies
        : createAutomaticReplies({ config }, graphTokens),
    graphTokens,
    cardSender: createConnectorSender(config),
  };
}

/**
 * The route kit's authenticate / authorise / audit hooks: identity says who the caller is and whether the
 * route's permission holds, audit keeps the trail of failed sign-ins and refusals.
 */
export function composeApiHooks(
  deps: Pick<AppDeps, 'config' | 'db' | 'authenticate' | 'now'>,
): ApiHooks<AppRouteTypes> {
  return {
    publicUrl: deps.config.publicUrl,
    authenticate: (credentials, read) => deps.authenticate(credentials, read),
    async authorise(permission, principal, params) {
      // The authenticator loaded (or checked against its access version) the profile for this request already.
      const access = accessOf(principal) ?? (await loadAccessProfile(deps.db, principal.userId));
      const facts = await loadResourceFacts(deps.db, readPersonNetworkIds, permission, params);
      const decision = decide(permission, access, params, facts);
      return decision.allowed ? { allowed: true, access } : decision;
    },
    async audit(origin, action, object, result) {
      await appendAuditEvent(deps.db, auditEvent(origin, action, object, result), deps.now());
    },
  };
}

/**
 * Local mode: the session `GET /auth/config` would answer for these cookies, for the tab's page to carry (issue
 * 21: one round trip fewer before the first page asks for its data). Undefined whenever the route would not
 * answer 200 with it (an ended session, a database error): the tab then asks `/auth/config`, which answers
 * and audits as ever. Entra mode has none: its caller is known only from the Teams SSO token.
 */
export function composeTabSession(
  deps: Pick<AppDeps, 'config' | 'db' | 'authenticate' | 'directory'>,
): ((cookies: Record<string, string>) => Promise<LocalSessionAnswer | undefined>) | undefined {
  if (deps.config.authMode !== 'local') return undefined;
  return async (cookies) => {
    try {
      const principal = await deps.authenticate({ authorization: undefined, cookies });
      return await localSession(
        { db: deps.db, joinableNetworks, config: deps.config, directory: deps.directory },
        principal,
      );
    } catch {
      return undefined;
    }
  };
}

/** What {@link composeTabSession} finds: the `session` of `/auth/config`'s answer. */
export type LocalSessionAnswer = Awaited<ReturnType<typeof localSession>>;

/** Identity's audit port: its rows go into the audit journal like every capability's. */
function identityAudit(): RecordAudit {
  return (db, origin, action, object, now, result) =>
    appendAuditEvent(db, auditEvent(origin, action, object, result), now);
}

/** Every capability, built once from the deps each needs (AppDeps satisfies them all structurally). */
export function composeModules(deps: AppDeps) {
  return {
    identity: createIdentityModule({
      ...deps,
      recordAudit: identityAudit(),
      // Identity cannot import network (network imports identity): network hands its networks table in.
      joinableNetworks,
      // A new role starts the newcomer's introduction and queues their welcome card in the grant's transaction
      // (continuity imports identity, so this is handed in); the outbox is woken once the grant has committed.
      roleGranted: async (tx, grant, now) => {
        await startIntroduction(tx, grant, now);
        return deps.newcomerWelcome?.queueOnGrant(tx, grant, now);
      },
      // Continuity imports identity: its hand-over runs in the role removal's transaction through this port.
      handOverOnRemoval: async (tx, origin, change) => {
        await handOverInTransaction(tx, handOverHoldings, origin, { ...change, note: null });
      },
    }),
    network: createNetworkModule({
      ...deps,
      // A farewell updates the invitations of the person's networks' planned meetings (meetings' calendar port).
      membershipEnded: ({ networkIds }) =>
        reissueFutureInvitations(
          {
            db: deps.db,
            calendar: deps.calendar,
            logger: deps.logger,
            now: deps.now,
            neighbours: meetingNeighbours,
          },
          networkIds,
        ),
      // A farewell may name the evaluation that led to it: it must be one of the person's network.
      evaluationNetworkOf: readEvaluationNetworkId,
    }),
    // Setup counts what uses its rows in tables of network and call-outs, which import setup: handed in.
    setup: createSetupModule({
      ...deps,
      usageTables: {
        networks: joinableNetworks,
        people: joinablePeople,
        callOutPlaces: joinableCallOutPlaces,
        relations: joinableRelations,
        personOrganisations: joinablePersonOrganisations,
        callOutCrisisTeam: joinableCallOutCrisisTeam,
      },
    }),
    audit: createAuditModule(deps),
    meetings: createMeetingsModule({
      ...deps,
      neighbours: meetingNeighbours,
      followUps: (networkId, now) => readFollowUps(deps.db, { networkId }, now),
      // The meeting side panel also resolves a call-out's Bijeenkomst nu (call-outs imports meetings).
      callOutMeetings: (access, threadId) => findVisibleCallOutByThread(deps.db, access, threadId),
    }),
    callOuts: createCallOutsModule(deps),
    // The local outbox shows a staff member the invitations of the call-out meetings they organise.
    mail: createMailModule({ ...deps, organisedCallOutEventIds: readOrganisedCallOutEventIds }),
    signals: createSignalsModule(deps),
    privacy: createPrivacyModule({
      ...deps,
      personDataHolders: privacyHolders(deps),
      tenants: deps.config.aad?.allowedTenants ?? [],
    }),
    // The evaluation counts the signals each ally brought in through signals' public query function.
    evaluation: createEvaluationModule({
      ...deps,
      signalTally: (networkId, from, to) => countSignalsByPerson(deps.db, networkId, from, to),
    }),
    selection: createSelectionModule(deps),
    continuity: createContinuityModule({
      ...deps,
      automaticReplies: deps.automaticReplies ?? null,
      // The introduction checklist's ally lines and meeting (network and meetings import continuity: handed in).
      introductionAllies: async (db, networkId) =>
        (await readInvitableAllies(db, networkId)).map(({ personId, displayName }) => ({
          personId,
          displayName,
        })),
      introductionMeetings: readMeetingDates,
      handOver: handOverHoldings,
    }),
  };
}

/** Every `/api/v1` route of every capability; the OpenAPI document is generated from this list. */
export function composeApiRoutes(deps: AppDeps): AnyApiRoute[] {
  const modules = composeModules(deps);
  return [
    ...modules.identity.routes,
    ...modules.network.routes,
    ...modules.setup.routes,
    ...modules.audit.routes,
    ...modules.meetings.routes,
    ...modules.callOuts.routes,
    ...modules.mail.routes,
    ...modules.signals.routes,
    ...modules.privacy.routes,
    ...modules.evaluation.routes,
    ...modules.selection.routes,
    ...modules.continuity.routes,
  ];
}

/** Test seams of the bot: the call-out domain's ports, database-backed unless a test hands in others. */
export interface BotCompositionOptions extends BotHandlerOptions, CallOutBotPorts {}

/**
 * What the capabilities plug into the bot: the meeting proposal's, the call-out cards' and the signal form's
 * verb families, the message actions "Maak signaal" and "Start crisisoproep", the `crisisoproep` and `signaal`
 * commands with their help lines, and the audit row for a refused tenant.
 */
export function composeBotWiring(deps: AppDeps, options: BotCompositionOptions = {}): BotWiring {
  const tabUrl = deps.config.publicUrl.replace(/\/*$/, '/');
  const callOuts = createCallOutsModule(deps).bot(options);
  const signals = createSignalsModule(deps).bot();
  return {
    verbFamilies: [
      createMeetingsModule({ ...deps, neighbours: meetingNeighbours }).cardVerbs(tabUrl),
      ...callOuts.verbFamilies,
      ...signals.verbFamilies,
    ],
    messageActions: [signals.messageAction, callOuts.startMessageAction],
    commands: { 'call-out': callOuts.startCommand, signal: signals.command },
    helpFacts: (locale) => [callOuts.startCommandHelp(locale), signals.commandHelp(locale)],
    auditTenantRefusal: async (tenantId) => {
      // Ids only: a tenant id names an organisation, not a person.
      const origin = { actorUserId: null, channel: 'bot' as const, clientAddress: null, requestId: null };
      const object = tenantId ? { type: 'tenant', id: tenantId } : null;
      await appendAuditEvent(deps.db, auditEvent(origin, 'access.denied', object, 'denied'), deps.now());
    },
  };
}

/** The POST /api/messages handler with every capability's cards and commands plugged in. */
export function composeBotHandler(deps: AppDeps, options: BotCompositionOptions = {}): RequestHandler {
  return createTeamsModule(deps).botHandler(composeBotWiring(deps, options), options);
}
