import { readUserIdentities } from '../../identity/index.js';
import { findPreferredReference } from '../../teams/conversation-store.js';
import { backoffMs, cardActivity, classifyFailure } from '../../teams/outbox/card-sender.js';
import { blockConversation } from '../../teams/outbox/rate-budget.js';
import type { Job } from '../../teams/outbox/send-pacer.js';
import { personalView, readSharedCardView } from '../call-out-views.js';
import { type JobContext, localeOf } from './alert-jobs.js';
import { type ClaimedUpdate, completeCardUpdate, releaseCardUpdate } from './delivery-store.js';

/**
 * Card updates: every sent copy of a call-out's card is replaced by the latest version (answers, escalations,
 * the meeting); a throttled or failing update waits with back-off and is given up after the last attempt.
 */
export class UpdateJobs {
  constructor(private readonly o: JobContext) {}

  async prepare(update: ClaimedUpdate): Promise<Job | null> {
    const { db } = this.o;
    const [who] = await readUserIdentities(db, [update.userId]);
    if (!who) throw new Error('card update for a user that no longer exists');
    const shared = await readSharedCardView(db, update.callOutId);
    if (!shared) return null;
    const view = await personalView(db, shared, update.userId, who.aadObjectId);
    const reference = await findPreferredReference(db, who.tenantId, who.aadObjectId);
    const activity = cardActivity(this.o.renderCard(view, localeOf(reference?.reference)));
    return {
      tenantId: who.tenantId,
      conversationId: update.conversationId,
      release: (until) =>
        releaseCardUpdate(db, update.deliveryId, this.o.workerId, until, { countAttempt: false }),
      send: () => this.sendUpdate(update, activity, view.version, who.tenantId),
    };
  }

  private async sendUpdate(
    update: ClaimedUpdate,
    activity: Record<string, unknown>,
    shownVersion: number,
    tenantId: string,
  ): Promise<void> {
    const { db, sender } = this.o;
    try {
      await sender.updateActivity(
        { serviceUrl: update.serviceUrl, conversationId: update.conversationId, tenantId },
        update.activityId,
        activity,
      );
      await completeCardUpdate(db, update.deliveryId, this.o.workerId, shownVersion);
    } catch (error) {
      const now = this.o.now();
      const verdict = classifyFailure(error);
      if (verdict.kind === 'throttled') {
        const until = new Date(now.getTime() + verdict.retryAfterMs);
        await blockConversation(db, update.conversationId, until);
        await releaseCardUpdate(db, update.deliveryId, this.o.workerId, until, { countAttempt: true });
      } else if (verdict.kind === 'give-up' || update.attempts >= this.o.maxAttempts) {
        await releaseCardUpdate(db, update.deliveryId, this.o.workerId, null, { countAttempt: true });
      } else {
        const at = new Date(now.getTime() + backoffMs(update.attempts, this.o.random));
        await releaseCardUpdate(db, update.deliveryId, this.o.workerId, at, { countAttempt: true });
      }
    }
  }
}
