import type { Client } from '@microsoft/microsoft-graph-client';
import { MailError, type MailMessage, type MailPort } from '../mail/mail-port.js';
import { GraphRequestError, translateGraphFailure } from './graph-request-error.js';

/**
 * The mail port on Microsoft Graph: `POST /users/{id}/sendMail` from the sender's own mailbox
 * (app-only, Mail.Send), kept in their Sent Items so the sender sees what went out. Throttling (429
 * with Retry-After) is retried by the client's retry middleware.
 */
export class GraphMail implements MailPort {
  readonly kind = 'graph' as const;

  constructor(private readonly client: Client) {}

  async send(from: string, message: MailMessage): Promise<void> {
    try {
      await this.client.api(`/users/${encodeURIComponent(from)}/sendMail`).post(sendMailBody(message));
    } catch (error) {
      const translated = translateGraphFailure(error);
      throw translated instanceof GraphRequestError
        ? new MailError(translated.status, translated.code)
        : translated;
    }
  }
}

/** The sendMail request body Graph expects. */
export function sendMailBody(message: MailMessage): Record<string, unknown> {
  return {
    message: {
      subject: message.subject,
      body: { contentType: 'HTML', content: message.html },
      toRecipients: message.to.map((r) => ({
        emailAddress: r.name ? { address: r.address, name: r.name } : { address: r.address },
      })),
    },
    saveToSentItems: true,
  };
}
