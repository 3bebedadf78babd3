import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let admin: string;
let coordinator: string;
let havenId: string;
let dewiId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAs(server.url, 'Anouk Terpstra');
  coordinator = await signInAs(server.url, 'Sanne Verhoef');
  const db = server.database.db;
  havenId = (
    await db
      .selectFrom('networks')
      .select('id')
      .where('name', '=', 'Bondgenoten Haven')
      .executeTakeFirstOrThrow()
  ).id;
  dewiId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('display_name', '=', 'Dewi Sastromedjo')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await server.close();
});

describe('network roles', () => {
  it('shows a coordinator the staff of their own network', async () => {
    const result = await callApi(server.url, coordinator, 'GET', `/api/v1/networks/${havenId}/roles`);
    expect(result.status).toBe(200);
    expect(
      result.body.map((r: { displayName: string; role: string }) => `${r.displayName}:${r.role}`),
    ).toEqual(['Joris Amrani:coordinator', 'Petra Lindeboom:secretary', 'Sanne Verhoef:coordinator']);
  });

  it('refuses a coordinator who tries to assign roles', async () => {
    const result = await callApi(
      server.url,
      coordinator,
      'PUT',
      `/api/v1/networks/${havenId}/roles/${dewiId}`,
      { role: 'member' },
    );
    expect(result.status).toBe(403);
    expect(result.body.type).toBe('urn:bondgenoten:problem:forbidden');
  });

  it('lets the administrator grant, change and revoke a role, each audited with ids only', async () => {
    const grant = await callApi(server.url, admin, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
      role: 'viewer',
    });
    expect(grant.status).toBe(200);
    expect(grant.body).toContainEqual(
      expect.objectContaining({ displayName: 'Dewi Sastromedjo', role: 'viewer' }),
    );
    const change = await callApi(server.url, admin, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
      role: 'member',
    });
    expect(change.body).toContainEqual(expect.objectContaining({ userId: dewiId, role: 'member' }));
    expect(
      (await callApi(server.url, admin, 'DELETE', `/api/v1/networks/${havenId}/roles/${dewiId}`)).status,
    ).toBe(204);
    expect(
      (await callApi(server.url, admin, 'DELETE', `/api/v1/networks/${havenId}/roles/${dewiId}`)).status,
    ).toBe(404);

    const audit = await callApi(
      server.url,
      admin,
      'GET',
      `/api/v1/audit-events?objectType=network-role&objectId=${havenId}/${dewiId}`,
    );
    expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual([
      'network-role.revoke',
      'network-role.change',
      'network-role.grant',
    ]);
    expect(audit.body.events[0]).toMatchObject({ channel: 'tab', result: 'success' });
    expect(JSON.stringify(audit.body)).not.toContain('Dewi');
  });

  it('names the field when the role is not one of the four', async () => {
    const result = await callApi(server.url, admin, 'PUT', `/api/v1/networks/${havenId}/roles/${dewiId}`, {
      role: 'boss',
    });
    expect(result.status).toBe(400);
    expect(result.body.errors[0].field).toBe('body.role');
  });

  it('answers 404 for a network that does not exist, and 400 for an id that is no id', async () => {
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect((await callApi(server.url, admin, 'GET', `/api/v1/networks/${missing}/roles`)).status).toBe(404);
    const bad = await callApi(server.url, admin, 'GET', '/api/v1/networks/haven/roles');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('path.networkId');
  });
});

describe('administrators', () => {
  it('keeps at least one administrator', async () => {
    const anouk = (await callApi(server.url, admin, 'GET', '/api/v1/me')).body.user.id;
    const result = await callApi(server.url, admin, 'DELETE', `/api/v1/administrators/${anouk}`);
    expect(result.status).toBe(409);
    expect(result.body.detail).toMatch(/last administrator/);
  });

  it('lists staff with their administrator flag and roles', async () => {
    expect((await callApi(server.url, dewiIdCookie(), 'GET', '/api/v1/staff')).status).toBe(401);
    const result = await callApi(server.url, admin, 'GET', '/api/v1/staff');
    const anouk = result.body.find((s: { displayName: string }) => s.displayName === 'Anouk Terpstra');
    expect(anouk).toMatchObject({ isAdministrator: true, roles: [] });
    const sanne = result.body.find((s: { displayName: string }) => s.displayName === 'Sanne Verhoef');
    expect(sanne.roles).toEqual([
      expect.objectContaining({ networkName: 'Bondgenoten Haven', role: 'coordinator' }),
    ]);
  });
});

function dewiIdCookie(): string {
  return 'bg_session=not-a-session';
}
