/** Zod-free vocabulary of the continuity capability, shared by the server and the tab. */

/** Where an absence period came from. */
export const ABSENCE_SOURCES = ['manual', 'outlook'] as const;

/** The longest absence period one record may hold (a year); longer leave is a role change, not an absence. */
export const MAX_ABSENCE_DAYS = 366;

/** Longest note on an absence. */
export const MAX_ABSENCE_NOTE = 500;

/** Longest note for the successor on a hand-over. */
export const MAX_HAND_OVER_NOTE = 2000;
