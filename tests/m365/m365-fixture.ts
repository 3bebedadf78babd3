import { createGraphTokens, type GraphTokens } from '../../src/m365/graph-tokens.js';
import { type AppConfig, loadConfig } from '../../src/server/config.js';
import {
  type EntraTokenEndpointStandIn,
  startEntraTokenEndpoint,
} from '../stand-ins/entra-token-endpoint.js';
import { type GraphStandIn, type GraphUser, startGraphStandIn } from '../stand-ins/graph.js';
import {
  makeLoopbackCertificates,
  type RecordingNetworkClient,
  recordingNetworkClient,
} from './loopback-tls.js';

export const HOME_TENANT = '11111111-1111-4111-8111-111111111111';
export const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
export const FOREIGN_TENANT = '55555555-5555-4555-8555-555555555555';
export const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
export const CLIENT_SECRET = 'test-secret';
export const API_AUDIENCE = `api://bondgenoten.example.org/${CLIENT_ID}`;

/** Builds a Graph user with fictional data; `overrides` replace properties. */
export function buildGraphUser(
  overrides: Partial<GraphUser> & Pick<GraphUser, 'id' | 'displayName'>,
): GraphUser {
  const local = (overrides.displayName ?? 'onbekend').toLowerCase().replace(/[^a-z]+/g, '.');
  return {
    mail: `${local}@almere.example`,
    jobTitle: null,
    department: null,
    userPrincipalName: `${local}@almere.example`,
    mobilePhone: null,
    businessPhones: [],
    ...overrides,
  };
}

/** The fictional home-tenant directory the Graph stand-in serves. */
export function demoGraphUsers(): GraphUser[] {
  return [
    buildGraphUser({
      id: 'a0000000-0000-4000-8000-000000000001',
      displayName: 'Sanne Verhoef',
      jobTitle: 'Adviseur openbare orde en veiligheid',
      department: 'OOV',
      mobilePhone: '+31 6 0000 0301',
      businessPhones: ['+31 36 000 0301'],
    }),
    buildGraphUser({
      id: 'a0000000-0000-4000-8000-000000000002',
      displayName: 'Joris Amrani',
      jobTitle: 'Wijkagent Haven',
      businessPhones: ['  ', '+31 36 000 0302'],
    }),
    buildGraphUser({
      id: 'a0000000-0000-4000-8000-000000000003',
      displayName: 'Mehmet Kaya-de Bruin',
      jobTitle: 'Teamchef',
    }),
    buildGraphUser({
      id: 'a0000000-0000-4000-8000-000000000004',
      displayName: 'Sander "Sjors" de Wit',
      jobTitle: null,
      mail: null,
    }),
    buildGraphUser({ id: 'a0000000-0000-4000-8000-000000000005', displayName: 'Sanna Ouali' }),
  ];
}

/** Builds a police-tenant Graph user with fictional data (politie.example addresses). */
export function buildPoliceGraphUser(
  overrides: Partial<GraphUser> & Pick<GraphUser, 'id' | 'displayName'>,
): GraphUser {
  const local = (overrides.displayName ?? 'onbekend').toLowerCase().replace(/[^a-z]+/g, '.');
  return buildGraphUser({
    mail: `${local}@politie.example`,
    userPrincipalName: `${local}@politie.example`,
    ...overrides,
  });
}

/** The fictional police-tenant directory: two community officers whose names share letters with home staff. */
export function policeGraphUsers(): GraphUser[] {
  return [
    buildPoliceGraphUser({
      id: 'b0000000-0000-4000-8000-000000000001',
      displayName: 'Sanne de Politie-Vries',
      jobTitle: 'Wijkagent Stad',
      mobilePhone: '+31 6 0000 0401',
    }),
    buildPoliceGraphUser({
      id: 'b0000000-0000-4000-8000-000000000002',
      displayName: 'Karim Benali',
      jobTitle: 'Teamchef basisteam Almere',
    }),
  ];
}

/** The Entra-mode config both fixtures run with: `tenants[0]` the home tenant, all of them allowed. */
function entraConfig(
  tenants: readonly [string, ...string[]],
  authorityHost: string,
  graphBaseUrl: string,
): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    AAD_CLIENT_ID: CLIENT_ID,
    AAD_CLIENT_SECRET: CLIENT_SECRET,
    AAD_TENANT_ID: tenants[0],
    AAD_ALLOWED_TENANTS: tenants.join(','),
    AAD_AUTHORITY_HOST: authorityHost,
    GRAPH_BASE_URL: graphBaseUrl,
    PUBLIC_URL: 'https://bondgenoten.example.org',
  });
}

/** The Entra token endpoint and Graph stand-ins wired together, with a config pointing at both. */
export interface M365Fixture {
  entra: EntraTokenEndpointStandIn;
  graph: GraphStandIn;
  config: AppConfig;
  networkClient: RecordingNetworkClient;
  /** A fresh token source (its own, empty msal cache) that trusts the stand-in's throwaway CA. */
  newTokens(): GraphTokens;
  close(): Promise<void>;
}

/**
 * Starts both stand-ins; Graph accepts only tokens the token endpoint issued for Graph's origin, and shows each
 * token its own tenant's users: the home tenant's `demoGraphUsers`, the police tenant's `policeGraphUsers`.
 */
export async function startM365Fixture(): Promise<M365Fixture> {
  const tls = await makeLoopbackCertificates();
  const entra = await startEntraTokenEndpoint({
    tls,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    apiAudience: API_AUDIENCE,
  });
  const graph = await startGraphStandIn({
    users: demoGraphUsers(),
    isValidToken: async (token) => (await entra.verifyAccessToken(token, graph.origin)) !== null,
    tenantOf: async (token, audience) => {
      const claims = await entra.verifyAccessToken(token, audience);
      return typeof claims?.tid === 'string' ? claims.tid : null;
    },
  });
  graph.tenantUsers.set(HOME_TENANT, graph.users);
  graph.tenantUsers.set(POLICE_TENANT, policeGraphUsers());
  const config = entraConfig([HOME_TENANT, POLICE_TENANT], entra.authorityHost, graph.baseUrl);
  const networkClient = recordingNetworkClient(tls.caCertificate, entra.authorityHost);
  return {
    entra,
    graph,
    config,
    networkClient,
    newTokens: () => createGraphTokens(config, { networkClient }),
    close: async () => {
      await graph.close();
      await entra.close();
    },
  };
}

/** The claims Graph stand-ins check: the token's tenant and its application roles. */
export interface TenantTokenClaims {
  tid: string;
  roles: string[];
}

/**
 * The Entra token endpoint for several tenants (`tenants[0]` is the home tenant, all of them allowed), with the
 * Entra-mode config and the production token source (real msal) that use it. Graph stand-ins that serve a mailbox
 * only to its own tenant's token check tokens through `verifyToken`.
 */
export interface TenantsFixture {
  entra: EntraTokenEndpointStandIn;
  /** The tenant and roles of a token the endpoint issued for `audience`, or null when it is not one. */
  verifyToken(token: string, audience: string): Promise<TenantTokenClaims | null>;
  /** The Entra-mode config with Graph at `graphBaseUrl`, and a token source of its own (an empty msal cache). */
  configure(graphBaseUrl: string): { config: AppConfig; tokens: GraphTokens };
  close(): Promise<void>;
}

export async function startTenantsFixture(options: {
  tenants: [string, ...string[]];
  /** Tenants whose administrator has not consented yet (the test may clear the set later). */
  unconsented?: string[];
}): Promise<TenantsFixture> {
  const tls = await makeLoopbackCertificates();
  const entra = await startEntraTokenEndpoint({
    tls,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    apiAudience: API_AUDIENCE,
    tenants: options.tenants,
    ...(options.unconsented ? { unconsented: options.unconsented } : {}),
  });
  return {
    entra,
    async verifyToken(token, audience) {
      const claims = await entra.verifyAccessToken(token, audience);
      return claims && typeof claims.tid === 'string'
        ? { tid: claims.tid, roles: (claims.roles as string[] | undefined) ?? [] }
        : null;
    },
    configure(graphBaseUrl) {
      const config = entraConfig(options.tenants, entra.authorityHost, graphBaseUrl);
      const networkClient = recordingNetworkClient(tls.caCertificate, entra.authorityHost);
      return { config, tokens: createGraphTokens(config, { networkClient }) };
    },
    close: () => entra.close(),
  };
}
