import { createHash } from 'node:crypto';

/** The chain's anchor: the `prev_hash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditResult = 'success' | 'denied' | 'failed';
export type AuditChannel = 'tab' | 'bot' | 'api' | 'job';

/** What a caller records: ids and facts only, never personal data. */
export interface AuditEventInput {
  actorUserId: string | null;
  /** Dotted verb such as `person.read`, `network-role.grant`, `auth.sign-in-failed`. */
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: AuditResult;
  channel: AuditChannel;
  clientAddress: string | null;
  requestId: string | null;
}

/** A stored row: the input plus its place and seal in the chain. */
export interface AuditEvent extends AuditEventInput {
  seq: number;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

/**
 * SHA-256 over a fixed-order JSON array of every column and the previous hash. Any change to any
 * column of a row, or removing or reordering rows, breaks the chain from that row on.
 */
export function sealAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  const canonical = JSON.stringify([
    event.seq,
    event.occurredAt.toISOString(),
    event.actorUserId,
    event.action,
    event.objectType,
    event.objectId,
    event.result,
    event.channel,
    event.clientAddress,
    event.requestId,
    event.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Where and why a chain is broken. */
export interface ChainBreak {
  seq: number;
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap';
}

/**
 * Checks a run of consecutive rows against the row before them (or the genesis). Pure, so the
 * verifier can stream the table in pages and carry `previous` from page to page.
 */
export function findChainBreak(
  rows: AuditEvent[],
  previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let last = previous;
  for (const row of rows) {
    if (row.seq !== last.seq + 1) return { seq: row.seq, reason: 'sequence-gap' };
    if (row.prevHash !== last.hash) return { seq: row.seq, reason: 'prev-hash-mismatch' };
    const { hash, ...unsealed } = row;
    if (sealAuditEvent(unsealed) !== hash) return { seq: row.seq, reason: 'hash-mismatch' };
    last = { seq: row.seq, hash: row.hash };
  }
  return null;
}
