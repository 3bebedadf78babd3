/**
 * What the setup pages share with the server (zod-free, so the tab can import it without the schemas).
 * Formats from CBS, Toelichting Wijk- en Buurtkaart: a gemeentecode is `GM` + four digits, a wijkcode
 * `WK` + six digits of which the first four are the gemeentecode.
 */
export const GM_CODE_PATTERN = /^GM[0-9]{4}$/;

/** CBS wijkcode: `WK` + gemeentecode digits (4) + wijk number (2). */
export const WK_CODE_PATTERN = /^WK[0-9]{6}$/;

/** The school holiday regions of the Rijksoverheid. */
export const SCHOOL_HOLIDAY_REGIONS = ['noord', 'midden', 'zuid'] as const;
export type SchoolHolidayRegionName = (typeof SCHOOL_HOLIDAY_REGIONS)[number];

/** The first-run steps, in the order an administrator takes them. */
export const SETUP_STEPS = [
  'municipality',
  'areas',
  'communities',
  'organisations',
  'networks',
  'staff',
  'escalation',
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** True when the wijkcode lies in the municipality with this gemeentecode (WK0034xx in GM0034). */
export function wijkcodeInMunicipality(wijkcode: string, gemeentecode: string): boolean {
  return wijkcode.slice(2, 6) === gemeentecode.slice(2, 6);
}
/** Zod-free values the tab shares with the server's setup routes. */

/** What a relation type points at: another person, or an organisation. */
export const RELATION_TARGET_KINDS = ['person', 'organisation'] as const;

/** A relation type's target kind. */
export type RelationTargetKind = (typeof RELATION_TARGET_KINDS)[number];
