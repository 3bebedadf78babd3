import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { SignalChannel, SignalStatus, SignalUrgency } from './constants.js';

type Executor = Kysely<Database> | Transaction<Database>;

// ---- Themes ----

export interface ThemeRow {
  code: string;
  labelNl: string;
  labelEn: string;
  position: number;
  archived: boolean;
}

/** Every theme, archived ones included, in the administrators' order. */
export async function readThemes(db: Executor): Promise<ThemeRow[]> {
  return db
    .selectFrom('signal_themes')
    .select(['code', 'label_nl as labelNl', 'label_en as labelEn', 'position', 'archived'])
    .orderBy('position')
    .orderBy('code')
    .execute();
}

/** Adds a theme; false when the code is taken. */
export async function insertTheme(db: Executor, theme: Omit<ThemeRow, 'archived'>): Promise<boolean> {
  const result = await db
    .insertInto('signal_themes')
    .values({ code: theme.code, label_nl: theme.labelNl, label_en: theme.labelEn, position: theme.position })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
  return result !== undefined;
}

/** Changes a theme's labels, position or archived flag; false when there is no such theme. */
export async function updateTheme(
  db: Executor,
  code: string,
  change: { labelNl?: string; labelEn?: string; position?: number; archived?: boolean },
): Promise<boolean> {
  const values = {
    ...(change.labelNl !== undefined ? { label_nl: change.labelNl } : {}),
    ...(change.labelEn !== undefined ? { label_en: change.labelEn } : {}),
    ...(change.position !== undefined ? { position: change.position } : {}),
    ...(change.archived !== undefined ? { archived: change.archived } : {}),
  };
  if (Object.keys(values).length === 0) {
    const row = await db
      .selectFrom('signal_themes')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await db
    .updateTable('signal_themes')
    .set(values)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- Signals and follow-ups ----

export interface NewSignalRow {
  networkId: string;
  receivedAt: Date;
  receivedBy: string;
  personId: string | null;
  channel: SignalChannel;
  urgency: SignalUrgency;
  wijkIds: string[];
  communityIds: string[];
  themes: string[];
  body: string;
  assessment: string | null;
  createdBy: string;
  createdAt: Date;
  /** The bot form's token, when it came from one (see createSignalOnce). */
  formToken?: string | null;
}

/** Stores a signal with its follow-up (open, owned by the receiver, due on `dueOn`); returns its id. */
export async function insertSignal(
  tx: Transaction<Database>,
  row: NewSignalRow,
  dueOn: string,
): Promise<string> {
  const { id } = await tx
    .insertInto('signals')
    .values({
      network_id: row.networkId,
      received_at: row.receivedAt,
      received_by: row.receivedBy,
      person_id: row.personId,
      channel: row.channel,
      urgency: row.urgency,
      wijk_ids: sql<string[]>`${row.wijkIds}::uuid[]`,
      community_ids: sql<string[]>`${row.communityIds}::uuid[]`,
      themes: sql<string[]>`${row.themes}::text[]`,
      body: row.body,
      assessment: row.assessment,
      created_by: row.createdBy,
      created_at: row.createdAt,
      form_token: row.formToken ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('signal_follow_ups')
    .values({
      signal_id: id,
      owner_user_id: row.receivedBy,
      due_on: dueOn,
      updated_by: row.createdBy,
      updated_at: row.createdAt,
    })
    .execute();
  return id;
}

/** The signal this receiver recorded with this form token, if any. */
export async function findSignalByFormToken(
  db: Executor,
  receivedBy: string,
  formToken: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('signals')
    .select('id')
    .where('received_by', '=', receivedBy)
    .where('form_token', '=', formToken)
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface SignalRow {
  id: string;
  networkId: string;
  receivedAt: Date;
  receivedBy: string;
  personId: string | null;
  channel: SignalChannel;
  urgency: SignalUrgency;
  wijkIds: string[];
  communityIds: string[];
  themes: string[];
  body: string;
  assessment: string | null;
  ownerUserId: string | null;
  status: SignalStatus;
  actions: string | null;
  notTakenUpReason: string | null;
  dueOn: string;
  fedBackOn: string | null;
  /** When the follow-up last changed. */
  updatedAt: Date;
  version: number;
  signalUpdatedAt: Date | null;
  signalUpdatedBy: string | null;
}

function signalQuery(db: Executor) {
  return db
    .selectFrom('signals')
    .innerJoin('signal_follow_ups as f', 'f.signal_id', 'signals.id')
    .select([
      'signals.id',
      'signals.network_id as networkId',
      'signals.received_at as receivedAt',
      'signals.received_by as receivedBy',
      'signals.person_id as personId',
      'signals.channel',
      'signals.urgency',
      'signals.wijk_ids as wijkIds',
      'signals.community_ids as communityIds',
      'signals.themes',
      'signals.body',
      'signals.assessment',
      'f.owner_user_id as ownerUserId',
      'f.status',
      'f.actions',
      'f.not_taken_up_reason as notTakenUpReason',
      sql<string>`f.due_on::text`.as('dueOn'),
      sql<string | null>`f.fed_back_on::text`.as('fedBackOn'),
      'f.updated_at as updatedAt',
      'signals.version',
      'signals.updated_at as signalUpdatedAt',
      'signals.updated_by as signalUpdatedBy',
    ]);
}

/**
 * A network's signals, newest first (then by id, so the order is total); `open` keeps those whose follow-up is
 * open or in progress. Paged by keyset: `before` is the last row of the previous page, and a page holds the rows
 * after it in that order, at most `limit` (500 when absent). The receipt time is compared to the millisecond,
 * the precision the API shows it in, so a cursor read from an answer finds its place exactly.
 */
export async function readSignals(
  db: Executor,
  networkId: string,
  filter: {
    open: boolean;
    fromInstant?: Date | undefined;
    untilInstant?: Date | undefined;
    limit?: number | undefined;
    before?: { receivedAt: Date; id: string } | undefined;
  },
): Promise<SignalRow[]> {
  const receivedMs = sql<Date>`date_trunc('milliseconds', signals.received_at)`;
  let query = signalQuery(db).where('signals.network_id', '=', networkId);
  if (filter.open) query = query.where('f.status', 'in', ['open', 'in_progress']);
  if (filter.fromInstant) query = query.where('signals.received_at', '>=', filter.fromInstant);
  if (filter.untilInstant) query = query.where('signals.received_at', '<', filter.untilInstant);
  const before = filter.before;
  if (before)
    query = query.where((eb) =>
      eb.or([
        eb(receivedMs, '<', before.receivedAt),
        eb.and([eb(receivedMs, '=', before.receivedAt), eb('signals.id', '<', before.id)]),
      ]),
    );
  return query
    .orderBy(receivedMs, 'desc')
    .orderBy('signals.id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
}

/** One signal of a network (undefined when it is not there). */
export async function readSignal(
  db: Executor,
  networkId: string,
  signalId: string,
): Promise<SignalRow | undefined> {
  return signalQuery(db)
    .where('signals.network_id', '=', networkId)
    .where('signals.id', '=', signalId)
    .executeTakeFirst();
}

/** One signal by id alone (the form-token replay: the token already proves who recorded it). */
export async function readSignalById(db: Executor, signalId: string): Promise<SignalRow | undefined> {
  return signalQuery(db).where('signals.id', '=', signalId).executeTakeFirst();
}

/** A signal's correctable fields (see updateSignalSchema). */
export interface SignalFields {
  receivedAt: Date;
  personId: string | null;
  channel: SignalChannel;
  urgency: SignalUrgency;
  wijkIds: string[];
  communityIds: string[];
  themes: string[];
  body: string;
  assessment: string | null;
}

/**
 * Writes a signal's corrected fields if its `version` is still `expectedVersion`, and counts the change; false
 * when someone else changed it first (nothing written).
 */
export async function updateSignalFields(
  tx: Transaction<Database>,
  signalId: string,
  expectedVersion: number,
  fields: SignalFields,
  userId: string,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('signals')
    .set((eb) => ({
      received_at: fields.receivedAt,
      person_id: fields.personId,
      channel: fields.channel,
      urgency: fields.urgency,
      wijk_ids: sql<string[]>`${fields.wijkIds}::uuid[]`,
      community_ids: sql<string[]>`${fields.communityIds}::uuid[]`,
      themes: sql<string[]>`${fields.themes}::text[]`,
      body: fields.body,
      assessment: fields.assessment,
      version: eb('version', '+', 1),
      updated_at: now,
      updated_by: userId,
    }))
    .where('id', '=', signalId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Writes a follow-up's new state. */
export async function updateFollowUp(
  tx: Transaction<Database>,
  signalId: string,
  next: {
    ownerUserId: string | null;
    status: SignalStatus;
    actions: string | null;
    notTakenUpReason: string | null;
    dueOn: string;
    fedBackOn: string | null;
  },
  userId: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('signal_follow_ups')
    .set({
      owner_user_id: next.ownerUserId,
      status: next.status,
      actions: next.actions,
      not_taken_up_reason: next.notTakenUpReason,
      due_on: next.dueOn,
      fed_back_on: next.fedBackOn,
      updated_by: userId,
      updated_at: now,
    })
    .where('signal_id', '=', signalId)
    .execute();
}

// ---- Contact log ----

export interface ContactRow {
  id: string;
  personId: string;
  contactedOn: string;
  userId: string | null;
  channel: SignalChannel;
  gist: string;
  createdAt: Date;
}

/** A person's contact notes, newest first. */
export async function readContacts(db: Executor, personId: string): Promise<ContactRow[]> {
  return db
    .selectFrom('person_contacts')
    .select([
      'id',
      'person_id as personId',
      sql<string>`contacted_on::text`.as('contactedOn'),
      'user_id as userId',
      'channel',
      'gist',
      'created_at as createdAt',
    ])
    .where('person_id', '=', personId)
    .orderBy('contacted_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

/** Adds a contact note; returns its id. */
export async function insertContact(
  tx: Transaction<Database>,
  row: {
    personId: string;
    contactedOn: string;
    userId: string;
    channel: SignalChannel;
    gist: string;
    now: Date;
  },
): Promise<string> {
  const { id } = await tx
    .insertInto('person_contacts')
    .values({
      person_id: row.personId,
      contacted_on: row.contactedOn,
      user_id: row.userId,
      channel: row.channel,
      gist: row.gist,
      created_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
