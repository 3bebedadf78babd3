/**
 * What the privacy tab shares with the server (zod-free): the kinds of record a retention rule covers and the
 * range of days an administrator may set.
 */
export const RETENTION_KINDS = [
  'former-member',
  'consent-withdrawn',
  'not-admitted',
  'contact-notes',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The shortest and longest retention an administrator may set, in days. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;
