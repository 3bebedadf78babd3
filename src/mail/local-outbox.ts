import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { insertOutboxMail } from './local-outbox-store.js';
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
    await insertOutboxMail(this.db, {
      sender: from,
      recipients: message.to.map((r) => r.address),
      subject: message.subject,
      html: message.html,
      bodyText: message.text,
      callOutId: context?.callOutId ?? null,
      networkIds: context?.networkIds ?? [],
      createdAt: this.now(),
    });
  }
}
