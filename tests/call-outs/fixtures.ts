import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditOrigin } from '../../src/audit/audit-origin.js';
import type { AlertCardView } from '../../src/call-outs/contract.js';
import type { AccessProfile } from '../../src/identity/access.js';
import type { Database } from '../../src/platform/db/schema.js';

/**
 * A minimal card for the worker's tests; the real one is the bot's renderer (src/call-outs/bot), which these
 * tests must not depend on. It carries what the assertions read: version and tally.
 */
export function renderTestCard(view: AlertCardView, locale: 'nl' | 'en'): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `${view.summary} (${view.tally.coming})`, wrap: true }],
    refresh: { userIds: view.refreshUserIds },
    metadata: { callOutId: view.callOutId, version: view.version, locale, status: view.status },
  };
}

export const TENANT = '00000000-0000-4000-8000-0000000000a1';

export async function userId(db: Kysely<Database>, displayName: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('display_name', '=', displayName)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function areaId(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db.selectFrom('areas').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function communityId(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db
    .selectFrom('communities')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function accessOf(db: Kysely<Database>, user: string): Promise<AccessProfile> {
  const { loadAccessProfile } = await import('../../src/identity/access.js');
  return loadAccessProfile(db, user);
}

export const originOf = (actorUserId: string): AuditOrigin => ({
  actorUserId,
  channel: 'api',
  clientAddress: '127.0.0.1',
  requestId: randomUUID(),
});

/**
 * Starts a fictional incident call-out on one wijk as `starterId` (a coordinator there), now: the call-out the
 * delivery, app-install, lease-fence and worker tests fan out.
 */
export async function startIncident(db: Kysely<Database>, starterId: string, wijkId: string) {
  const { startCallOut } = await import('../../src/call-outs/call-out-service.js');
  return startCallOut(
    db,
    originOf(starterId),
    await accessOf(db, starterId),
    {
      kind: 'incident',
      urgency: 'immediate',
      summary: 'Fictief incident',
      ask: 'Kom naar het buurthuis',
      placeIds: [wijkId],
      communityIds: [],
    },
    new Date(),
  );
}

/** Stores the 1:1 conversation reference a bot gets when a user installs it (as Teams sends it). */
export async function storeReference(
  db: Kysely<Database>,
  user: string,
  serviceUrl: string,
  options: { personal?: boolean; locale?: string } = {},
): Promise<string> {
  const who = await db
    .selectFrom('users')
    .select(['tenant_id', 'aad_object_id'])
    .where('id', '=', user)
    .executeTakeFirstOrThrow();
  const personal = options.personal ?? true;
  const conversationId = personal
    ? `a:personal-${who.aad_object_id}`
    : `19:channel-${randomUUID()}@thread.tacv2`;
  const channelUserId = `29:${who.aad_object_id}`;
  await db
    .insertInto('conversation_references')
    .values({
      conversation_id: conversationId,
      channel_user_id: channelUserId,
      aad_object_id: who.aad_object_id,
      tenant_id: who.tenant_id,
      conversation_type: personal ? 'personal' : 'channel',
      service_url: serviceUrl,
      reference: JSON.stringify({
        channelId: 'msteams',
        serviceUrl,
        locale: options.locale ?? 'nl-NL',
        bot: { id: '28:bondgenoten-bot' },
        user: { id: channelUserId, aadObjectId: who.aad_object_id },
        conversation: {
          id: conversationId,
          tenantId: who.tenant_id,
          conversationType: personal ? 'personal' : 'channel',
        },
      }),
      updated_at: new Date(),
    })
    .execute();
  return conversationId;
}

/**
 * A fictional network of `count` staff members (all members, each with a 1:1 reference) on a new wijk,
 * for fan-out tests and the bench. Returns the wijk and the coordinator who starts the call-out.
 */
export async function addLargeNetwork(
  db: Kysely<Database>,
  count: number,
  serviceUrl: string,
): Promise<{ wijkId: string; coordinatorId: string; userIds: string[] }> {
  const municipality = await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
  const district = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', 'Hout')
    .executeTakeFirstOrThrow();
  const tag = randomUUID().slice(0, 8);
  const wijk = await db
    .insertInto('areas')
    .values({
      municipality_id: municipality.id,
      parent_id: district.id,
      kind: 'neighbourhood',
      name: `Proefwijk ${tag}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const network = await db
    .insertInto('networks')
    .values({ municipality_id: municipality.id, area_id: wijk.id, name: `Proefnetwerk ${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = await db
    .insertInto('users')
    .values(
      Array.from({ length: count }, (_, index) => ({
        tenant_id: TENANT,
        aad_object_id: randomUUID(),
        display_name: `Proefmedewerker ${tag}-${index + 1}`,
        organisation: index % 2 === 0 ? ('gemeente' as const) : ('politie' as const),
      })),
    )
    .returning('id')
    .execute();
  const userIds = users.map((u) => u.id);
  await db
    .insertInto('network_roles')
    .values(
      userIds.map((id, index) => ({
        network_id: network.id,
        user_id: id,
        role: index === 0 ? ('coordinator' as const) : ('member' as const),
      })),
    )
    .execute();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'aad_object_id'])
    .where('id', 'in', userIds)
    .execute();
  await db
    .insertInto('conversation_references')
    .values(
      rows.map((u) => ({
        conversation_id: `a:personal-${u.aad_object_id}`,
        channel_user_id: `29:${u.aad_object_id}`,
        aad_object_id: u.aad_object_id,
        tenant_id: u.tenant_id,
        conversation_type: 'personal',
        service_url: serviceUrl,
        reference: JSON.stringify({
          channelId: 'msteams',
          serviceUrl,
          bot: { id: '28:bondgenoten-bot' },
          user: { id: `29:${u.aad_object_id}` },
          conversation: { id: `a:personal-${u.aad_object_id}`, conversationType: 'personal' },
        }),
        updated_at: new Date(),
      })),
    )
    .execute();
  return { wijkId: wijk.id, coordinatorId: userIds[0] as string, userIds };
}

/** Counts outbox rows per state. */
export async function deliveryStates(
  db: Kysely<Database>,
  callOutId: string,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('call_out_deliveries')
    .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('call_out_id', '=', callOutId)
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** Polls until `check` holds; fails with `what` after `timeoutMs` (a deadlock guard, not a performance goal). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** True once no card of the call-out is waiting or on its way. */
export async function settled(db: Kysely<Database>, callOutId: string): Promise<boolean> {
  const states = await deliveryStates(db, callOutId);
  return (states.pending ?? 0) === 0 && (states.sending ?? 0) === 0;
}
