import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { type ChainBreak, findChainBreak, GENESIS_HASH } from './audit-chain.js';
import { readAuditPage } from './audit-store.js';

/** The verdict on the whole audit chain. */
export type ChainVerdict =
  | { valid: true; rowsChecked: number }
  | { valid: false; rowsChecked: number; firstBreak: ChainBreak };

const PAGE_SIZE = 2_000;

/** Walks the whole chain in pages and names the first broken row, if any. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerdict> {
  let previous = { seq: 0, hash: GENESIS_HASH };
  let rowsChecked = 0;
  for (;;) {
    const page = await readAuditPage(db, previous.seq, PAGE_SIZE);
    if (page.length === 0) return { valid: true, rowsChecked };
    const firstBreak = findChainBreak(page, previous);
    if (firstBreak)
      return { valid: false, rowsChecked: rowsChecked + (firstBreak.seq - previous.seq), firstBreak };
    rowsChecked += page.length;
    const last = page[page.length - 1] as (typeof page)[number];
    previous = { seq: last.seq, hash: last.hash };
  }
}

/** A one-line, human-readable verdict for the CLI and the administrator screen. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.valid) return `Audit trail intact: ${verdict.rowsChecked} row(s) verified.`;
  const reasons = {
    'hash-mismatch': 'its content does not match its hash (the row was altered)',
    'prev-hash-mismatch': 'it does not link to the row before it (a row was altered, removed or inserted)',
    'sequence-gap': 'the sequence skips here (a row was removed)',
  } as const;
  return `Audit trail BROKEN at row ${verdict.firstBreak.seq}: ${reasons[verdict.firstBreak.reason]}.`;
}
