import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { AccessProfile } from '../identity/access.js';
import { readNetworkStaff, readUserIdentities } from '../identity/index.js';
import {
  readCommunities,
  readNetwork,
  readNetworkNeighbourhoods,
  readPeopleOfNetwork,
  readPersonNames,
} from '../network/index.js';
import { createOnce } from '../platform/db/once.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { addDays, localDate, startOfLocalDate } from '../platform/time.js';
import { SIGNAL_FOLLOW_UP_DAYS } from './constants.js';
import { canEditSignal, canRecordSignals } from './policies.js';
import type { CreateSignalInput, ListSignalsQuery, Signal, UpdateSignalInput } from './schemas.js';
import {
  findSignalByFormToken,
  insertSignal,
  readSignal,
  readSignalById,
  readSignals,
  readThemes,
  type SignalRow,
  updateSignalFields,
} from './signal-store.js';

type Db = Kysely<Database>;

export const invalid = (errors: Omit<FieldError, 'message'>[], detail = 'The signal is not valid.') =>
  new DomainError(
    'validation-failed',
    detail,
    errors.map((error) => ({ ...error, message: error.code.replace(/_/g, ' ') })),
  );

export const notFound = () => new DomainError('not-found', 'This network has no such signal.');

/** The network with its wijken, communities, people and staff: what a signal may refer to. */
async function referencesOf(db: Db, networkId: string) {
  const network = await readNetwork(db, networkId);
  if (!network) throw new DomainError('not-found', 'No network with this id exists.');
  const [wijken, communities, people, staff] = await Promise.all([
    readNetworkNeighbourhoods(db, network.area),
    readCommunities(db, network.municipality.id),
    readPeopleOfNetwork(db, networkId),
    readNetworkStaff(db, networkId),
  ]);
  return { network, wijken, communities, people, staff };
}

/** The choices of the signal form (tab and bot): names of the network's people, so audited as a read. */
export async function getSignalChoices(db: Db, origin: AuditOrigin, networkId: string, now: Date) {
  const refs = await referencesOf(db, networkId);
  const themes = (await readThemes(db)).filter((t) => !t.archived);
  await appendAuditEvent(db, auditEvent(origin, 'signal.choices', { type: 'network', id: networkId }), now);
  return {
    wijken: refs.wijken,
    communities: refs.communities.map((c) => ({ id: c.id, name: c.name })),
    people: refs.people
      .map((p) => ({ id: p.id, displayName: p.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl')),
    staff: refs.staff.map((s) => ({ id: s.userId, displayName: s.displayName })),
    themes,
  };
}

/**
 * Presents stored rows with the names of the people, staff, wijken and communities they refer to, and whether
 * the caller may correct each (`canEdit`; null access: nobody is asking, e.g. a replayed bot form).
 */
export async function present(
  db: Db,
  networkId: string,
  rows: SignalRow[],
  now: Date,
  access: AccessProfile | null,
): Promise<Signal[]> {
  if (rows.length === 0) return [];
  const network = await readNetwork(db, networkId);
  const [wijken, communities, people, users] = await Promise.all([
    network ? readNetworkNeighbourhoods(db, network.area) : Promise.resolve([]),
    network ? readCommunities(db, network.municipality.id) : Promise.resolve([]),
    readPersonNames(db, [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))]),
    readUserIdentities(db, [
      ...new Set(
        rows.flatMap((r) => [
          r.receivedBy,
          ...(r.ownerUserId ? [r.ownerUserId] : []),
          ...(r.signalUpdatedBy ? [r.signalUpdatedBy] : []),
        ]),
      ),
    ]),
  ]);
  const wijkName = new Map(wijken.map((w) => [w.id, w.name]));
  const communityName = new Map(communities.map((c) => [c.id, c.name]));
  const personName = new Map(people.map((p) => [p.id, p.displayName]));
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const today = localDate(now);
  const staff = (id: string) => ({ id, displayName: userName.get(id) ?? '—' });
  const role = access?.networkRoles.get(networkId);
  return rows.map((r) => ({
    id: r.id,
    networkId: r.networkId,
    receivedAt: new Date(r.receivedAt).toISOString(),
    receivedBy: staff(r.receivedBy),
    person: r.personId ? { id: r.personId, displayName: personName.get(r.personId) ?? '—' } : null,
    channel: r.channel,
    urgency: r.urgency,
    wijken: r.wijkIds.map((id) => ({ id, name: wijkName.get(id) ?? '—' })),
    communities: r.communityIds.map((id) => ({ id, name: communityName.get(id) ?? '—' })),
    themes: r.themes,
    text: r.body,
    assessment: r.assessment,
    followUp: {
      owner: r.ownerUserId ? staff(r.ownerUserId) : null,
      status: r.status,
      actions: r.actions,
      notTakenUpReason: r.notTakenUpReason,
      dueOn: r.dueOn,
      overdue: (r.status === 'open' || r.status === 'in_progress') && r.dueOn < today,
      fedBackOn: r.fedBackOn,
      updatedAt: new Date(r.updatedAt).toISOString(),
    },
    version: r.version,
    updatedAt: r.signalUpdatedAt ? new Date(r.signalUpdatedAt).toISOString() : null,
    updatedBy: r.signalUpdatedBy ? staff(r.signalUpdatedBy) : null,
    canEdit: access !== null && canEditSignal(role, access.userId, r),
  }));
}

type References = Awaited<ReturnType<typeof referencesOf>>;

/**
 * The references a signal's fields make that the network does not have: wijken it does not cover, people not
 * in it, communities of another municipality, unknown or archived themes. When correcting (`current` given),
 * what the signal already refers to stays allowed (a theme archived since, a wijk the network no longer covers).
 */
async function checkReferences(
  db: Db,
  refs: References,
  input: Partial<Pick<CreateSignalInput, 'wijkIds' | 'communityIds' | 'personId' | 'themes'>>,
  current: SignalRow | null,
): Promise<Omit<FieldError, 'message'>[]> {
  const themes = new Set((await readThemes(db)).filter((t) => !t.archived).map((t) => t.code));
  const errors: Omit<FieldError, 'message'>[] = [];
  const wijkIds = new Set([...refs.wijken.map((w) => w.id), ...(current?.wijkIds ?? [])]);
  input.wijkIds?.forEach((id, i) => {
    if (!wijkIds.has(id))
      errors.push({ field: `body.wijkIds.${i}`, code: 'unknown_reference', kind: 'neighbourhood' });
  });
  const communityIds = new Set([...refs.communities.map((c) => c.id), ...(current?.communityIds ?? [])]);
  input.communityIds?.forEach((id, i) => {
    if (!communityIds.has(id))
      errors.push({ field: `body.communityIds.${i}`, code: 'unknown_reference', kind: 'community' });
  });
  if (
    input.personId &&
    input.personId !== current?.personId &&
    !refs.people.some((p) => p.id === input.personId)
  )
    errors.push({ field: 'body.personId', code: 'unknown_reference', kind: 'person' });
  input.themes?.forEach((code, i) => {
    if (!themes.has(code) && !current?.themes.includes(code))
      errors.push({ field: `body.themes.${i}`, code: 'unknown_reference', kind: 'theme' });
  });
  return errors;
}

/**
 * Records a signal (audited as `signal.create`; the text never reaches a log). Refuses references outside
 * the network: wijken it does not cover, people not in it, communities of another municipality, unknown or
 * archived themes, and a receipt time in the future.
 */
export async function createSignal(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  input: CreateSignalInput,
  now: Date,
  formToken: string | null = null,
): Promise<Signal> {
  if (!canRecordSignals(access, networkId))
    throw new DomainError(
      'forbidden',
      'Only the network’s coordinators, members and secretary record signals.',
    );
  const refs = await referencesOf(db, networkId);
  if (refs.network.status === 'archived')
    throw new DomainError('rule-violated', 'This network is archived.').because('network-archived');
  const errors = await checkReferences(db, refs, input, null);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000)
    errors.push({ field: 'body.receivedAt', code: 'in_future' });
  if (errors.length > 0) throw invalid(errors);
  const id = await transaction(db, async (tx) => {
    const signalId = await insertSignal(
      tx,
      {
        networkId,
        receivedAt,
        receivedBy: access.userId,
        personId: input.personId,
        channel: input.channel,
        urgency: input.urgency,
        wijkIds: [...new Set(input.wijkIds)],
        communityIds: [...new Set(input.communityIds)],
        themes: [...new Set(input.themes)],
        body: input.text,
        assessment: input.assessment,
        createdBy: access.userId,
        createdAt: now,
        formToken,
      },
      addDays(localDate(receivedAt), SIGNAL_FOLLOW_UP_DAYS),
    );
    await appendAuditEvent(tx, auditEvent(origin, 'signal.create', { type: 'signal', id: signalId }), now);
    return signalId;
  });
  const row = await readSignal(db, networkId, id);
  if (!row) throw notFound();
  return (await present(db, networkId, [row], now, access))[0] as Signal;
}

/**
 * Records a signal once per bot form token, by the same mechanism as the call-out start (`createOnce`): a
 * second press of the same form, or Teams retrying the invoke, gets the signal the first one recorded (read
 * and audited as a read) instead of a copy. The token is unique per receiver (migration 0033).
 */
export async function createSignalOnce(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  input: CreateSignalInput,
  now: Date,
  formToken: string,
): Promise<{ signal: Signal; replayed: boolean }> {
  const { value, replayed } = await createOnce(
    () => findSignalByFormToken(db, access.userId, formToken),
    () => createSignal(db, origin, access, networkId, input, now, formToken),
    async (id) => {
      const row = await readSignalById(db, id);
      if (!row) throw notFound();
      return getSignal(db, origin, access, row.networkId, id, now);
    },
  );
  return { signal: value, replayed };
}

/** A network's signals, newest first (audited as one `signal.list` of the network). */
export async function listSignals(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  query: ListSignalsQuery,
  now: Date,
): Promise<Signal[]> {
  const rows = await readSignals(db, networkId, {
    open: query.status === 'open',
    fromInstant: query.from ? new Date(startOfLocalDate(query.from)) : undefined,
    untilInstant: query.to ? new Date(startOfLocalDate(addDays(query.to, 1))) : undefined,
    limit: query.limit,
    before:
      query.beforeReceivedAt && query.beforeId
        ? { receivedAt: new Date(query.beforeReceivedAt), id: query.beforeId }
        : undefined,
  });
  await appendAuditEvent(db, auditEvent(origin, 'signal.list', { type: 'network', id: networkId }), now);
  return present(db, networkId, rows, now, access);
}

/** One signal (audited as `signal.read`). */
export async function getSignal(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  signalId: string,
  now: Date,
) {
  const row = await readSignal(db, networkId, signalId);
  if (!row) throw notFound();
  await appendAuditEvent(db, auditEvent(origin, 'signal.read', { type: 'signal', id: signalId }), now);
  return (await present(db, networkId, [row], now, access))[0] as Signal;
}

/**
 * Corrects a signal's fields (the receiver and the network's coordinator, see canEditSignal), with optimistic
 * concurrency: `version` must still be the stored one, else nothing is written and the answer is a conflict
 * (`changed-meanwhile`), so two staff editing at once never silently overwrite each other. New references
 * follow the rules of recording, and the receipt time is not in the future. Audited as `signal.update` (which fields changed is not logged: the text is personal data). The
 * follow-up's due date stays as it was.
 */
export async function updateSignal(
  db: Db,
  origin: AuditOrigin,
  access: AccessProfile,
  networkId: string,
  signalId: string,
  change: UpdateSignalInput,
  now: Date,
): Promise<Signal> {
  const row = await readSignal(db, networkId, signalId);
  if (!row) throw notFound();
  if (!canEditSignal(access.networkRoles.get(networkId), access.userId, row))
    throw new DomainError(
      'forbidden',
      'Only the staff member who received this signal and the network’s coordinator correct it.',
    );
  const refs = await referencesOf(db, networkId);
  if (refs.network.status === 'archived')
    throw new DomainError('rule-violated', 'This network is archived.').because('network-archived');
  const { version, ...fields } = change;
  const errors: Omit<FieldError, 'message'>[] = [];
  if (Object.values(fields).every((value) => value === undefined))
    errors.push({ field: 'body', code: 'nothing_to_change' });
  errors.push(...(await checkReferences(db, refs, fields, row)));
  const receivedAt = change.receivedAt ? new Date(change.receivedAt) : new Date(row.receivedAt);
  if (change.receivedAt && receivedAt.getTime() > now.getTime() + 5 * 60_000)
    errors.push({ field: 'body.receivedAt', code: 'in_future' });
  if (errors.length > 0) throw invalid(errors);
  await transaction(db, async (tx) => {
    const written = await updateSignalFields(
      tx,
      signalId,
      version,
      {
        receivedAt,
        personId: change.personId !== undefined ? change.personId : row.personId,
        channel: change.channel ?? row.channel,
        urgency: change.urgency ?? row.urgency,
        wijkIds: change.wijkIds ? [...new Set(change.wijkIds)] : row.wijkIds,
        communityIds: change.communityIds ? [...new Set(change.communityIds)] : row.communityIds,
        themes: change.themes ? [...new Set(change.themes)] : row.themes,
        body: change.text ?? row.body,
        assessment: change.assessment !== undefined ? change.assessment : row.assessment,
      },
      access.userId,
      now,
    );
    if (!written)
      throw new DomainError(
        'conflict',
        'Someone else changed this signal since you opened it; reload and try again.',
      ).because('changed-meanwhile');
    await appendAuditEvent(tx, auditEvent(origin, 'signal.update', { type: 'signal', id: signalId }), now);
  });
  const updated = await readSignal(db, networkId, signalId);
  if (!updated) throw notFound();
  return (await present(db, networkId, [updated], now, access))[0] as Signal;
}
