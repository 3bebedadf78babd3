/** Zod-free values the tab shares with the server's setup routes. */

/** What a relation type points at: another person, or an organisation. */
export const RELATION_TARGET_KINDS = ['person', 'organisation'] as const;

/** A relation type's target kind. */
export type RelationTargetKind = (typeof RELATION_TARGET_KINDS)[number];
