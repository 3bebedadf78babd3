import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import type { SignalTheme } from './schemas.js';
import { insertTheme, readThemes, updateTheme } from './signal-store.js';

/** Every theme, archived ones flagged (a list of words, no personal data: not audited). */
export async function listThemes(db: Kysely<Database>): Promise<SignalTheme[]> {
  return readThemes(db);
}

/** Adds a theme (administrators; audited). A taken code is a field error. */
export async function addTheme(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: { code: string; labelNl: string; labelEn: string; position: number },
  now: Date,
): Promise<SignalTheme[]> {
  if (!(await insertTheme(db, input)))
    throw new DomainError('validation-failed', 'A theme with this code exists.', [
      { field: 'body.code', code: 'duplicate', kind: 'theme', message: 'is taken' },
    ]);
  await appendAuditEvent(
    db,
    auditEvent(origin, 'signal-theme.create', { type: 'signal-theme', id: input.code }),
    now,
  );
  return readThemes(db);
}

/** Changes a theme's labels or order, or archives it (kept on old signals, no longer offered). */
export async function changeTheme(
  db: Kysely<Database>,
  origin: AuditOrigin,
  code: string,
  change: {
    labelNl?: string | undefined;
    labelEn?: string | undefined;
    position?: number | undefined;
    archived?: boolean | undefined;
  },
  now: Date,
): Promise<SignalTheme[]> {
  const clean = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  if (!(await updateTheme(db, code, clean)))
    throw new DomainError('not-found', 'No theme with this code exists.');
  await appendAuditEvent(
    db,
    auditEvent(origin, 'signal-theme.update', { type: 'signal-theme', id: code }),
    now,
  );
  return readThemes(db);
}
