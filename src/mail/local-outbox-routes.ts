import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { staffOfAnyNetwork } from '../identity/policies.js';
import type { Database } from '../platform/db/schema.js';
import { withMailTables } from './db-schema.js';
import type { MailDeps } from './deps.js';
import { type LocalOutboxItem, localOutboxItemSchema } from './local-outbox-schemas.js';

const MAX_ITEMS = 200;

export { type LocalOutboxItem, localOutboxItemSchema } from './local-outbox-schemas.js';

/**
 * What the local run "sent": .ics invitations of the embedded calendar and the e-mails of the local
 * outbox, newest first. Need-to-know as in the app: mail about allies to staff of those allies'
 * networks; invitations to their organiser and attendees and to staff of the meeting's network.
 */
export async function readLocalOutbox(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  now: Date,
): Promise<LocalOutboxItem[]> {
  const networks = [...access.networkRoles.keys()];
  const me = await db.selectFrom('users').select('email').where('id', '=', access.userId).executeTakeFirst();
  const address = me?.email?.trim().toLowerCase() ?? '';
  const all = access.isAdministrator;
  const networkArray = sql`cast(${`{${networks.join(',')}}`} as uuid[])`;
  const mails = await withMailTables(db)
    .selectFrom('mail_outbox')
    .selectAll()
    .$if(!all, (q) => q.where(sql<boolean>`network_ids && ${networkArray}`))
    .orderBy('created_at', 'desc')
    .limit(MAX_ITEMS)
    .execute();
  const invitations = await sql<{
    id: string;
    created_at: Date;
    subject: string;
    organiser: string;
    recipients: string[];
    method: string;
    ics: string;
  }>`
    select o.id, o.created_at, o.subject, e.organiser, o.recipients, o.method, o.ics
    from calendar_outbox o join calendar_events e on e.id = o.event_id
    where ${all}
      or lower(e.organiser) = ${address}
      or exists (select 1 from unnest(o.recipients) r where lower(r) = ${address})
      or exists (select 1 from meetings m where m.calendar_event_id = e.id::text and m.network_id = any(${networkArray}))
      or exists (select 1 from call_out_meetings c where c.event_id = e.id::text and c.organiser_user_id = ${access.userId})
    order by o.created_at desc
    limit ${MAX_ITEMS}`.execute(db);
  await appendAuditEvent(db, auditEvent(origin, 'local-outbox.read', null), now);
  const items: LocalOutboxItem[] = [
    ...mails.map((m) => ({
      kind: 'mail' as const,
      id: m.id,
      createdAt: new Date(m.created_at).toISOString(),
      subject: m.subject,
      sender: m.sender,
      recipients: m.recipients,
      method: null,
      text: m.body_text,
      ics: null,
      fileName: null,
    })),
    ...invitations.rows.map((i) => ({
      kind: 'calendar' as const,
      id: i.id,
      createdAt: new Date(i.created_at).toISOString(),
      subject: i.subject,
      sender: i.organiser,
      recipients: i.recipients,
      method: i.method,
      text: null,
      ics: i.ics,
      fileName: `uitnodiging-${i.id.slice(0, 8)}.ics`,
    })),
  ];
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_ITEMS);
}

/** Only in the local run: with a tenant, mail and invitations are in Outlook, and this route does not exist. */
export function localOutboxRoutes(deps: MailDeps): AnyApiRoute[] {
  if (deps.config.authMode !== 'local') return [];
  return [
    defineRoute({
      operationId: 'getLocalOutbox',
      method: 'get',
      path: '/local-outbox',
      summary: 'Local run only: the invitations (.ics) and e-mails the app would have sent, newest first',
      tags: ['local'],
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      response: {
        status: 200,
        description: 'Invitations and e-mails you may see',
        schema: z.array(localOutboxItemSchema),
      },
      handle: async (_input, context) => readLocalOutbox(deps.db, context.origin, context.access, deps.now()),
    }),
  ];
}
