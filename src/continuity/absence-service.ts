import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readNetworkStaff } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { daysBetween, localDate } from '../platform/time.js';
import { coversDay } from './absence-rules.js';
import { deleteAbsence, findAbsence, insertAbsence, readAbsences } from './absence-store.js';
import { MAX_ABSENCE_DAYS } from './constants.js';
import type { AbsenceList, RecordAbsence } from './schemas.js';

const invalid = (error: Omit<FieldError, 'message'> & { message: string }) =>
  new DomainError('validation-failed', 'One or more fields are not valid.', [error]);

const notFound = () => new DomainError('not-found', 'No such absence in this network.');

/** A staff member records their own absences; a coordinator records them for the network's staff. */
function mayRecordFor(access: AccessProfile, networkId: string, userId: string): boolean {
  return access.userId === userId || access.networkRoles.get(networkId) === 'coordinator';
}

/**
 * The network's staff and their absences that have not ended, each with the back-up who takes over
 * meanwhile. Reading who is away is personal data of staff, so it is audited (`absence.list`).
 */
export async function listAbsences(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  now: Date,
): Promise<AbsenceList> {
  const today = localDate(now);
  const staff = await readNetworkStaff(db, networkId);
  const rows = await readAbsences(
    db,
    staff.map((s) => s.userId),
    today,
  );
  await appendAuditEvent(db, auditEvent(origin, 'absence.list', { type: 'network', id: networkId }), now);
  return {
    staff: staff.map((s) => ({
      userId: s.userId,
      displayName: s.displayName,
      role: s.role,
      mayRecord: mayRecordFor(access, networkId, s.userId),
    })),
    absences: rows.map((row) => {
      const member = staff.find((s) => s.userId === row.userId);
      return {
        ...row,
        current: coversDay(row, today),
        backup: member?.backup
          ? { userId: member.backup.userId, displayName: member.backup.displayName }
          : null,
      };
    }),
  };
}

/**
 * Records an absence period for a staff member of the network: themselves, or anyone of the network for a
 * coordinator. The period must not lie wholly in the past nor run longer than a year (audited).
 */
export async function recordAbsence(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  input: RecordAbsence,
  now: Date,
): Promise<AbsenceList> {
  const staff = await readNetworkStaff(db, networkId);
  if (!staff.some((s) => s.userId === input.userId))
    throw invalid({
      field: 'body.userId',
      code: 'unknown_reference',
      kind: 'staff',
      message: 'is not a staff member of this network',
    });
  if (!mayRecordFor(access, networkId, input.userId))
    throw new DomainError('forbidden', 'Only the staff member or a coordinator records an absence.');
  if (input.endsOn < input.startsOn)
    throw invalid({ field: 'body.endsOn', code: 'before_start', message: 'lies before the start' });
  if (daysBetween(input.startsOn, input.endsOn) + 1 > MAX_ABSENCE_DAYS)
    throw invalid({
      field: 'body.endsOn',
      code: 'range_too_long',
      max: MAX_ABSENCE_DAYS,
      message: `an absence runs at most ${MAX_ABSENCE_DAYS} days`,
    });
  if (input.endsOn < localDate(now))
    throw invalid({ field: 'body.endsOn', code: 'not_in_future', message: 'the absence has already ended' });
  await transaction(db, async (tx) => {
    await insertAbsence(tx, {
      userId: input.userId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      source: input.source ?? 'manual',
      note: input.note ?? null,
      recordedBy: access.userId,
      now,
    });
    await appendAuditEvent(tx, auditEvent(origin, 'absence.record', { type: 'user', id: input.userId }), now);
  });
  return listAbsences(db, origin, access, networkId, now);
}

/** Deletes an absence period of a staff member of the network (themselves, or a coordinator; audited). */
export async function removeAbsence(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  absenceId: string,
  now: Date,
): Promise<void> {
  const staff = await readNetworkStaff(db, networkId);
  const absence = await findAbsence(db, absenceId);
  if (!absence || !staff.some((s) => s.userId === absence.userId)) throw notFound();
  if (!mayRecordFor(access, networkId, absence.userId))
    throw new DomainError('forbidden', 'Only the staff member or a coordinator removes an absence.');
  await transaction(db, async (tx) => {
    if (!(await deleteAbsence(tx, absenceId))) throw notFound();
    await appendAuditEvent(
      tx,
      auditEvent(origin, 'absence.delete', { type: 'user', id: absence.userId }),
      now,
    );
  });
}
