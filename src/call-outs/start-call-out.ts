import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { readAbsentNow } from '../continuity/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readUserIdentities } from '../identity/index.js';
import { readPersonNames } from '../network/index.js';
import { createOnce } from '../platform/db/once.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { findReachableIdentities } from '../teams/conversation-store.js';
import { getCallOut } from './call-out-read.js';
import {
  appendEvent,
  findByStartToken,
  insertAllies,
  insertCallOut,
  insertDeliveries,
  insertRecipients,
  insertTimers,
  transaction,
} from './call-out-store.js';
import { readNamesOfPlaces } from './call-out-view-store.js';
import { readCallOutDetail } from './call-out-views.js';
import type { AlertCardView } from './contract.js';
import { firstCardView } from './first-card-view.js';
import type { CallOutDetail, CallOutPreview, StartCallOutInput } from './schemas.js';
import { readEscalationSettings } from './settings/settings-store.js';
import { planStaffRecipients } from './targeting/absence-stand-ins.js';
import { selectTargets, type Targets } from './targeting/targeting.js';
import { loadTargetingFacts, type TargetingFacts } from './targeting/targeting-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

const GOAL_MS = 60 * 60 * 1000;
const minutes = (n: number) => n * 60 * 1000;
/**
 * An absent recipient's card is due a moment after the others (workers claim by due time), so the back-up
 * standing in gets theirs first even when one worker round claims both.
 */
const ABSENT_CARD_AFTER_MS = 1000;

/**
 * Starting needs the role of coordinator or member in at least one targeted network, or administrator:
 * those are the people who act for the network; secretaries and viewers support and read.
 */
function mayStart(access: AccessProfile, networkIds: readonly string[]): boolean {
  if (access.isAdministrator) return true;
  return networkIds.some((id) => {
    const role = access.networkRoles.get(id);
    return role === 'coordinator' || role === 'member';
  });
}

async function target(db: Executor, access: AccessProfile, input: StartCallOutInput) {
  const facts = await loadTargetingFacts(db, input.placeIds, input.communityIds);
  if (facts.networks.length === 0)
    throw new DomainError(
      'rule-violated',
      'No network covers the chosen wijken, so there is nobody to alert.',
    ).because('no-network-for-wijken');
  if (
    !mayStart(
      access,
      facts.networks.map((n) => n.id),
    )
  )
    throw new DomainError(
      'forbidden',
      'Starting a call-out needs the coordinator or member role in one of the networks it targets.',
    );
  return { facts, targets: selectTargets(facts.staff, facts.allies, input.communityIds, access.userId) };
}

async function describeTargets(
  db: Executor,
  access: AccessProfile,
  facts: TargetingFacts,
  targets: Targets,
): Promise<CallOutPreview> {
  const userIds = [
    ...new Set([...targets.staff.map((s) => s.userId), ...targets.allies.map((a) => a.callerUserId)]),
  ];
  const users = await readUserIdentities(db, userIds);
  const reachable = new Set(
    (await findReachableIdentities(db, users)).map((who) => `${who.tenantId}/${who.aadObjectId}`),
  );
  const reachableIds = new Set(
    users.filter((u) => reachable.has(`${u.tenantId}/${u.aadObjectId}`)).map((u) => u.id),
  );
  const people = await readPersonNames(
    db,
    targets.allies.map((a) => a.personId),
  );
  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? '';
  return {
    networks: facts.networks,
    staff: targets.staff.map((s) => ({
      userId: s.userId,
      displayName: nameOf(s.userId),
      networkId: s.networkId,
      reachable: reachableIds.has(s.userId),
    })),
    allies: targets.allies.map((a) => ({
      personId: a.personId,
      displayName: access.networkRoles.has(a.networkId)
        ? (people.find((p) => p.id === a.personId)?.displayName ?? null)
        : null,
      networkId: a.networkId,
      callerUserId: a.callerUserId,
      callerName: nameOf(a.callerUserId),
    })),
  };
}

/**
 * Who a call-out would reach, for the starter to check before sending. Nothing of the call-out is written;
 * the read of staff and ally names is audited (`call-out.preview`; the actor is the caller).
 */
export async function previewCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: StartCallOutInput,
  now: Date,
): Promise<CallOutPreview> {
  const { facts, targets } = await target(db, access, input);
  const preview = await describeTargets(db, access, facts, targets);
  await appendAuditEvent(db, auditEvent(origin, 'call-out.preview', null), now);
  return preview;
}

/**
 * The alert card a staff recipient would get, for the starter to see before sending: `render` is the bot's own
 * card function, so the tab shows the very JSON the worker will send. Nothing is written. Not audited: the card
 * holds what the starter typed, the names of the chosen wijken and communities and a count of recipients,
 * nobody's personal data (the recipients' names are the audited `call-out.preview`).
 */
export async function previewAlertCard<Card>(
  db: Kysely<Database>,
  access: AccessProfile,
  input: StartCallOutInput,
  now: Date,
  render: (view: AlertCardView) => Card,
): Promise<Card> {
  const { targets } = await target(db, access, input);
  const absent = new Set(
    (
      await readAbsentNow(
        db,
        targets.staff.map((s) => s.userId),
        now,
      )
    ).keys(),
  );
  // As startCallOut counts them: absent staff and the back-ups standing in for them.
  const recipients = planStaffRecipients(targets.staff, absent).length;
  const names = await readNamesOfPlaces(db, input.placeIds, input.communityIds);
  const view = firstCardView(
    input,
    { places: names.places.map((p) => p.name), communities: names.communities.map((c) => c.name) },
    recipients,
    now,
    new Date(now.getTime() + GOAL_MS),
  );
  return render(view);
}

/**
 * Starts a call-out: in one transaction the call-out, its recipients, one outbox row per staff recipient,
 * the call list, the escalation timers and the first timeline line. The worker sends from there.
 */
export async function startCallOut(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: StartCallOutInput,
  now: Date,
  options: { startToken?: string } = {},
): Promise<CallOutDetail> {
  const id = await transaction(db, async (tx) => {
    const { facts, targets } = await target(tx, access, input);
    const settings = await readEscalationSettings(tx, facts.municipalityId);
    const callOutId = await insertCallOut(tx, {
      municipalityId: facts.municipalityId,
      startedBy: access.userId,
      kind: input.kind,
      urgency: input.urgency,
      summary: input.summary,
      ask: input.ask,
      placeIds: input.placeIds,
      communityIds: input.communityIds,
      startedAt: now,
      goalAt: new Date(now.getTime() + GOAL_MS),
      startToken: options.startToken ?? null,
    });
    // Absent staff (continuity): their back-up's card leaves first, theirs last and marked absent.
    const absent = new Set(
      (
        await readAbsentNow(
          tx,
          targets.staff.map((s) => s.userId),
          now,
        )
      ).keys(),
    );
    const planned = planStaffRecipients(targets.staff, absent);
    const recipients = await insertRecipients(
      tx,
      callOutId,
      planned.map(({ standIn: _standIn, ...recipient }) => recipient),
      now,
    );
    const standIns = new Set(planned.filter((p) => p.standIn).map((p) => p.userId));
    const userOf = new Map(recipients.map((r) => [r.id, r.userId]));
    await insertDeliveries(
      tx,
      callOutId,
      recipients.map((r) => r.id),
      'alert',
      now,
      (recipientId) => {
        const userId = userOf.get(recipientId) as string;
        if (standIns.has(userId)) return new Date(now.getTime() - 1);
        return absent.has(userId) ? new Date(now.getTime() + ABSENT_CARD_AFTER_MS) : now;
      },
    );
    await insertAllies(tx, callOutId, targets.allies);
    // An absent recipient's back-up already has the card; no timer waits for the absent one's silence.
    const withBackup = new Set(
      targets.staff.filter((s) => s.backupUserId && !absent.has(s.userId)).map((s) => s.userId),
    );
    await insertTimers(tx, callOutId, [
      ...recipients
        .filter((r) => withBackup.has(r.userId))
        .map((r) => ({
          kind: 'backup-after-no-answer' as const,
          dueAt: new Date(now.getTime() + minutes(settings.backupAfterMinutes)),
          recipientId: r.id,
        })),
      {
        kind: 'next-group',
        dueAt: new Date(now.getTime() + minutes(settings.nextGroupAfterMinutes)),
        recipientId: null,
      },
      {
        kind: 'reminder',
        dueAt: new Date(now.getTime() + minutes(settings.reminderAfterMinutes)),
        recipientId: null,
      },
    ]);
    await appendEvent(tx, callOutId, 'started', now, { userId: access.userId });
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'call-out.start', { type: 'call-out', id: callOutId }),
      now,
    );
    return callOutId;
  });
  return (await readCallOutDetail(db, id, new Set(access.networkRoles.keys()), now)) as CallOutDetail;
}

/**
 * Starts a call-out once per idempotency key (the API's `Idempotency-Key`): a repeated request with the same
 * key from the same starter — a tool retrying after a lost answer — gets the call-out the first one started
 * (read and audited as a read) instead of alerting everyone a second time. Two requests racing with one key
 * meet at the unique index on (started_by, start_token); the loser reads the winner's call-out.
 */
export async function startCallOutOnce(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  input: StartCallOutInput,
  now: Date,
  key: string,
): Promise<{ callOut: CallOutDetail; replayed: boolean }> {
  const { value, replayed } = await createOnce(
    () => findByStartToken(db, access.userId, key),
    () => startCallOut(db, origin, access, input, now, { startToken: key }),
    (id) => getCallOut(db, origin, access, id, now),
  );
  return { callOut: value, replayed };
}
