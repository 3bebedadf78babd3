import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { type EntraStandIn, startEntraStandIn } from '../stand-ins/entra-openid.js';
import { createTestDatabase } from './test-db.js';
import { startTestServer, type TestServer } from './test-server.js';

/** The municipality's tenant and the police's: the two tenants a production set-up allows. */
export const HOME_TENANT = '11111111-1111-4111-8111-111111111111';
export const POLICE_TENANT = '44444444-4444-4444-8444-444444444444';
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';

/** Someone who signs in with an Entra token of one of the two tenants. */
export interface Caller {
  tenant: string;
  oid: string;
  name: string;
}

// biome-ignore lint/suspicious/noExplicitAny: each answer is checked by the assertions that read it
export type Json = any;

export interface ProductionServer {
  database: DatabaseHandle;
  /** Calls `/api/v1{path}` with a fresh bearer token for `who`; the body is JSON, the answer parsed. */
  call(
    who: Caller,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; type: string | null; json: Json }>;
  close(): Promise<void>;
}

/**
 * The app as a municipality runs it on day one: Entra sign-in (a loopback OpenID stand-in) for both tenants, an
 * EMPTY database without demo data, and one BOOTSTRAP_ADMINS administrator.
 */
export async function startProductionServer(options: { adminOid: string }): Promise<ProductionServer> {
  const audience = `api://bondgenoten.example.org/${CLIENT_ID}`;
  const entra: EntraStandIn = await startEntraStandIn({ audience });
  const database = await createTestDatabase({ seed: false });
  const server: TestServer = await startTestServer({
    env: {
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_CLIENT_SECRET: 'day-one-secret',
      AAD_TENANT_ID: HOME_TENANT,
      AAD_ALLOWED_TENANTS: `${HOME_TENANT},${POLICE_TENANT}`,
      AAD_AUTHORITY_HOST: entra.authorityHost,
      PUBLIC_URL: 'https://bondgenoten.example.org',
      BOOTSTRAP_ADMINS: options.adminOid,
      SEED_DEMO: 'false',
    },
    database,
  });
  return {
    database,
    async call(who, method, path, body) {
      const token = await entra.issueToken(who.tenant, { oid: who.oid, name: who.name });
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        json: text ? JSON.parse(text) : ({} as never),
      };
    },
    async close() {
      await server.close();
      await database.close();
      await entra.close();
    },
  };
}
