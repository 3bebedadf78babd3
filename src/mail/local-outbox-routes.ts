import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { findUserById } from '../identity/index.js';
import { staffOfAnyNetwork } from '../identity/policies.js';
import { readInvitations } from '../meetings/index.js';
import type { Database } from '../platform/db/schema.js';
import type { MailDeps, OrganisedCallOutEventIds } from './deps.js';
import { type LocalOutboxItem, localOutboxItemSchema } from './local-outbox-schemas.js';
import { readOutboxMails } from './local-outbox-store.js';

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
  organisedCallOutEventIds: OrganisedCallOutEventIds,
): Promise<LocalOutboxItem[]> {
  const me = await findUserById(db, access.userId);
  const reader = {
    userId: access.userId,
    isAdministrator: access.isAdministrator,
    address: me?.email?.trim().toLowerCase() ?? '',
    networkIds: [...access.networkRoles.keys()],
  };
  const mails = await readOutboxMails(db, reader, MAX_ITEMS);
  const eventIds = await organisedCallOutEventIds(db, reader.userId);
  const invitations = await readInvitations(db, { ...reader, eventIds }, MAX_ITEMS);
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
    ...invitations.map((i) => ({
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
      handle: async (_input, context) =>
        readLocalOutbox(deps.db, context.origin, context.access, deps.now(), deps.organisedCallOutEventIds),
    }),
  ];
}
