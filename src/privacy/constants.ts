/**
 * What the privacy tab shares with the server (zod-free): the kinds of record a retention rule covers and the
 * range of days an administrator may set.
 */
export const RETENTION_KINDS = [
  'former-member',
  'consent-withdrawn',
  'not-admitted',
  'contact-notes',
  'call-out-records',
  'meeting-records',
  'local-sessions',
  'key-figures-inactive',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The shortest and longest retention an administrator may set, in days. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

/**
 * The processing register's fixed texts (purposes, categories, legal bases, recipients, measures) by stable key,
 * in English as the API document states them. The tab shows each in the user's language by its key
 * (`privacy.registerText.<key>`); a text it has no key for stays English, marked as such.
 */
export const REGISTER_TEXTS = {
  purposeSignals:
    'Keeping in touch with key figures and allies of communities to hear early about tensions (signals)',
  purposeCallOuts:
    'Calling allies out in a crisis and reaching them quickly (call lists, call-out timelines)',
  purposeMeetings: 'Planning and recording network meetings and their follow-up',
  purposeSelection:
    'Selecting and admitting key figures jointly by municipality and police; evaluating the network half-yearly',
  peopleAllies: 'Key figures and allies (and former ones) of community networks',
  peopleCandidates: 'Candidates proposed as key figure',
  peopleStaff: 'Staff of the municipality and the police who use the app',
  dataContact: 'Name, mobile number, e-mail address, preferred channel, languages, availability',
  dataSpecial:
    'Special categories (AVG art. 9): the communities a person belongs to reveal religion or origin, sometimes sexual orientation',
  dataProfile: 'Age band, gender, wijk; relations between people; organisations',
  dataFreeText:
    'Signals, contact notes, call notes, meeting responses, selection assessments and evaluation notes (free text)',
  dataAudit: 'Audit trail: who read or changed what (ids only)',
  basisConsent:
    'consent: AVG art. 6(1)(a) with art. 9(2)(a) (explicit consent), recorded with its date and withdrawable',
  basisPublicTask: 'public_task: AVG art. 6(1)(e) for professionals recorded in their role',
  processorMicrosoft: 'Microsoft (Microsoft 365, Teams, Graph, Azure) as processor, EU data boundary',
  measureNeedToKnow:
    'Need-to-know: access per network and role, checked on every route (src/identity/policies.ts)',
  measureAudit:
    'Audit trail of every read and change of personal data, hash-chained and verifiable; logs hold no personal data',
  measureSignIn: 'Sign-in through Microsoft Entra ID of the allowed tenants only',
  measureEncryption: 'Encryption at rest and in transit on Azure (Azure Database for PostgreSQL, EU region)',
  measureRetention: 'Retention rules applied daily; erasure and inzage of one person on request',
  measureHiddenAttendees: 'Allies never see each other’s addresses in invitations (hidden attendees)',
} as const;
export type RegisterTextKey = keyof typeof REGISTER_TEXTS;

/** The key of one of the register's fixed texts, or null for a text this build does not know. */
export function registerTextKey(text: string): RegisterTextKey | null {
  const entry = Object.entries(REGISTER_TEXTS).find(([, english]) => english === text);
  return entry ? (entry[0] as RegisterTextKey) : null;
}
