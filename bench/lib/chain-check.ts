import type { ChainVerdict } from '../../src/audit/audit-verify.js';
import { describeVerdict } from '../../src/audit/audit-verify.js';

/** Whether the chain a bench wrote is sound, and the line to print either way. */
export interface ChainCheck {
  ok: boolean;
  message: string;
}

/**
 * Judges the verifier's verdict against the rows the bench appended: a broken chain, or a chain with
 * more or fewer rows than were appended, fails the run.
 */
export function judgeChain(verdict: ChainVerdict, expectedRows: number): ChainCheck {
  if (!verdict.valid) return { ok: false, message: `AUDIT CHAIN BROKEN — ${describeVerdict(verdict)}` };
  if (verdict.rowsChecked !== expectedRows) {
    return {
      ok: false,
      message: `AUDIT CHAIN INCOMPLETE — ${verdict.rowsChecked} row(s) verified, ${expectedRows} appended.`,
    };
  }
  return { ok: true, message: describeVerdict(verdict) };
}
