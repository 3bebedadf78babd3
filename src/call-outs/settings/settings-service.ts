import type { Kysely } from 'kysely';
import type { AuditOrigin } from '../../audit/audit-origin.js';
import { auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import type { AccessProfile } from '../../identity/access.js';
import type { Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { lockMunicipality } from '../../setup/index.js';
import { transaction } from '../call-out-store.js';
import type { CallOutSettingsView, EscalationSettingsInput } from './settings-schemas.js';
import {
  DEFAULT_ESCALATION,
  hasStoredSettings,
  readCrisisTeam,
  readEligibleStaff,
  readEscalationSettings,
  readMunicipalityIds,
  readNetworkMunicipalityIds,
  readTeamMembers,
  replaceCrisisTeam,
  upsertSettings,
} from './settings-store.js';

/**
 * Who may: administrators read and change; coordinators read the settings of the municipality their
 * network lies in (they start call-outs and should know when the crisis team joins). Nobody else.
 */
async function municipalitiesOf(db: Kysely<Database>, access: AccessProfile): Promise<string[]> {
  if (access.isAdministrator) return readMunicipalityIds(db);
  const coordinated = [...access.networkRoles].filter(([, role]) => role === 'coordinator').map(([id]) => id);
  return readNetworkMunicipalityIds(db, coordinated);
}

/**
 * The caller's municipality: users carry none, so it is the one the caller administers or coordinates in.
 * A deployment normally serves one municipality; where the caller could mean several, they name it.
 */
async function resolveMunicipality(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  requested: string | undefined,
  action: string,
  now: Date,
): Promise<string> {
  const candidates = await municipalitiesOf(db, access);
  const refuse = async (object: { type: string; id: string } | null) => {
    await appendAuditEvent(db, auditEvent(origin, action, object, 'denied'), now);
    return new DomainError(
      'forbidden',
      'The call-out settings are for administrators and coordinators.',
    ).markAudited();
  };
  if (requested !== undefined) {
    if (candidates.includes(requested)) return requested;
    if (access.isAdministrator) throw new DomainError('not-found', 'No municipality with this id exists.');
    throw await refuse({ type: 'municipality', id: requested });
  }
  const [only, ...others] = candidates;
  if (only !== undefined && others.length === 0) return only;
  if (only === undefined) {
    if (access.isAdministrator) throw new DomainError('not-found', 'There is no municipality yet.');
    throw await refuse(null);
  }
  throw new DomainError('validation-failed', 'Name the municipality: you can act for more than one.', [
    {
      field: 'query.municipalityId',
      code: 'municipality_required',
      message: 'is required: you can act for more than one municipality',
    },
  ]);
}

async function view(
  db: Kysely<Database>,
  access: AccessProfile,
  municipalityId: string,
): Promise<CallOutSettingsView> {
  const [settings, stored, team] = await Promise.all([
    readEscalationSettings(db, municipalityId),
    hasStoredSettings(db, municipalityId),
    readCrisisTeam(db, municipalityId),
  ]);
  const canEdit = access.isAdministrator;
  return {
    municipalityId,
    settings,
    isDefault: !stored,
    defaults: DEFAULT_ESCALATION,
    crisisTeam: await readTeamMembers(db, team),
    canEdit,
    candidates: canEdit ? await readEligibleStaff(db, municipalityId) : null,
  };
}

const subject = (municipalityId: string) => ({ type: 'municipality', id: municipalityId });

/** The municipality's effective escalation settings and its crisis team (audited read). */
export async function getCallOutSettings(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  requested: string | undefined,
  now: Date,
): Promise<CallOutSettingsView> {
  const action = 'call-out-settings.read';
  const municipalityId = await resolveMunicipality(db, origin, access, requested, action, now);
  const result = await view(db, access, municipalityId);
  await appendAuditEvent(db, auditEvent(origin, action, subject(municipalityId)), now);
  return result;
}

/**
 * Replaces N, K, M and the reminder. Timers are rows written when a call-out starts, so new minutes apply
 * to call-outs started afterwards; K is read when the next-group timer fires, so it also applies to
 * running call-outs whose timer has not fired yet.
 */
export async function updateCallOutSettings(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  requested: string | undefined,
  input: EscalationSettingsInput,
  now: Date,
): Promise<CallOutSettingsView> {
  const action = 'call-out-settings.update';
  const municipalityId = await resolveMunicipality(db, origin, access, requested, action, now);
  await transaction(db, async (tx) => {
    await upsertSettings(tx, municipalityId, input);
    await appendAuditEvent(tx, auditEvent(origin, action, subject(municipalityId)), now);
  });
  return view(db, access, municipalityId);
}

/**
 * Replaces the crisis team, all or nothing: every id must be staff of the municipality (see
 * readEligibleStaff), else nothing changes and each wrong entry is named. Read when the next-group timer
 * fires, so the new team also applies to running call-outs that have not escalated yet.
 */
export async function replaceCallOutCrisisTeam(
  db: Kysely<Database>,
  origin: AuditOrigin,
  access: AccessProfile,
  requested: string | undefined,
  userIds: readonly string[],
  now: Date,
): Promise<CallOutSettingsView> {
  const action = 'call-out-crisis-team.replace';
  const municipalityId = await resolveMunicipality(db, origin, access, requested, action, now);
  await transaction(db, async (tx) => {
    if (!(await lockMunicipality(tx, municipalityId)))
      throw new DomainError('not-found', 'No municipality with this id exists.');
    const eligible = new Set((await readEligibleStaff(tx, municipalityId, userIds)).map((s) => s.userId));
    const errors = userIds.flatMap((id, index) =>
      eligible.has(id)
        ? []
        : [
            {
              field: `body.userIds.${index}`,
              code: 'unknown_reference' as const,
              kind: 'staff',
              message: 'is not a staff member of this municipality',
            },
          ],
    );
    if (errors.length > 0)
      throw new DomainError('validation-failed', 'One or more fields are not valid.', errors);
    const { added, removed } = await replaceCrisisTeam(tx, municipalityId, userIds);
    await appendAuditEvent(tx, auditEvent(origin, action, subject(municipalityId)), now);
    for (const id of added)
      await appendAuditEvent(tx, auditEvent(origin, 'call-out-crisis-team.add', { type: 'user', id }), now);
    for (const id of removed)
      await appendAuditEvent(
        tx,
        auditEvent(origin, 'call-out-crisis-team.remove', { type: 'user', id }),
        now,
      );
  });
  return view(db, access, municipalityId);
}
