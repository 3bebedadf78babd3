import { ApiError } from '../api/api-error.js';

/** The API's field errors of a 400 problem by field (`path.networkId`, `body.role`, `query.to`, …), first one wins. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const { field, message } of error.problem?.errors ?? []) errors[field] ??= message;
  return errors;
}
