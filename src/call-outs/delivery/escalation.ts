import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import {
  appendEvent,
  bumpVersion,
  insertDeliveries,
  insertRecipients,
  readCrisisTeam,
  readEscalationSettings,
} from '../call-out-store.js';
import type { TimerKind } from '../db-schema.js';

interface DueTimer {
  id: string;
  call_out_id: string;
  kind: TimerKind;
  recipient_id: string | null;
}

const AVAILABLE = ['coming', 'calling-allies'] as const;

async function hasAnswered(tx: Transaction<Database>, callOutId: string, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('call_out_answers')
    .select('user_id')
    .where('call_out_id', '=', callOutId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** N minutes of silence: the recipient's back-up in that network gets the card. */
async function fireBackup(tx: Transaction<Database>, timer: DueTimer, now: Date): Promise<void> {
  if (!timer.recipient_id) return;
  const recipient = await tx
    .selectFrom('call_out_recipients')
    .select(['user_id', 'network_id'])
    .where('id', '=', timer.recipient_id)
    .executeTakeFirst();
  if (!recipient?.network_id || (await hasAnswered(tx, timer.call_out_id, recipient.user_id))) return;
  const role = await tx
    .selectFrom('network_roles')
    .select('backup_user_id')
    .where('network_id', '=', recipient.network_id)
    .where('user_id', '=', recipient.user_id)
    .executeTakeFirst();
  if (!role?.backup_user_id) return;
  const added = await insertRecipients(
    tx,
    timer.call_out_id,
    [
      {
        userId: role.backup_user_id,
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
  await appendEvent(tx, timer.call_out_id, 'escalated-to-backup', now, { userId: role.backup_user_id });
}

/** After M minutes, fewer than K staff available: the municipality's crisis team is alerted. */
async function fireNextGroup(tx: Transaction<Database>, timer: DueTimer, now: Date): Promise<void> {
  const callOut = await tx
    .selectFrom('call_outs')
    .select('municipality_id')
    .where('id', '=', timer.call_out_id)
    .executeTakeFirstOrThrow();
  const settings = await readEscalationSettings(tx, callOut.municipality_id);
  const available = await tx
    .selectFrom('call_out_answers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('call_out_id', '=', timer.call_out_id)
    .where('answer', 'in', [...AVAILABLE])
    .executeTakeFirstOrThrow();
  if (Number(available.n) >= settings.minAvailableStaff) return;
  const team = await readCrisisTeam(tx, callOut.municipality_id);
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
  const silent = await sql<{ id: string }>`
    select r.id from call_out_recipients r
    join call_out_deliveries d on d.recipient_id = r.id and d.kind = 'alert' and d.state = 'sent'
    where r.call_out_id = ${timer.call_out_id}
      and not exists (select 1 from call_out_answers a where a.call_out_id = r.call_out_id and a.user_id = r.user_id)`.execute(
    tx,
  );
  await insertDeliveries(
    tx,
    timer.call_out_id,
    silent.rows.map((r) => r.id),
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
  return db.transaction().execute(async (tx) => {
    const due = await sql<DueTimer>`
      select t.id, t.call_out_id, t.kind, t.recipient_id from call_out_timers t
      join call_outs c on c.id = t.call_out_id
      where t.fired_at is null and t.due_at <= ${now} and c.status = 'open'
      order by t.due_at, t.id
      limit ${limit}
      for update of t skip locked`.execute(tx);
    for (const timer of due.rows) {
      await FIRE[timer.kind](tx, timer, now);
      await tx.updateTable('call_out_timers').set({ fired_at: now }).where('id', '=', timer.id).execute();
    }
    return due.rows.length;
  });
}
