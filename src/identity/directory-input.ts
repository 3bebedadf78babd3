import { z } from 'zod';
import { DomainError } from '../platform/errors.js';
import { zodFieldErrors } from '../platform/http/zod-field-errors.js';

const searchInputSchema = z.object({
  query: z.string().trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters'),
  limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(25, 'must be at most 25'),
});

const objectIdSchema = z.uuid({ message: 'must be an Entra object id (a GUID)' });

/** The validated search input shared by every directory adapter. */
export type DirectorySearch = z.infer<typeof searchInputSchema>;

/** Validates a directory search; throws `validation-failed` naming the field. */
export function parseDirectorySearch(query: string, limit = 10): DirectorySearch {
  const parsed = searchInputSchema.safeParse({ query, limit }, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new DomainError(
    'validation-failed',
    'The directory search is not valid.',
    zodFieldErrors(null, parsed.error),
  );
}

/** Validates an Entra object id before it reaches a URL or a query. */
export function parseObjectId(objectId: string): string {
  const parsed = objectIdSchema.safeParse(objectId);
  if (parsed.success) return parsed.data.toLowerCase();
  throw new DomainError('validation-failed', 'The object id is not valid.', [
    {
      field: 'objectId',
      code: 'invalid_format',
      format: 'uuid',
      message: parsed.error.issues[0]?.message ?? 'is not valid',
    },
  ]);
}
