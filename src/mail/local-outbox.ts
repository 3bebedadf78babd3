import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { withMailTables } from './db-schema.js';
import type { MailContext, MailMessage, MailPort } from './mail-port.js';

/**
 * The mail port of the local run: every message lands in `mail_outbox`, which the local outbox page
 * shows to the demo users who may read it. Nothing leaves the machine.
 */
export class LocalOutbox implements MailPort {
  readonly kind = 'local' as const;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(from: string, message: MailMessage, context?: MailContext): Promise<void> {
    await withMailTables(this.db)
      .insertInto('mail_outbox')
      .values({
        sender: from,
        recipients: message.to.map((r) => r.address),
        subject: message.subject,
        html: message.html,
        body_text: message.text,
        call_out_id: context?.callOutId ?? null,
        network_ids: context?.networkIds ?? [],
        created_at: this.now(),
      })
      .execute();
  }
}
