import type { NetworkWarning } from '../schemas.js';

/** What the warnings need to know about a network. */
export interface WarningFacts {
  staff: {
    userId: string;
    organisation: 'gemeente' | 'politie' | null;
    role: string;
    backupUserId: string | null;
    /** Absent today (continuity). Absent where not known. */
    absent?: boolean;
    /** Their back-up is absent today too. */
    backupAbsent?: boolean;
  }[];
  /**
   * Staff not yet introduced at a meeting six weeks (continuity's INTRODUCTION_DUE_WEEKS) after they got their
   * role. Absent where not read.
   */
  notIntroduced?: string[];
  allies: number;
  limits: { soft: number; hard: number };
  coverageGaps: number;
  /** Allies with no mobile number: nobody can phone them in a crisis. Absent where not counted. */
  alliesWithoutMobile?: number;
  /** Allies with no wijk: no call-out for a wijk reaches them. Absent where not counted. */
  alliesWithoutWijk?: number;
}

/**
 * The conditions the method asks staff to fix: a network needs someone of the municipality and of the
 * police at the table (members or coordinators, not viewers), a back-up for each of them, no more allies
 * than the limits, no relevant community without an ally, and allies a crisis can reach (a mobile number
 * and a wijk). Pure.
 */
export function networkWarnings(facts: WarningFacts): NetworkWarning[] {
  const warnings: NetworkWarning[] = [];
  const atTable = facts.staff.filter((member) => member.role !== 'viewer');
  const none = { count: null, limit: null, userIds: [] };
  if (!atTable.some((member) => member.organisation === 'gemeente'))
    warnings.push({ code: 'no-gemeente-staff', ...none });
  if (!atTable.some((member) => member.organisation === 'politie'))
    warnings.push({ code: 'no-politie-staff', ...none });
  const withoutBackup = atTable
    .filter((member) => member.backupUserId === null)
    .map((member) => member.userId);
  if (withoutBackup.length > 0) {
    warnings.push({
      code: 'staff-without-backup',
      count: withoutBackup.length,
      limit: null,
      userIds: withoutBackup,
    });
  }
  // Away today with nobody to take over: a call-out would reach no one for them (continuity, issue 19).
  const absentWithoutBackup = atTable
    .filter((member) => member.absent && (member.backupUserId === null || member.backupAbsent))
    .map((member) => member.userId);
  if (absentWithoutBackup.length > 0)
    warnings.push({
      code: 'absent-without-backup',
      count: absentWithoutBackup.length,
      limit: null,
      userIds: absentWithoutBackup,
    });
  // A newcomer the network has not yet met at a meeting, six weeks on (continuity, issue 19).
  const notIntroduced = (facts.notIntroduced ?? []).filter((userId) =>
    facts.staff.some((member) => member.userId === userId),
  );
  if (notIntroduced.length > 0)
    warnings.push({
      code: 'newcomer-not-introduced',
      count: notIntroduced.length,
      limit: null,
      userIds: notIntroduced,
    });
  if (facts.allies > facts.limits.hard) {
    warnings.push({ code: 'over-hard-limit', count: facts.allies, limit: facts.limits.hard, userIds: [] });
  } else if (facts.allies > facts.limits.soft) {
    warnings.push({ code: 'over-soft-limit', count: facts.allies, limit: facts.limits.soft, userIds: [] });
  }
  if (facts.coverageGaps > 0)
    warnings.push({ code: 'coverage-gaps', count: facts.coverageGaps, limit: null, userIds: [] });
  if (facts.alliesWithoutMobile)
    warnings.push({
      code: 'allies-without-mobile',
      count: facts.alliesWithoutMobile,
      limit: null,
      userIds: [],
    });
  if (facts.alliesWithoutWijk)
    warnings.push({ code: 'allies-without-wijk', count: facts.alliesWithoutWijk, limit: null, userIds: [] });
  return warnings;
}
