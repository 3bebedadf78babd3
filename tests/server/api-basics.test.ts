import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sealAuditJournal } from '../../src/audit/audit-store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function signIn(): Promise<string> {
  const staff = (await (await fetch(`${server.url}/api/v1/auth/local/staff`)).json()) as {
    id: string;
    displayName: string;
  }[];
  const sanne = staff.find((member) => member.displayName === 'Sanne Verhoef');
  if (!sanne) throw new Error('demo staff missing');
  const response = await fetch(`${server.url}/api/v1/auth/local/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: sanne.id }),
  });
  expect(response.status).toBe(201);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/bg_session=[^;]+;.*HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  return cookie.split(';')[0] as string;
}

describe('health', () => {
  it('answers /healthz and /readyz when migrated', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('local sign-in and the area overview', () => {
  it('refuses the overview without a session, as problem+json', async () => {
    const response = await fetch(`${server.url}/api/v1/areas`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('api-version')).toBe('1.0.0');
    const body = await response.json();
    expect(body).toMatchObject({
      type: 'urn:bondgenoten:problem:unauthenticated',
      status: 401,
      instance: '/api/v1/areas',
    });
  });

  it('shows the demo districts and networks to a signed-in staff member', async () => {
    const cookie = await signIn();
    const response = await fetch(`${server.url}/api/v1/areas`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      municipalities: {
        name: string;
        districts: {
          name: string;
          neighbourhoods: unknown[];
          networks: { name: string; allyCount: number | null; myRole: string | null }[];
        }[];
      }[];
    };
    const almere = body.municipalities.find((m) => m.name === 'Almere');
    expect(almere?.districts.map((d) => d.name)).toEqual(['Buiten', 'Haven', 'Hout', 'Poort', 'Stad']);
    const haven = almere?.districts.find((d) => d.name === 'Haven');
    expect(haven?.neighbourhoods).toHaveLength(5);
    expect(haven?.networks[0]).toMatchObject({
      name: 'Bondgenoten Haven',
      myRole: 'coordinator',
      allyCount: 5,
    });
    // Need-to-know: no ally count for a network the caller has no role in.
    const stad = almere?.districts.find((d) => d.name === 'Stad');
    expect(stad?.networks[0]).toMatchObject({ name: 'Bondgenoten Stad', myRole: null, allyCount: null });
  });

  it('rejects a sign-in for an unknown id with a named field error', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'not-a-guid' }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual([
      {
        field: 'body.userId',
        code: 'invalid_format',
        format: 'uuid',
        message: 'must be the id of a staff member',
      },
    ]);
  });
});

describe('the local session probe', () => {
  it('tells the tab whether it is signed in without a refusal in the audit trail', async () => {
    const countRefusals = async () => {
      await sealAuditJournal(server.database.db);
      return Number(
        (
          await server.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('result', '=', 'denied')
            .executeTakeFirstOrThrow()
        ).n,
      );
    };
    const before = await countRefusals();
    expect(await (await fetch(`${server.url}/api/v1/auth/local/session`)).json()).toEqual({
      signedIn: false,
    });
    expect(await countRefusals()).toBe(before);
    const cookie = await signIn();
    const probe = await (
      await fetch(`${server.url}/api/v1/auth/local/session`, { headers: { cookie } })
    ).json();
    expect(probe).toMatchObject({ signedIn: true, me: { user: { displayName: 'Sanne Verhoef' } } });
  });

  it('comes with the sign-in configuration, so the tab starts with one request', async () => {
    const config = async (headers: Record<string, string> = {}) =>
      (await fetch(`${server.url}/api/v1/auth/config`, { headers })).json();
    expect(await config()).toEqual({ mode: 'local', clientId: null, session: { signedIn: false } });
    const cookie = await signIn();
    const withCookie = await config({ cookie });
    expect(withCookie).toMatchObject({
      mode: 'local',
      session: { signedIn: true, me: { user: { displayName: 'Sanne Verhoef' } } },
    });
    // The same answer as the probe's own.
    const probe = await (
      await fetch(`${server.url}/api/v1/auth/local/session`, { headers: { cookie } })
    ).json();
    expect(withCookie.session).toEqual(probe);
  });
});
