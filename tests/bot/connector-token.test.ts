import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectorTokenProvider } from '../../src/teams/outbox/connector-token.js';

/**
 * Connector tokens for a bot with a user-assigned managed identity, against a loopback stand-in for App
 * Service's identity endpoint (https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference):
 * GET IDENTITY_ENDPOINT?resource=…&api-version=2019-08-01&client_id=… with the X-IDENTITY-HEADER secret.
 */
const CLIENT_ID = '5a1c8e3f-7b2d-4c9e-a0f6-3d8b2e1c4f70';
const SECRET = 'fictional-identity-header';
let server: Server;
let endpoint: string;
const requests: { url: URL; header: string | undefined }[] = [];
const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, header: req.headers['x-identity-header'] as string | undefined });
    if (req.headers['x-identity-header'] !== SECRET) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    const expiresOn = Math.floor(Date.now() / 1000) + 3600;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        access_token: `msi-token-${requests.length}`,
        expires_on: String(expiresOn),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
        client_id: url.searchParams.get('client_id'),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
  process.env.IDENTITY_ENDPOINT = endpoint;
  process.env.IDENTITY_HEADER = SECRET;
});
afterAll(async () => {
  if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
  else process.env.IDENTITY_ENDPOINT = saved.endpoint;
  if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
  else process.env.IDENTITY_HEADER = saved.header;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('connector tokens for a managed identity bot', () => {
  it('come from the host identity endpoint for the Bot Framework resource and this client id, cached', async () => {
    const tokens = connectorTokenProvider({ appId: CLIENT_ID, type: 'UserAssignedMSI' } as never);
    expect(await tokens()).toBe('msi-token-1');
    expect(await tokens()).toBe('msi-token-1');
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.header).toBe(SECRET);
    expect(request?.url.pathname).toBe('/msi/token');
    expect(request?.url.searchParams.get('resource')).toBe('https://api.botframework.com');
    expect([request?.url.searchParams.get('client_id'), request?.url.searchParams.get('clientid')]).toContain(
      CLIENT_ID,
    );
  });
});
