/**
 * A field error as the API reports it: where, a stable `code` with its parameters (the tab translates by them,
 * see `field-errors.ts`), and an English `message` for developers that the tab never shows.
 */
export interface FieldProblem {
  field: string;
  code?: string;
  message: string;
  max?: number;
  min?: number;
  values?: string[];
  format?: string;
  kind?: string;
  from?: string;
  until?: string;
  reason?: string;
  count?: number;
  line?: number;
}

/** The `application/problem+json` body (RFC 9457) every API error carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Why, when no single field is to blame: a stable code the tab translates. */
  reason?: string;
  errors?: FieldProblem[];
}

/** Why a request failed: the server answered with a problem, answered unexpectedly, or could not be reached. */
export type ApiErrorKind = 'problem' | 'unexpected' | 'network';

/** A failed API call, carrying the server's problem when there is one so the UI can show its detail. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `API request failed (${kind}, status ${status})`);
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

/** Turns a non-2xx response into an {@link ApiError}, parsing the problem body when it is one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  if (/^application\/(problem\+)?json/.test(contentType)) {
    const body: unknown = await response.json().catch(() => null);
    if (isProblem(body)) return new ApiError('problem', response.status, body);
  }
  return new ApiError('unexpected', response.status, null);
}
