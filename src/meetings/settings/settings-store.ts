import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { MeetingSettingsTable } from '../db-schema.js';

/** A network's meeting settings as stored, without the key and the bookkeeping columns. */
export type SettingsValues = Omit<Insertable<MeetingSettingsTable>, 'network_id' | 'version' | 'updated_at'>;

/** Replaces the settings if they still have `version`; false when someone changed them in between. */
export async function updateSettingsRow(
  tx: Transaction<Database>,
  networkId: string,
  version: number,
  values: SettingsValues,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('meeting_settings')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now }))
    .where('network_id', '=', networkId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores a network's first settings (version 1). */
export async function insertSettingsRow(
  tx: Transaction<Database>,
  networkId: string,
  values: SettingsValues,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('meeting_settings')
    .values({ network_id: networkId, ...values, version: 1, updated_at: now })
    .execute();
}
