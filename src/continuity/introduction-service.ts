import type { Kysely, Transaction } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readNetworkStaff } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError } from '../platform/errors.js';
import { localDate } from '../platform/time.js';
import type { IntroductionAllies, IntroductionMeetings } from './introduction-ports.js';
import {
  allyItemKey,
  FIXED_INTRODUCTION_ITEMS,
  introductionOverdue,
  parseItemKey,
} from './introduction-rules.js';
import type { Introduction, IntroductionList, TickIntroductionItem } from './introduction-schemas.js';
import {
  deleteIntroductionItem,
  type IntroductionItemRow,
  insertIntroduction,
  readIntroductionItems,
  readIntroductions,
  upsertIntroductionItem,
} from './introduction-store.js';

/** What the introduction services need: the database and the ports to network's allies and meetings' dates. */
export interface IntroductionDeps {
  db: Kysely<Database>;
  allies: IntroductionAllies;
  meetings: IntroductionMeetings;
}

const isCoordinator = (access: AccessProfile, networkId: string) =>
  access.networkRoles.get(networkId) === 'coordinator';

const notFound = () => new DomainError('not-found', 'No introduction of this staff member in this network.');

/**
 * Starts a newcomer's introduction when they get a role in a network they had none in: identity's role grant
 * calls it inside its transaction (the port `roleGranted`, filled in compose.ts), so the checklist exists exactly
 * when the role does.
 */
export async function startIntroduction(
  tx: Kysely<Database> | Transaction<Database>,
  grant: { networkId: string; userId: string },
  now: Date,
): Promise<void> {
  await insertIntroduction(tx, { ...grant, startedOn: localDate(now) });
}

type StaffMember = Awaited<ReturnType<typeof readNetworkStaff>>[number];

function checklist(
  member: StaffMember,
  startedOn: string,
  ticked: IntroductionItemRow[],
  allies: Array<{ personId: string; displayName: string }>,
  mayTick: boolean,
  today: string,
): Introduction {
  const byKey = new Map(ticked.map((row) => [row.itemKey, row]));
  const line = (key: string, kind: 'fixed' | 'ally', allyName: string | null) => ({
    key,
    kind,
    allyName,
    doneOn: byKey.get(key)?.doneOn ?? null,
    meetingId: byKey.get(key)?.meetingId ?? null,
  });
  const [networkPage, crisisSheet, ...rest] = FIXED_INTRODUCTION_ITEMS;
  const items = [
    line(networkPage, 'fixed', null),
    line(crisisSheet, 'fixed', null),
    ...allies.map((ally) => line(allyItemKey(ally.personId), 'ally', ally.displayName)),
    ...rest.map((key) => line(key, 'fixed', null)),
  ];
  return {
    userId: member.userId,
    displayName: member.displayName,
    role: member.role,
    startedOn,
    items,
    done: items.filter((item) => item.doneOn !== null).length,
    total: items.length,
    overdue: introductionOverdue(startedOn, byKey.has('meeting'), today),
    mayTick,
  };
}

async function buildIntroductions(
  deps: IntroductionDeps,
  access: AccessProfile,
  networkId: string,
  onlyUserId: string | null,
  now: Date,
): Promise<Introduction[]> {
  const [staff, allies] = await Promise.all([
    readNetworkStaff(deps.db, networkId),
    deps.allies(deps.db, networkId),
  ]);
  const rows = await readIntroductions(
    deps.db,
    networkId,
    onlyUserId ? [onlyUserId] : staff.map((s) => s.userId),
  );
  const ticked = await readIntroductionItems(
    deps.db,
    networkId,
    rows.map((r) => r.userId),
  );
  const today = localDate(now);
  const result: Introduction[] = [];
  for (const row of rows) {
    const member = staff.find((s) => s.userId === row.userId);
    if (!member) continue; // the role was taken away since: no introduction to follow any more
    const mayTick = access.userId === row.userId || isCoordinator(access, networkId);
    result.push(
      checklist(
        member,
        row.startedOn,
        ticked.filter((t) => t.userId === row.userId),
        allies,
        mayTick,
        today,
      ),
    );
  }
  return result;
}

/**
 * The introductions of a network the caller may follow: a coordinator sees every newcomer's progress, any other
 * staff member their own (or none). With the network's next meeting, where a newcomer is introduced. Audited
 * (`introduction.list`): progress of colleagues is personal data of staff.
 */
export async function listIntroductions(
  deps: IntroductionDeps,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  now: Date,
): Promise<IntroductionList> {
  const [introductions, meetings] = await Promise.all([
    buildIntroductions(deps, access, networkId, isCoordinator(access, networkId) ? null : access.userId, now),
    deps.meetings(deps.db, networkId, localDate(now)),
  ]);
  await appendAuditEvent(
    deps.db,
    auditEvent(origin, 'introduction.list', { type: 'network', id: networkId }),
    now,
  );
  return { introductions, nextMeeting: meetings[0] ?? null };
}

function requireMayFollow(access: AccessProfile, networkId: string, userId: string, verb: string) {
  if (access.userId !== userId && !isCoordinator(access, networkId))
    throw new DomainError('forbidden', `Only the newcomer or a coordinator ${verb} an introduction.`);
}

/** One newcomer's introduction: the newcomer themselves or a coordinator of the network (audited). */
export async function getIntroduction(
  deps: IntroductionDeps,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  userId: string,
  now: Date,
): Promise<Introduction> {
  requireMayFollow(access, networkId, userId, 'reads');
  const [introduction] = await buildIntroductions(deps, access, networkId, userId, now);
  if (!introduction) throw notFound();
  await appendAuditEvent(deps.db, auditEvent(origin, 'introduction.read', { type: 'user', id: userId }), now);
  return introduction;
}

/**
 * Ticks an item with the day it was done, or unticks it: the newcomer or a coordinator. An ally line must name a
 * current ally of the network; the meeting item may name the meeting (one of the network's). Audited.
 */
export async function tickIntroductionItem(
  deps: IntroductionDeps,
  origin: AuditOrigin,
  access: AccessProfile,
  key: { networkId: string; userId: string; itemKey: string },
  input: TickIntroductionItem,
  now: Date,
): Promise<Introduction> {
  requireMayFollow(access, key.networkId, key.userId, 'ticks');
  const item = parseItemKey(key.itemKey);
  if (!item) throw new DomainError('not-found', 'No such item on an introduction checklist.');
  const itemKey = item.kind === 'ally' ? allyItemKey(item.personId) : item.key;
  const staff = await readNetworkStaff(deps.db, key.networkId);
  const [started] = await readIntroductions(deps.db, key.networkId, [key.userId]);
  if (!started || !staff.some((s) => s.userId === key.userId)) throw notFound();
  if (item.kind === 'ally') {
    const allies = await deps.allies(deps.db, key.networkId);
    if (!allies.some((a) => a.personId === item.personId))
      throw new DomainError('not-found', 'This person is not a current ally of the network.');
  }
  const today = localDate(now);
  if (input.meetingId && itemKey !== 'meeting')
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      { field: 'body.meetingId', code: 'invalid', message: 'only the meeting item names a meeting' },
    ]);
  if (input.done && input.meetingId) {
    const meetings = await deps.meetings(deps.db, key.networkId, started.startedOn);
    if (!meetings.some((m) => m.id === input.meetingId))
      throw new DomainError('validation-failed', 'One or more fields are not valid.', [
        {
          field: 'body.meetingId',
          code: 'unknown_reference',
          kind: 'meeting',
          message: 'is not a meeting of this network since the newcomer started',
        },
      ]);
  }
  const doneOn = input.doneOn ?? today;
  if (input.done && doneOn > today)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      { field: 'body.doneOn', code: 'in_future', message: 'lies in the future' },
    ]);
  if (input.done && doneOn < started.startedOn)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      { field: 'body.doneOn', code: 'before_start', message: 'lies before the introduction started' },
    ]);
  await transaction(deps.db, async (tx) => {
    const object = { type: 'user', id: key.userId };
    if (input.done) {
      await upsertIntroductionItem(tx, {
        networkId: key.networkId,
        userId: key.userId,
        itemKey,
        doneOn,
        meetingId: input.meetingId ?? null,
        tickedBy: access.userId,
        now,
      });
      await appendAuditEvent(tx, auditEvent(origin, 'introduction.tick', object), now);
    } else {
      await deleteIntroductionItem(tx, { networkId: key.networkId, userId: key.userId, itemKey });
      await appendAuditEvent(tx, auditEvent(origin, 'introduction.untick', object), now);
    }
  });
  const [introduction] = await buildIntroductions(deps, access, key.networkId, key.userId, now);
  if (!introduction) throw notFound();
  return introduction;
}
