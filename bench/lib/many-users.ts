import type { Kysely } from 'kysely';
import { upsertUserFromToken } from '../../src/identity/user-store.js';
import type { Database } from '../../src/platform/db/schema.js';
import { CLIENT_HEADER } from '../../src/platform/http/api-router.js';
import { DEMO_STAFF, DEMO_TENANT_ID } from '../../src/server/seed/demo-data.js';
import type { LargeMunicipalityPlan } from './large-municipality.js';
import { signInLocally, signInLocallyAs } from './sign-in.js';

/**
 * The many-user rows of `api-read` and `network-map`: the same load spread over this many signed-in users, one per
 * connection (as many staff of a municipality and the police at once), instead of one user on every connection.
 */
export const MANY_USERS = 50;

/** The demo's functional administrator, who grants and revokes the bench users' roles through the API. */
const DEMO_ADMINISTRATOR =
  DEMO_STAFF.find((staff) => staff.key === 'beheerder')?.displayName ?? 'Anouk Terpstra';

/** The headers a signed-in tab sends: its session cookie and the client header. */
export function tabHeaders(cookie: { name: string; value: string }): Record<string, string> {
  return { cookie: `${cookie.name}=${cookie.value}`, [CLIENT_HEADER]: 'tab' };
}

/** Signs each user in locally (a few at a time); one set of tab headers per user, in the order given. */
export async function signInEach(
  baseUrl: string,
  userIds: readonly string[],
): Promise<Record<string, string>[]> {
  const headers: Record<string, string>[] = [];
  for (let i = 0; i < userIds.length; i += 10) {
    const batch = await Promise.all(userIds.slice(i, i + 10).map((id) => signInLocallyAs(baseUrl, id)));
    headers.push(...batch.map(tabHeaders));
  }
  return headers;
}

/**
 * Adds `count` fictional staff to the demo tenant as their first Entra sign-in would (`upsertUserFromToken`: the
 * same row, by tenant and object id, so a second call in the same database finds them); half gemeente, half politie.
 */
export async function addDemoStaff(db: Kysely<Database>, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const serial = String(index).padStart(3, '0');
    const user = await upsertUserFromToken(db, {
      tenantId: DEMO_TENANT_ID,
      objectId: `00000000-0000-4000-8000-000000b0${serial.padStart(4, '0')}`,
      displayName: `Bankmedewerker ${serial}`,
      email: `bankmedewerker${serial}@example.org`,
      organisation: index % 2 === 0 ? 'politie' : 'gemeente',
    });
    ids.push(user.id);
  }
  return ids;
}

/** The demo administrator's session, for the role changes below. */
export async function administratorHeaders(baseUrl: string): Promise<Record<string, string>> {
  return tabHeaders(await signInLocally(baseUrl, DEMO_ADMINISTRATOR));
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  await response.arrayBuffer();
  if (response.status !== status) throw new Error(`${what} answered ${response.status}, not ${status}`);
}

/**
 * Gives each user the viewer role in the network through the API (`PUT /networks/{id}/roles/{userId}` as the
 * administrator: the role service, its audit row and the access-version bump, as in the tab), one after another.
 */
export async function grantViewers(
  baseUrl: string,
  admin: Record<string, string>,
  networkId: string,
  userIds: readonly string[],
): Promise<void> {
  await eachRole(userIds, networkId, 200, (url) =>
    fetch(`${baseUrl}${url}`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer' }),
    }),
  );
}

/** Takes the roles {@link grantViewers} gave away again (`DELETE /networks/{id}/roles/{userId}`). */
export async function revokeRoles(
  baseUrl: string,
  admin: Record<string, string>,
  networkId: string,
  userIds: readonly string[],
): Promise<void> {
  await eachRole(userIds, networkId, 204, (url) =>
    fetch(`${baseUrl}${url}`, { method: 'DELETE', headers: admin }),
  );
}

/** Sends `send` for each user's role in the network, one after another, and checks each answer's status. */
async function eachRole(
  userIds: readonly string[],
  networkId: string,
  status: number,
  send: (url: string) => Promise<Response>,
): Promise<void> {
  for (const userId of userIds) {
    const response = await send(`/api/v1/networks/${networkId}/roles/${userId}`);
    await expectStatus(
      response,
      status,
      `${status === 204 ? 'DELETE' : 'PUT'} /networks/${networkId}/roles/{userId}`,
    );
  }
}

/**
 * `count` Benchstad staff who may read the network's page, the coordinator first: its own staff, then staff of other
 * networks who hold no role in it, who must first be given one ({@link grantViewers}).
 */
export function viewersOfNetwork(
  plan: Pick<LargeMunicipalityPlan, 'users' | 'roles'>,
  networkId: string,
  count: number,
): { userIds: string[]; toGrant: string[] } {
  const own = plan.roles
    .filter((role) => role.networkId === networkId)
    .sort((a, b) => Number(b.role === 'coordinator') - Number(a.role === 'coordinator'))
    .map((role) => role.userId);
  const owners = new Set(own);
  const toGrant = plan.users
    .map((user) => user.id)
    .filter((id) => !owners.has(id))
    .slice(0, Math.max(0, count - own.length));
  if (own.length + toGrant.length < count) throw new Error(`Benchstad has fewer than ${count} staff`);
  return { userIds: own.slice(0, count).concat(toGrant), toGrant };
}
