/** Zod-free vocabulary of the continuity capability, shared by the server and the tab. */

/** Where an absence period came from. */
export const ABSENCE_SOURCES = ['manual', 'outlook'] as const;

/** The longest absence period one record may hold (a year); longer leave is a role change, not an absence. */
export const MAX_ABSENCE_DAYS = 366;

/** Longest note on an absence. */
export const MAX_ABSENCE_NOTE = 500;

/**
 * Weeks after the role was granted by which a newcomer should have been introduced at a meeting; after that the
 * network page warns (`newcomer-not-introduced`). Six weeks: networks meet about every four to six weeks, so the
 * first meeting after joining falls within it.
 */
export const INTRODUCTION_DUE_WEEKS = 6;
/** Longest note for the successor on a hand-over. */
export const MAX_HAND_OVER_NOTE = 2000;
