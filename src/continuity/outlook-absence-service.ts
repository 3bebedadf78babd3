import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readEntraIdentity, readNetworkStaff } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { localDate } from '../platform/time.js';
import { UpstreamError } from '../platform/upstream-error.js';
import type { AutomaticReplies, AutomaticRepliesPort } from './automatic-replies-port.js';
import type { OutlookAbsence } from './schemas.js';

const none = { reason: null, startsOn: null, endsOn: null };

/**
 * Outlook's scheduled automatic replies as an absence period in local dates: the first day is the start's date,
 * the last day the date just before the end (replies scheduled until Monday 00:00 end on Sunday). A period that
 * has ended is reported as such: the form cannot record it.
 */
export function absenceFromReplies(
  replies: Exclude<AutomaticReplies, { state: 'refused' }>,
  now: Date,
): OutlookAbsence {
  if (replies.state === 'unavailable') return { ...none, state: 'unavailable', reason: replies.reason };
  if (replies.state !== 'scheduled') return { ...none, state: replies.state };
  const startsOn = localDate(replies.start);
  const endsOn = localDate(new Date(Math.max(replies.start.getTime(), replies.end.getTime() - 1)));
  return { state: endsOn < localDate(now) ? 'ended' : 'scheduled', reason: null, startsOn, endsOn };
}

/**
 * Reads the automatic replies, turning a refusal into the problem the caller can act on: a tenant the app does
 * not serve (409, nothing asked of Microsoft 365) or a tenant whose administrator has not consented (502, Entra
 * refused the token there), and any other Microsoft 365 failure into a plain 502. Nothing of Microsoft's answer,
 * and nothing about the person, is passed on.
 */
async function readReplies(
  replies: AutomaticRepliesPort,
  identity: { tenantId: string; aadObjectId: string },
): Promise<Exclude<AutomaticReplies, { state: 'refused' }>> {
  let answer: AutomaticReplies;
  try {
    answer = await replies.read(identity);
  } catch (error) {
    if (error instanceof UpstreamError)
      throw new DomainError('upstream-failed', 'Outlook could not be read right now; try again shortly.');
    throw error;
  }
  if (answer.state !== 'refused') return answer;
  if (answer.reason === 'tenant-not-allowed')
    throw new DomainError(
      'conflict',
      `The staff member's Microsoft 365 organisation (tenant ${identity.tenantId}) is not one this app serves (AAD_ALLOWED_TENANTS), so their Outlook is not read.`,
    ).because('tenant-not-served');
  throw new DomainError(
    'upstream-failed',
    `The administrator of the staff member's Microsoft 365 organisation (tenant ${identity.tenantId}) has not consented to this app yet: they grant admin consent for MailboxSettings.Read (see docs/deploy.md), then Outlook can be read.`,
  ).because('tenant-not-consented');
}

/**
 * Reads a staff member's Outlook automatic replies to suggest an absence period (issue 19): the staff member
 * themselves or a coordinator of the network, as for recording, in the staff member's own Microsoft 365 tenant
 * (the municipality's or the police's). Without Microsoft 365 (the local run) the answer says so. Audited (`absence.outlook-read`), as the period says when someone is away; the reply texts are
 * never read into the app.
 */
export async function suggestAbsenceFromOutlook(
  db: Kysely<Database>,
  replies: AutomaticRepliesPort | null,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  userId: string,
  now: Date,
): Promise<OutlookAbsence> {
  const staff = await readNetworkStaff(db, networkId);
  if (!staff.some((s) => s.userId === userId))
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field: 'query.userId',
        code: 'unknown_reference',
        kind: 'staff',
        message: 'is not a staff member of this network',
      },
    ]);
  if (access.userId !== userId && access.networkRoles.get(networkId) !== 'coordinator')
    throw new DomainError(
      'forbidden',
      'Only the staff member or a coordinator reads their automatic replies.',
    );
  if (!replies) return { ...none, state: 'unavailable', reason: 'local' };
  const identity = await readEntraIdentity(db, userId);
  if (!identity) return { ...none, state: 'unavailable', reason: 'no-mailbox' };
  // Added by e-mail from another tenant and not signed in yet: the object id is a placeholder, not their mailbox.
  if (identity.awaitingSignIn) return { ...none, state: 'unavailable', reason: 'not-signed-in' };
  const answer = absenceFromReplies(await readReplies(replies, identity), now);
  await appendAuditEvent(db, auditEvent(origin, 'absence.outlook-read', { type: 'user', id: userId }), now);
  return answer;
}
