/** A unique constraint refused the write (SQLSTATE 23505); both `pg` and PGlite carry the code. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
