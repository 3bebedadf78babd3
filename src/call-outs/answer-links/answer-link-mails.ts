import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import { findUserById } from '../../identity/index.js';
import { MailError, type MailPort } from '../../mail/mail-port.js';
import type { Database } from '../../platform/db/schema.js';
import { readSharedCardView } from '../call-out-views.js';
import type { CallOutEventKind } from '../constants.js';
import { answerLinkMail, answerLinkUrl } from './answer-link-content.js';
import {
  armAnswerLink,
  type ClaimedAnswerLink,
  claimAnswerLinks,
  hasAnswered,
  readStarter,
  releaseAnswerLink,
  settleAnswerLink,
} from './answer-link-store.js';
import { ANSWER_LINK_LIFETIME_MS, newAnswerLinkToken } from './answer-link-token.js';

/** Where answer links point: the tab's address and, per tenant, the app's catalog id there. */
export interface AnswerLinkTarget {
  publicUrl: string;
  catalogIdFor: (tenantId: string) => string | null;
}

/** What the fallback mail needs; the delivery worker hands it its own database, clock and id. */
export interface AnswerLinkMailOptions {
  db: Kysely<Database>;
  mail: MailPort;
  /**
   * The tab's public address, and the app's id in a recipient's tenant's catalog for a Teams deep link (null:
   * the web address, e.g. the local run or a tenant whose catalog id is not configured).
   */
  link: AnswerLinkTarget;
  workerId: string;
  now: () => Date;
  logger?: Pick<Logger, 'warn'> | undefined;
  /** Tries before a mail is given up (the call-out's hour is short; a mailbox that refuses five times will not do better). */
  maxAttempts?: number;
  batchSize?: number;
  leaseMs?: number;
}

/** sendMail calls in flight at once, as convening's: gentle on the mailbox's throttle. */
const MAIL_CONCURRENCY = 4;

/**
 * The e-mail fallback of recipients Teams cannot reach: claims queued rows, mails each recipient the
 * essentials and a one-time link to answer in the tab, and records the outcome on the timeline and in the
 * audit trail (ids only). Runs inside the delivery worker's round; all state is in rows.
 */
export class AnswerLinkMails {
  private readonly o: Required<Omit<AnswerLinkMailOptions, 'logger'>> & Pick<AnswerLinkMailOptions, 'logger'>;

  constructor(options: AnswerLinkMailOptions) {
    this.o = { maxAttempts: 5, batchSize: 20, leaseMs: 60_000, ...options };
  }

  /** One round; returns how many rows it claimed (0: idle). */
  async runOnce(): Promise<number> {
    const claimed = await claimAnswerLinks(
      this.o.db,
      this.o.workerId,
      this.o.batchSize,
      this.o.leaseMs,
      this.o.now(),
    );
    const queue = [...claimed];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await this.handle(row);
    };
    await Promise.all(Array.from({ length: Math.min(MAIL_CONCURRENCY, claimed.length) }, worker));
    return claimed.length;
  }

  private async handle(row: ClaimedAnswerLink): Promise<void> {
    const { db, workerId } = this.o;
    const settle = (
      state: 'sent' | 'failed' | 'skipped',
      reason: string | null,
      event: CallOutEventKind | null,
    ) => settleAnswerLink(db, row, workerId, { state, reason, event }, this.o.now());
    const shared = await readSharedCardView(db, row.callOutId);
    if (!shared || shared.base.status === 'closed') return settle('skipped', 'call-out closed', null);
    // An answer that arrived meanwhile (the tab, a card that got through after all) needs no mail.
    if (await hasAnswered(db, row)) return settle('skipped', 'answered already', null);
    const [recipient, starter] = await Promise.all([
      findUserById(db, row.userId),
      this.starterOf(row.callOutId),
    ]);
    const address = recipient?.email?.trim();
    if (!recipient || !address || !starter)
      return settle('failed', 'no e-mail address', 'answer-link-mail-failed');
    const now = this.o.now();
    const { token, hash } = newAnswerLinkToken();
    const expiresAt = new Date(now.getTime() + ANSWER_LINK_LIFETIME_MS);
    if (!(await armAnswerLink(db, row, workerId, { hash, expiresAt }))) return;
    const message = answerLinkMail({ address, name: recipient.displayName }, shared.base, {
      url: answerLinkUrl(
        { publicUrl: this.o.link.publicUrl, teamsAppCatalogId: this.o.link.catalogIdFor(recipient.tenantId) },
        row.callOutId,
        token,
      ),
      expiresAt,
    });
    try {
      await this.o.mail.send(starter, message, {
        callOutId: row.callOutId,
        networkIds: row.networkId ? [row.networkId] : [],
      });
    } catch (error) {
      return this.onMailFailure(row, error);
    }
    await settle('sent', null, 'answer-link-mailed');
    await appendAuditEvent(
      db,
      auditEvent(
        { actorUserId: null, channel: 'job', clientAddress: null, requestId: null },
        'call-out.answer-link-mail',
        { type: 'user', id: row.userId },
      ),
      this.o.now(),
    );
  }

  /**
   * The mailbox the message goes out from: the call-out's starter, as convening's mails (Graph addresses
   * it by object id; the local outbox records an address).
   */
  private async starterOf(callOutId: string): Promise<string | null> {
    const startedBy = await readStarter(this.o.db, callOutId);
    const user = startedBy ? await findUserById(this.o.db, startedBy) : undefined;
    if (!user) return null;
    if (this.o.mail.kind === 'graph') return user.objectId;
    return user.email?.trim() || `${user.objectId}@bondgenoten.local`;
  }

  private async onMailFailure(row: ClaimedAnswerLink, error: unknown): Promise<void> {
    const status = error instanceof MailError ? error.status : 0;
    // Ids and status only: the message names the recipient.
    this.o.logger?.warn(
      { callOutId: row.callOutId, userId: row.userId, status },
      'answer link e-mail not sent',
    );
    const reason = `mail ${status}`;
    if (row.attempts >= this.o.maxAttempts) {
      await settleAnswerLink(
        this.o.db,
        row,
        this.o.workerId,
        { state: 'failed', reason, event: 'answer-link-mail-failed' },
        this.o.now(),
      );
      return;
    }
    const wait = Math.min(60_000, 1_000 * 2 ** (row.attempts - 1));
    await releaseAnswerLink(this.o.db, row, this.o.workerId, new Date(this.o.now().getTime() + wait), reason);
  }
}
