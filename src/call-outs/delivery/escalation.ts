import type { Kysely, Transaction } from 'kysely';
import { readBackupUserId } from '../../identity/index.js';
import type { Database } from '../../platform/db/schema.js';
import {
  appendEvent,
  bumpVersion,
  insertDeliveries,
  insertRecipients,
  transaction,
} from '../call-out-store.js';
import type { TimerKind } from '../db-schema.js';
import { readCrisisTeam, readEscalationSettings } from '../settings/settings-store.js';
import {
  claimDueTimers,
  countAvailableStaff,
  type DueTimer,
  hasAnswered,
  markTimerFired,
  readCallOutMunicipality,
  readRecipient,
  readSilentRecipientIds,
} from './escalation-store.js';

/** N minutes of silence: the recipient's back-up in that network gets the card. */
async function fireBackup(tx: Transaction<Database>, timer: DueTimer, now: Date): Promise<void> {
  if (!timer.recipient_id) return;
  const recipient = await readRecipient(tx, timer.recipient_id);
  if (!recipient?.network_id || (await hasAnswered(tx, timer.call_out_id, recipient.user_id))) return;
  const backupUserId = await readBackupUserId(tx, recipient.network_id, recipient.user_id);
  if (!backupUserId) return;
  const added = await insertRecipients(
    tx,
    timer.call_out_id,
    [
      {
        userId: backupUserId,
        reason: 'backup',
        networkId: recipient.network_id,
        backupForUserId: recipient.user_id,
      },
    ],
    now,
  );
  if (added.length === 0) return; // already a recipient: they have the card
  await insertDeliveries(
    tx,
    timer.call_out_id,
    added.map((r) => r.id),
    'alert',
    now,
  );
  await bumpVersion(tx, timer.call_out_id, now);
  await appendEvent(tx, timer.call_out_id, 'escalated-to-backup', now, { userId: backupUserId });
}

/** After M minutes, fewer than K staff available: the municipality's crisis team is alerted. */
async function fireNextGroup(tx: Transaction<Database>, timer: DueTimer, now: Date): Promise<void> {
  const municipalityId = await readCallOutMunicipality(tx, timer.call_out_id);
  const settings = await readEscalationSettings(tx, municipalityId);
  if ((await countAvailableStaff(tx, timer.call_out_id)) >= settings.minAvailableStaff) return;
  const team = await readCrisisTeam(tx, municipalityId);
  const added = await insertRecipients(
    tx,
    timer.call_out_id,
    team.map((userId) => ({ userId, reason: 'crisis-team', networkId: null, backupForUserId: null })),
    now,
  );
  await insertDeliveries(
    tx,
    timer.call_out_id,
    added.map((r) => r.id),
    'alert',
    now,
  );
  if (added.length > 0) await bumpVersion(tx, timer.call_out_id, now);
  await appendEvent(tx, timer.call_out_id, 'escalated-to-next-group', now);
}

/** Recipients whose card arrived but who have not answered get it once more as a reminder. */
async function fireReminder(tx: Transaction<Database>, timer: DueTimer, now: Date): Promise<void> {
  await insertDeliveries(
    tx,
    timer.call_out_id,
    await readSilentRecipientIds(tx, timer.call_out_id),
    'reminder',
    now,
  );
  await appendEvent(tx, timer.call_out_id, 'reminders-queued', now);
}

const FIRE: Record<TimerKind, (tx: Transaction<Database>, timer: DueTimer, now: Date) => Promise<void>> = {
  'backup-after-no-answer': fireBackup,
  'next-group': fireNextGroup,
  reminder: fireReminder,
};

/**
 * Fires due timers. Each is claimed with SKIP LOCKED and fired in the transaction that marks it fired,
 * so a timer fires exactly once, on whichever instance gets it, also after a restart.
 */
export async function fireDueTimers(db: Kysely<Database>, now: Date, limit = 20): Promise<number> {
  return transaction(db, async (tx) => {
    const due = await claimDueTimers(tx, now, limit);
    for (const timer of due) {
      await FIRE[timer.kind](tx, timer, now);
      await markTimerFired(tx, timer.id, now);
    }
    return due.length;
  });
}
