import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A loopback stand-in for the Bot Framework connector service (the `serviceUrl` of an activity), speaking
 * its REST wire format (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference):
 * it records the activities a bot sends and answers `{ "id": ... }` as the real service does. It also plays
 * the channel's token issuer: it publishes OpenID metadata and signing keys, and signs channel tokens.
 */
export interface BotConnectorStandIn {
  /** The service URL to put in activities, with the trailing slash Teams uses. */
  url: string;
  /** Where the bot finds this channel's signing keys (botbuilder's `ToBotFromChannelOpenIdMetadataUrl`). */
  openIdMetadataUrl: string;
  /** Activities the bot sent, in arrival order. */
  activities: RecordedActivity[];
  /** Requests to any other route; a test can assert there were none. */
  unhandled: { method: string; path: string }[];
  /** A channel token as Teams sends it to a bot; `forged` signs it with a key the metadata does not publish. */
  issueChannelToken(
    claims: { appId: string; serviceUrl: string },
    options?: { forged?: boolean },
  ): Promise<string>;
  clear(): void;
  close(): Promise<void>;
}

/** One activity the bot sent to the connector. */
export interface RecordedActivity {
  /** The id the stand-in answered with. */
  id: string;
  conversationId: string;
  /** Set for `POST .../activities/{activityId}` (reply to an activity), absent for a new message. */
  replyToActivityId: string | undefined;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

/** The issuer Bot Framework channel tokens carry. */
export const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';

const ACTIVITY_ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function signingKeys() {
  const kid = `stand-in-${randomUUID()}`;
  const genuine = await generateKeyPair('RS256');
  const forged = await generateKeyPair('RS256');
  // Teams' keys carry endorsements naming the channels they may sign for; botbuilder checks them.
  const jwk = { ...(await exportJWK(genuine.publicKey)), kid, use: 'sig', endorsements: ['msteams'] };
  return { kid, genuine: genuine.privateKey, forged: forged.privateKey, jwk };
}

/** Starts the stand-in on a free loopback port. */
export async function startBotConnectorStandIn(): Promise<BotConnectorStandIn> {
  const keys = await signingKeys();
  const activities: RecordedActivity[] = [];
  const unhandled: { method: string; path: string }[] = [];
  let origin = '';

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = ACTIVITY_ROUTE.exec(path);
    if (req.method === 'POST' && route?.[1]) {
      readJson(req).then(
        (activity) => {
          const id = randomUUID();
          activities.push({
            id,
            conversationId: decodeURIComponent(route[1] as string),
            replyToActivityId: route[2] === undefined ? undefined : decodeURIComponent(route[2]),
            authorization: req.headers.authorization,
            activity: activity as Record<string, unknown>,
          });
          send(res, 201, { id });
        },
        () => send(res, 400, { error: { code: 'BadSyntax', message: 'The body is not JSON.' } }),
      );
      return;
    }
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      send(res, 200, {
        issuer: CHANNEL_TOKEN_ISSUER,
        jwks_uri: `${origin}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
      return;
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      send(res, 200, { keys: [keys.jwk] });
      return;
    }
    unhandled.push({ method: req.method ?? '?', path });
    send(res, 404, { error: { code: 'NotFound', message: 'Unknown route in the connector stand-in.' } });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    openIdMetadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    activities,
    unhandled,
    issueChannelToken: ({ appId, serviceUrl }, options = {}) =>
      new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
        .setIssuer(CHANNEL_TOKEN_ISSUER)
        .setAudience(appId)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(options.forged ? keys.forged : keys.genuine),
    clear: () => {
      activities.length = 0;
      unhandled.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
