import { z } from 'zod';
import { ConfigError } from '../platform/config-error.js';
import type { BotCredentials } from '../teams/bot-credentials.js';
import { TEAMS_SERVICE_URL_HOSTS } from '../teams/service-url-policy.js';

/**
 * Thrown when the environment cannot start the server; its message names every offending variable. It lives
 * in platform so that adapters (src/m365) can throw it without importing the server.
 */
export { ConfigError };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const uuid = z.uuid({ message: 'must be a GUID such as 00000000-0000-0000-0000-000000000000' });

const uuidList = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const items = value === '' ? [] : value.split(',').map((item) => item.trim());
    for (const item of items) {
      if (!uuid.safeParse(item).success) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" is not a GUID; use a comma-separated list of GUIDs`,
        });
        return z.NEVER;
      }
    }
    return items;
  });

const hostList = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const items = value
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
    const bad = items.find(
      (item) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(item),
    );
    if (bad !== undefined || items.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of host names' });
      return z.NEVER;
    }
    return items;
  });

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * BOT_TENANT_BOTS: the bots registered in other tenants (one single-tenant Azure Bot and app registration per
 * tenant, since new multi-tenant bots cannot be created after 31 July 2025), as JSON:
 * `[{"tenantId":"…","appId":"…","password":"…","catalogAppId":"…"}]` (`catalogAppId`, optional: the app's id in
 * that tenant's catalog, for Teams deep links). A secret, not a managed identity: a managed identity lives
 * in the host's tenant and cannot be another tenant's bot.
 */
const tenantBotList = z.string().transform((value, ctx) => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a JSON list: [{"tenantId":"…","appId":"…","password":"…"}]',
    });
    return z.NEVER;
  }
  const parsed = z
    .array(
      z.strictObject({
        tenantId: uuid,
        appId: uuid,
        password: z.string().min(1),
        // The app's id in that tenant's own app catalog: the e-mail fallback's Teams deep link names it.
        catalogAppId: uuid.optional(),
      }),
    )
    .min(1)
    .safeParse(json);
  if (!parsed.success) {
    // Names the entry and field, never the value: it may be a secret.
    for (const issue of parsed.error.issues)
      ctx.addIssue({
        code: 'custom',
        message: `[${issue.path.join('].')}: ${issue.message}`.replace('].', '] '),
      });
    return z.NEVER;
  }
  return parsed.data.map((bot) => ({
    ...bot,
    tenantId: bot.tenantId.toLowerCase(),
    appId: bot.appId.toLowerCase(),
    ...(bot.catalogAppId ? { catalogAppId: bot.catalogAppId.toLowerCase() } : {}),
  }));
});

/**
 * AAD_TENANT_NAMES: the name the tab shows for each tenant whose staff the app serves, as a JSON object keyed by
 * tenant id: `{"<home tenant id>":"Gemeente Havenstad","<police tenant id>":"Politie Eenheid Havenstad"}`.
 * Optional, per tenant: an unnamed tenant is shown as "Gemeente" (the home tenant) or "Politie" (any other).
 */
const tenantNameMap = z.string().transform((value, ctx) => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object: {"<tenant id>":"<name>"}' });
    return z.NEVER;
  }
  const parsed = z
    .record(
      uuid,
      z
        .string({ message: 'must be a name' })
        .trim()
        .min(1, 'must not be empty')
        .max(100, 'must be at most 100 characters'),
    )
    .safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({
        code: 'custom',
        message:
          issue.path.length > 0
            ? `[${issue.path.join('.')}] ${issue.message}`
            : 'must be a JSON object: {"<tenant id>":"<name>"}',
      });
    return z.NEVER;
  }
  return Object.fromEntries(
    Object.entries(parsed.data).map(([tenant, name]) => [tenant.toLowerCase(), name]),
  );
});

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3978),
  HOST: optionalText,
  PUBLIC_URL: optionalText.pipe(httpUrl.optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  DATA_DIR: z.string().trim().min(1).default('.data/pglite'),
  SEED_DEMO: optionalText.pipe(booleanFlag.optional()),
  // The daily retention job (issue 18): on by default, off by default under NODE_ENV=test so tests run it
  // themselves with a fixed clock.
  RETENTION_JOB: optionalText.pipe(booleanFlag.optional()),
  // How long an instance keeps a caller's session and access profile (issue 21); 0 turns the cache off.
  // Correctness never depends on it: every request checks the caller's access version in the database.
  ACCESS_CACHE_SECONDS: optionalText.pipe(
    z.coerce
      .number<string | undefined>({ message: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 300')
      .max(300, 'must be between 0 and 300')
      .default(5),
  ),
  AUTH_MODE: optionalText.pipe(z.enum(['local', 'entra'], { message: 'must be local or entra' }).optional()),
  BOT_ID: optionalText.pipe(uuid.optional()),
  BOT_PASSWORD: optionalText,
  BOT_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_TENANT_ID: optionalText.pipe(uuid.optional()),
  BOT_TENANT_BOTS: optionalText.pipe(tenantBotList.optional()),
  AAD_CLIENT_ID: optionalText.pipe(uuid.optional()),
  AAD_CLIENT_SECRET: optionalText,
  AAD_TENANT_ID: optionalText.pipe(uuid.optional()),
  AAD_ALLOWED_TENANTS: optionalText.pipe(uuidList.optional()),
  AAD_TENANT_NAMES: optionalText.pipe(tenantNameMap.optional()),
  AAD_AUTHORITY_HOST: httpUrl.default('https://login.microsoftonline.com'),
  BOOTSTRAP_ADMINS: optionalText.pipe(uuidList.optional()),
  GRAPH_BASE_URL: httpUrl.default('https://graph.microsoft.com/v1.0'),
  // The Bot Connector hosts the bot may answer (serviceUrl allow-list); the Teams hosts by default.
  BOT_SERVICE_URL_HOSTS: optionalText.pipe(hostList.optional()),
  // Call-outs: the Teams app's id in the tenant's app catalog, to install it for unreachable recipients.
  TEAMS_APP_CATALOG_ID: optionalText.pipe(uuid.optional()),
  // Local run: the Agents Playground's port (scripts/start.mjs uses the same variable); its connector
  // address can be given whole (tests point it at a stand-in).
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  PLAYGROUND_SERVICE_URL: optionalText.pipe(httpUrl.optional()),
});

type RawEnv = z.infer<typeof rawEnvSchema>;

/** The validated settings the server runs with; built once at start by {@link loadConfig}. */
export interface AppConfig {
  nodeEnv: RawEnv['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  logLevel: RawEnv['LOG_LEVEL'];
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  seedDemo: boolean;
  /** Whether this instance runs the daily retention job (several may: a run is claimed per day). */
  retentionJob: boolean;
  /** Seconds an instance keeps a caller's session and access profile, checked per request by version (0: off). */
  accessCacheSeconds: number;
  authMode: 'local' | 'entra';
  bot: BotCredentials | null;
  aad: {
    clientId: string;
    clientSecret: string | undefined;
    tenantId: string;
    allowedTenants: string[];
    /** The tab's name for a tenant (AAD_TENANT_NAMES), keyed by lower-case tenant id; unnamed tenants are absent. */
    tenantNames: Record<string, string>;
    authorityHost: string;
    /** Entra object ids (home tenant) made administrator at their first sign-in. */
    bootstrapAdmins: string[];
  } | null;
  graphBaseUrl: string;
  /**
   * The Teams app's id in the tenant's app catalog (TEAMS_APP_CATALOG_ID). With Entra app credentials it lets
   * the call-out worker install the app through Graph for recipients the bot cannot reach yet; null: it does not.
   */
  teamsAppCatalogId: string | null;
  /** Hosts an activity's serviceUrl may name (BOT_SERVICE_URL_HOSTS); see src/teams/service-url-policy.ts. */
  botServiceUrlHosts: string[];
  /** Local run without bot credentials: the playground's connector, where the demo user is remembered. */
  playgroundServiceUrl: string | null;
}

function isLoopbackUrl(value: string): boolean {
  const { hostname } = new URL(value);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** BOT_TENANT_BOTS beside the home bot: one bot per tenant, each tenant one whose users may sign in. */
function tenantBotProblems(env: RawEnv, mode: 'local' | 'entra'): string[] {
  const bots = env.BOT_TENANT_BOTS;
  if (!bots) return [];
  const problems: string[] = [];
  if (env.BOT_ID === undefined) problems.push('BOT_TENANT_BOTS: needs the home bot (BOT_ID) beside it');
  const tenants = bots.map((bot) => bot.tenantId);
  const home = env.BOT_TENANT_ID?.toLowerCase();
  if (new Set(tenants).size !== tenants.length) problems.push('BOT_TENANT_BOTS: one bot per tenant');
  if (home && tenants.includes(home)) problems.push('BOT_TENANT_BOTS: the home tenant has BOT_ID already');
  const appIds = [env.BOT_ID?.toLowerCase(), ...bots.map((bot) => bot.appId)].filter(Boolean);
  if (new Set(appIds).size !== appIds.length) problems.push('BOT_TENANT_BOTS: every bot has its own appId');
  if (mode === 'entra') {
    const allowed = new Set((env.AAD_ALLOWED_TENANTS ?? []).map((tenant) => tenant.toLowerCase()));
    for (const [index, tenant] of tenants.entries())
      if (!allowed.has(tenant))
        problems.push(`BOT_TENANT_BOTS: [${index}] tenantId is not in AAD_ALLOWED_TENANTS`);
  }
  return problems;
}

/** AAD_TENANT_NAMES names only tenants whose users may sign in: the home tenant and AAD_ALLOWED_TENANTS. */
function tenantNameProblems(env: RawEnv, mode: 'local' | 'entra'): string[] {
  const names = env.AAD_TENANT_NAMES;
  if (!names) return [];
  if (mode === 'local') return ['AAD_TENANT_NAMES: names Entra tenants, so AUTH_MODE=entra'];
  const served = new Set(
    [env.AAD_TENANT_ID, ...(env.AAD_ALLOWED_TENANTS ?? [])].flatMap((tenant) =>
      tenant ? [tenant.toLowerCase()] : [],
    ),
  );
  return Object.keys(names)
    .filter((tenant) => !served.has(tenant))
    .map((tenant) => `AAD_TENANT_NAMES: ${tenant} is neither AAD_TENANT_ID nor in AAD_ALLOWED_TENANTS`);
}

/** Rules that span several variables; each problem names the variable to fix. */
function crossFieldProblems(env: RawEnv): string[] {
  const problems: string[] = [];
  const aadNames = ['AAD_CLIENT_ID', 'AAD_CLIENT_SECRET', 'AAD_TENANT_ID', 'AAD_ALLOWED_TENANTS'] as const;
  const aadPresent = aadNames.filter((name) => env[name] !== undefined);
  const mode = env.AUTH_MODE ?? (aadPresent.length > 0 ? 'entra' : 'local');

  if (mode === 'local') {
    // Local sign-in trusts whoever can reach the port, so it may only ever run on a developer's machine.
    if (env.NODE_ENV === 'production')
      problems.push('AUTH_MODE: local sign-in is refused when NODE_ENV=production');
    if (aadPresent.length > 0)
      problems.push(`AUTH_MODE: local sign-in is refused while ${aadPresent.join(', ')} is set`);
    if (env.HOST !== undefined && !LOOPBACK_HOSTS.has(env.HOST))
      problems.push(
        `HOST: local sign-in only listens on loopback (127.0.0.1, ::1, localhost), not "${env.HOST}"`,
      );
  } else {
    for (const name of ['AAD_CLIENT_ID', 'AAD_CLIENT_SECRET', 'AAD_TENANT_ID'] as const) {
      if (env[name] === undefined) problems.push(`${name}: required when AUTH_MODE is entra`);
    }
    if (env.PUBLIC_URL === undefined) problems.push('PUBLIC_URL: required when AUTH_MODE is entra');
  }
  if ((env.BOT_ID === undefined) !== (env.BOT_PASSWORD === undefined) && env.BOT_TYPE !== 'UserAssignedMSI') {
    problems.push('BOT_PASSWORD: BOT_ID and BOT_PASSWORD are set together or not at all');
  }
  if (env.BOT_ID !== undefined && env.BOT_TYPE !== 'MultiTenant' && env.BOT_TENANT_ID === undefined) {
    problems.push(`BOT_TENANT_ID: required for a ${env.BOT_TYPE} bot`);
  }
  problems.push(...tenantBotProblems(env, mode));
  problems.push(...tenantNameProblems(env, mode));
  // The demo municipality's fictional people and staff must never land in a real tenant's database.
  if (mode === 'entra' && env.SEED_DEMO === true)
    problems.push(
      'SEED_DEMO: the fictional demo data is only for local sign-in; remove it or set it to false',
    );
  if (mode === 'local' && env.TEAMS_APP_CATALOG_ID !== undefined)
    problems.push('TEAMS_APP_CATALOG_ID: installing the app needs Microsoft Graph, so AUTH_MODE=entra');
  for (const name of ['AAD_AUTHORITY_HOST', 'GRAPH_BASE_URL'] as const) {
    const value = env[name];
    // Plain http is only for loopback stand-ins in tests; anything reachable must be https.
    if (!value.startsWith('https://') && !(env.NODE_ENV === 'test' && isLoopbackUrl(value))) {
      problems.push(`${name}: must be an https URL (http is allowed only for 127.0.0.1 in tests)`);
    }
  }
  return problems;
}

function formatIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
}

/** Parses the process environment into {@link AppConfig}, or throws one {@link ConfigError} naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = rawEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n  ${formatIssues(parsed.error.issues).join('\n  ')}`);
  }
  const raw = parsed.data;
  const problems = crossFieldProblems(raw);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);

  const authMode = raw.AUTH_MODE ?? (raw.AAD_CLIENT_ID ? 'entra' : 'local');
  const host = raw.HOST ?? (authMode === 'local' ? '127.0.0.1' : '0.0.0.0');
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    host,
    publicUrl: raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
    logLevel: raw.LOG_LEVEL,
    database: raw.DATABASE_URL
      ? { kind: 'postgres', url: raw.DATABASE_URL }
      : { kind: 'pglite', dataDir: raw.DATA_DIR },
    // The fictional demo municipality is seeded by default only for local sign-in on the embedded database;
    // Entra mode never seeds (SEED_DEMO=true there is refused above).
    seedDemo: authMode === 'local' && (raw.SEED_DEMO ?? raw.DATABASE_URL === undefined),
    retentionJob: raw.RETENTION_JOB ?? raw.NODE_ENV !== 'test',
    accessCacheSeconds: raw.ACCESS_CACHE_SECONDS,
    authMode,
    bot: raw.BOT_ID
      ? {
          appId: raw.BOT_ID,
          password: raw.BOT_PASSWORD,
          type: raw.BOT_TYPE,
          tenantId: raw.BOT_TENANT_ID,
          tenantBots: raw.BOT_TENANT_BOTS ?? [],
        }
      : null,
    aad:
      authMode === 'entra' && raw.AAD_CLIENT_ID && raw.AAD_TENANT_ID
        ? {
            clientId: raw.AAD_CLIENT_ID,
            clientSecret: raw.AAD_CLIENT_SECRET,
            tenantId: raw.AAD_TENANT_ID,
            allowedTenants: raw.AAD_ALLOWED_TENANTS?.length ? raw.AAD_ALLOWED_TENANTS : [raw.AAD_TENANT_ID],
            tenantNames: raw.AAD_TENANT_NAMES ?? {},
            authorityHost: raw.AAD_AUTHORITY_HOST.replace(/\/+$/, ''),
            bootstrapAdmins: raw.BOOTSTRAP_ADMINS ?? [],
          }
        : null,
    graphBaseUrl: raw.GRAPH_BASE_URL.replace(/\/+$/, ''),
    teamsAppCatalogId: raw.TEAMS_APP_CATALOG_ID ?? null,
    botServiceUrlHosts: raw.BOT_SERVICE_URL_HOSTS ?? [...TEAMS_SERVICE_URL_HOSTS],
    playgroundServiceUrl:
      raw.BOT_ID || authMode !== 'local'
        ? null
        : (raw.PLAYGROUND_SERVICE_URL ?? `http://127.0.0.1:${raw.PLAYGROUND_PORT}/_connector`),
  };
}
