import { localDate } from '../platform/time.js';
import { introductionOverdue } from './introduction-rules.js';

/**
 * Of the newcomers not yet introduced at a meeting (as `joinableNotIntroduced` reads them, e.g. inside the network
 * page's one statement), those overdue at `now`: six weeks (INTRODUCTION_DUE_WEEKS) after they got their role, for
 * the warning `newcomer-not-introduced`. The caller keeps those who still hold a role and audits its own read. Pure.
 */
export function overdueNewcomers<T extends { startedOn: string }>(rows: readonly T[], now: Date): T[] {
  const today = localDate(now);
  return rows.filter((row) => introductionOverdue(row.startedOn, false, today));
}
