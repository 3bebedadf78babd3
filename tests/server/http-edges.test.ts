import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { FRAME_ANCESTORS } from '../../src/platform/http/security-headers.js';
import { composeBotHandler } from '../../src/server/compose.js';
import { DEMO_NETWORKS, DEMO_STAFF } from '../../src/server/seed/demo-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
type OpenApi = { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
let openApi: OpenApi;

beforeAll(async () => {
  server = await startTestServer({ botHandler: composeBotHandler });
  openApi = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as OpenApi;
});
afterAll(async () => {
  await server.close();
});

/** Every operation the OpenAPI document lists, with a concrete URL (path parameters filled). */
function operations(): { method: string; url: string }[] {
  return Object.entries(openApi.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      url: `${server.url}${path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000')}`,
    })),
  );
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(openApi.openapi).toBe('3.1.0');
    const result = await new Validator().validate(openApi as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does reject a broken document, so the check above can fail.
    expect((await new Validator().validate({ openapi: '3.1.0', info: { title: 'x' } })).valid).toBe(false);
  });

  it('lists the routes the server mounts', () => {
    const ids = Object.values(openApi.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'getAuthConfig',
        'getMe',
        'listLocalStaff',
        'createLocalSession',
        'getAreaOverview',
      ]),
    );
  });
});

describe('bad input never yields a 500', () => {
  it('answers malformed JSON with 400 problem+json on every route that takes a body, and on the bot endpoint', async () => {
    const targets = [
      ...operations().filter((op) => op.method !== 'GET'),
      { method: 'POST', url: `${server.url}/api/messages` },
    ];
    expect(targets.length).toBeGreaterThanOrEqual(3);
    for (const target of targets) {
      const response = await fetch(target.url, {
        method: target.method,
        headers: { 'content-type': 'application/json' },
        body: '{"userId": "abc",',
      });
      expect({ target, status: response.status }).toEqual({ target, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await response.json()).type).toBe('urn:bondgenoten:problem:malformed-json');
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'x'.repeat(200_000) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).type).toBe('urn:bondgenoten:problem:payload-too-large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'userId=1',
    });
    expect(response.status).toBe(415);
  });

  it('rejects unknown fields and wrong types with the field named', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 42, admin: true }),
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()).errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.userId', 'body']));
  });

  it('answers an unknown route or method with 404 problem+json', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nope'],
      ['DELETE', '/api/v1/areas'],
      ['GET', '/api/other'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect((await response.json()).type).toBe('urn:bondgenoten:problem:not-found');
    }
  });
});

describe('security headers', () => {
  it('lets only Teams, Outlook and Microsoft 365 frame the tab', async () => {
    const response = await fetch(`${server.url}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(ancestors).toEqual(FRAME_ANCESTORS);
    expect(ancestors).not.toContain('*');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the pages the Teams manifest links to', () => {
  it('serves the privacy statement and the terms of use in Dutch', async () => {
    for (const [path, heading] of [
      ['/privacy', 'Privacyverklaring Bondgenoten'],
      ['/terms', 'Gebruiksvoorwaarden Bondgenoten'],
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      // The product addresses its users with "je" throughout; no formal "u"/"uw" on these pages either.
      const text = html.replace(/<[^>]+>/g, ' ');
      expect(text.match(/\b(u|uw|U|Uw)\b/g)).toBeNull();
      expect(text).toMatch(/\b(je|jouw|Je|Jouw)\b/);
    }
  });
});

describe('logs', () => {
  it('carry no personal data while the main routes are used', async () => {
    const staff = (await (await fetch(`${server.url}/api/v1/auth/local/staff`)).json()) as { id: string }[];
    const signIn = await fetch(`${server.url}/api/v1/auth/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: staff[0]?.id }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    for (const path of [
      '/api/v1/me',
      '/api/v1/areas?search=Yasmina',
      '/api/v1/nope',
      '/api/v1/auth/local/session',
      // the first demo staff member is the administrator
      '/api/v1/staff',
      '/api/v1/directory/users?q=Dewi',
      '/api/v1/audit-events?limit=5',
    ]) {
      expect((await fetch(`${server.url}${path}`, { headers: { cookie } })).status).toBeLessThan(500);
    }
    const log = server.logLines.join('\n');
    expect(log).toContain('/api/v1/areas');
    const personal = [
      ...DEMO_STAFF.map((member) => member.displayName),
      ...DEMO_NETWORKS.flatMap((network) => network.people.map((person) => person.name)),
      '@example.org',
      '+4670174',
      'Yasmina',
      cookie.split('=')[1] as string,
    ];
    for (const value of personal) expect(log).not.toContain(value);
  });
});
