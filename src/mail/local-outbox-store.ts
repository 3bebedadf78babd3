import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { withMailTables } from './db-schema.js';

/** A mail the local run "sent", as `mail_outbox` stores it. */
export interface NewOutboxMail {
  sender: string;
  recipients: string[];
  subject: string;
  html: string;
  bodyText: string;
  callOutId: string | null;
  networkIds: string[];
  createdAt: Date;
}

/** Stores one mail of the local run in `mail_outbox`. */
export async function insertOutboxMail(db: Kysely<Database>, mail: NewOutboxMail): Promise<void> {
  await withMailTables(db)
    .insertInto('mail_outbox')
    .values({
      sender: mail.sender,
      recipients: mail.recipients,
      subject: mail.subject,
      html: mail.html,
      body_text: mail.bodyText,
      call_out_id: mail.callOutId,
      network_ids: mail.networkIds,
      created_at: mail.createdAt,
    })
    .execute();
}

/** Who reads the local outbox: everything for an administrator, else by network, address and organiser. */
export interface OutboxReader {
  userId: string;
  isAdministrator: boolean;
  /** Lower-cased e-mail address, or '' when the user has none. */
  address: string;
  networkIds: string[];
}

const networkArray = (networkIds: readonly string[]) => sql`cast(${`{${networkIds.join(',')}}`} as uuid[])`;

/** The newest `limit` mails of the local outbox the reader may see (mail about allies: staff of their networks). */
export async function readOutboxMails(db: Kysely<Database>, reader: OutboxReader, limit: number) {
  return withMailTables(db)
    .selectFrom('mail_outbox')
    .selectAll()
    .$if(!reader.isAdministrator, (q) =>
      q.where(sql<boolean>`network_ids && ${networkArray(reader.networkIds)}`),
    )
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
