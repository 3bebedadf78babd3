/** Why a person was erased: a code, never free text (AVG art. 17(1) grounds as the municipality uses them). */
export type ErasureReason = 'data-subject-request' | 'consent-withdrawn' | 'no-longer-needed' | 'unlawful';

/** One erasure of one person (0031): the id, the reason code, who and when. */
export interface PersonErasuresTable {
  person_id: string;
  reason: ErasureReason;
  erased_by: string | null;
  erased_at: Date;
}

/** The tables privacy owns. */
export interface PrivacyTables {
  person_erasures: PersonErasuresTable;
}
