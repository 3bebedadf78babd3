import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { parseDirectorySearch, parseObjectId } from '../identity/directory-input.js';
import type { Directory, DirectoryUser } from '../identity/directory-port.js';
import { GraphRequestError, translateGraphFailure } from './graph-request-error.js';

/** The user properties we read, and therefore the only ones we ask Graph for. */
const USER_FIELDS = ['id', 'displayName', 'mail', 'jobTitle', 'mobilePhone', 'businessPhones'];

const graphUserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  mail: z.string().nullish(),
  jobTitle: z.string().nullish(),
  mobilePhone: z.string().nullish(),
  businessPhones: z.array(z.string()).nullish(),
});
const userPageSchema = z.object({ value: z.array(graphUserSchema) });

/**
 * Builds the `$search` expression for a display-name search. Graph wants the clause in double
 * quotes with `"` and `\` escaped by a backslash, and every other special character URL-encoded;
 * the SDK appends `$search` to the URL as given, so the encoding happens here.
 * https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections
 */
export function displayNameSearch(query: string): string {
  const escaped = query.replace(/["\\]/g, (character) => `\\${character}`);
  return encodeURIComponent(`"displayName:${escaped}"`);
}

function parseResponse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new GraphRequestError(200, 'UnexpectedResponseShape');
  return parsed.data;
}

/** The directory port on Microsoft Graph `/users`, for one tenant. */
export class GraphDirectory implements Directory {
  constructor(
    private readonly client: Client,
    private readonly tenantId: string,
  ) {}

  /** Searches display names with Graph's tokenised `$search` (an advanced query: ConsistencyLevel eventual). */
  async searchUsers(query: string, limit?: number): Promise<DirectoryUser[]> {
    const search = parseDirectorySearch(query, limit);
    let body: unknown;
    try {
      body = await this.client
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .search(displayNameSearch(search.query))
        .count(true)
        .select(USER_FIELDS)
        .top(search.limit)
        .get();
    } catch (error) {
      throw translateGraphFailure(error);
    }
    return parseResponse(userPageSchema, body).value.map((user) => this.toDirectoryUser(user));
  }

  /** Reads one user; Graph's 404 means there is no such user in this tenant. */
  async getUser(objectId: string): Promise<DirectoryUser | null> {
    const id = parseObjectId(objectId);
    let body: unknown;
    try {
      body = await this.client.api(`/users/${id}`).select(USER_FIELDS).get();
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw translateGraphFailure(error);
    }
    return this.toDirectoryUser(parseResponse(graphUserSchema, body));
  }

  private toDirectoryUser(user: z.infer<typeof graphUserSchema>): DirectoryUser {
    return {
      objectId: user.id,
      tenantId: this.tenantId,
      // A directory object may lack a display name (e.g. some synced accounts); show something findable.
      displayName: user.displayName ?? user.mail ?? user.id,
      mail: user.mail ?? null,
      jobTitle: user.jobTitle ?? null,
      phone: user.mobilePhone?.trim() || user.businessPhones?.find((number) => number.trim())?.trim() || null,
    };
  }
}
