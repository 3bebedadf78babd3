import { describe, expect, it } from '@jest/globals';
import { judgeChain } from '../../bench/lib/chain-check.js';

describe('the bench verdict on the audit chain it wrote', () => {
  it('passes an intact chain holding every appended row', () => {
    expect(judgeChain({ valid: true, rowsChecked: 2100 }, 2100)).toEqual({
      ok: true,
      message: 'Audit trail intact: 2100 row(s) verified.',
    });
  });

  it('fails loudly on a broken chain', () => {
    const check = judgeChain(
      { valid: false, rowsChecked: 41, firstBreak: { seq: 42, reason: 'prev-hash-mismatch' } },
      2100,
    );
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/^AUDIT CHAIN BROKEN — Audit trail BROKEN at row 42/);
  });

  it('fails when rows are missing even though the chain links up', () => {
    expect(judgeChain({ valid: true, rowsChecked: 2000 }, 2100)).toEqual({
      ok: false,
      message: 'AUDIT CHAIN INCOMPLETE — 2000 row(s) verified, 2100 appended.',
    });
  });
});
