import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

/**
 * A loopback stand-in for the Microsoft Entra ID endpoints the API uses: per-tenant OpenID
 * configuration and JWKS, served over HTTP in the same shape as login.microsoftonline.com.
 * It signs test tokens with its own RSA key; the validation code under test is the production code.
 */
export interface EntraStandIn {
  authorityHost: string;
  /** Signs an access token as the tenant's issuer would; `overrides` replace or remove (undefined) claims. */
  issueToken(
    tenantId: string,
    overrides?: Record<string, unknown>,
    options?: { foreignKey?: boolean },
  ): Promise<string>;
  requests: string[];
  rotateKey(): Promise<void>;
  close(): Promise<void>;
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

async function newKey(kid: string): Promise<{ pair: KeyPair; jwk: JWK }> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { pair, jwk };
}

/** Starts the stand-in; `defaults` are the claims every issued token carries. */
export async function startEntraStandIn(defaults: { audience: string }): Promise<EntraStandIn> {
  let current = await newKey('key-1');
  const published: JWK[] = [current.jwk];
  const foreign = await newKey('key-1');
  const requests: string[] = [];
  let base = '';

  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const config = /^\/([0-9a-f-]{36})\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.url ?? '');
    const keys = /^\/([0-9a-f-]{36})\/discovery\/v2\.0\/keys$/.exec(req.url ?? '');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (config) {
      const tenant = config[1];
      res.end(
        JSON.stringify({
          issuer: `${base}/${tenant}/v2.0`,
          jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
          authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (keys) {
      res.end(JSON.stringify({ keys: published }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: 'not_found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    authorityHost: base,
    requests,
    async issueToken(tenantId, overrides = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        aud: defaults.audience,
        iss: `${base}/${tenantId}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        tid: tenantId,
        oid: '33333333-3333-4333-8333-333333333333',
        name: 'Test Medewerker',
        scp: 'access_as_user',
        ver: '2.0',
        ...overrides,
      };
      for (const [key, value] of Object.entries(claims)) if (value === undefined) delete claims[key];
      const key = options.foreignKey ? foreign : current;
      return new SignJWT(claims as JWTPayload)
        .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid as string, typ: 'JWT' })
        .sign(key.pair.privateKey);
    },
    async rotateKey() {
      current = await newKey(`key-${published.length + 1}`);
      published.push(current.jwk);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
