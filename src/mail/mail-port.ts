/**
 * The mail port: e-mail to people without Teams (allies). Microsoft Graph `sendMail` from the sender's
 * mailbox in a tenant; the local outbox table in the local run.
 */
export interface MailPort {
  readonly kind: 'graph' | 'local';
  /**
   * Sends one message from `from` (a mailbox: Entra object id or address). `context` says what the
   * message concerns, so the local outbox can keep need-to-know; Graph ignores it.
   */
  send(from: string, message: MailMessage, context?: MailContext): Promise<void>;
}

export interface MailRecipient {
  address: string;
  name: string | null;
}

export interface MailMessage {
  to: MailRecipient[];
  subject: string;
  /** HTML body; it may name the recipient, so it goes to them only, never to logs. */
  html: string;
  /** Plain-text alternative (the local outbox shows it; Graph sends the HTML). */
  text: string;
}

export interface MailContext {
  callOutId: string | null;
  /** The networks whose staff may read the message in the local outbox. */
  networkIds: string[];
}

/** Raised by a mail adapter when sending failed; status 0 means no answer arrived. */
export class MailError extends Error {
  override name = 'MailError';

  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`The mail service answered ${status === 0 ? 'nothing' : status} (${code})`);
  }
}
