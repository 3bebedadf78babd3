import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readUserIdentities } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import { localDate } from '../platform/time.js';
import type { SignalChannel } from './constants.js';
import { insertContact, readContacts } from './signal-store.js';

/** A person's contact log, newest first (audited: a successor reads it when staff change). */
export async function listContacts(db: Kysely<Database>, origin: AuditOrigin, personId: string, now: Date) {
  const rows = await readContacts(db, personId);
  const users = await readUserIdentities(db, [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))]);
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  await appendAuditEvent(
    db,
    auditEvent(origin, 'person.contact-list', { type: 'person', id: personId }),
    now,
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    contactedOn: r.contactedOn,
    by: r.userId ? { id: r.userId, displayName: name.get(r.userId) ?? '—' } : null,
    channel: r.channel,
    gist: r.gist,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

/** Adds a contact note by the caller; the day may not lie in the future (audited, the gist never logged). */
export async function addContact(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  personId: string,
  input: { contactedOn: string; channel: SignalChannel; gist: string },
  now: Date,
) {
  if (input.contactedOn > localDate(now))
    throw new DomainError('validation-failed', 'The contact date is in the future.', [
      { field: 'body.contactedOn', code: 'in_future', message: 'must not be in the future' },
    ]);
  await transaction(db, async (tx) => {
    const id = await insertContact(tx, { personId, ...input, userId: access.userId, now });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'person.contact-create', { type: 'person', id: personId }),
      now,
    );
    return id;
  });
  return listContacts(db, origin, personId, now);
}
