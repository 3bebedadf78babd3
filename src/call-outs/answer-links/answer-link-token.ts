import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: far past the 128 the brief asks, and guessing one is hopeless at any request rate. */
const TOKEN_BYTES = 32;
/** base64url of 32 bytes, unpadded. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How long a mailed link works: a day, and never after the call-out closes (the answer is refused then). */
export const ANSWER_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A new one-time token and the hash that is stored; the token itself lives only in the e-mail. */
export function newAnswerLinkToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashAnswerLinkToken(token) };
}

/** The stored form of a token: hex SHA-256 (a random 256-bit secret needs no slow hash or salt). */
export function hashAnswerLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string can be a token at all; anything else is refused before it reaches the database. */
export function isAnswerLinkToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
