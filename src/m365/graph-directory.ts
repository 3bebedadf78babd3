import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { parseDirectorySearch, parseObjectId } from '../identity/directory-input.js';
import type {
  Directory,
  DirectorySearchResult,
  DirectoryUser,
  UnsearchedTenant,
} from '../identity/directory-port.js';
import { GraphRequestError, translateGraphFailure } from './graph-request-error.js';
import { type TenantGraphClients, tenantRefusalOf } from './tenant-clients.js';

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
type GraphUser = z.infer<typeof graphUserSchema>;

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

/** Retry-After of a Graph answer in whole seconds (a number or an HTTP date), or null when it has none. */
function retryAfterOf(error: unknown): number | null {
  const value = error instanceof GraphError ? error.headers?.get('Retry-After') : null;
  if (!value) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : null;
}

/** Why a tenant's search failed, as the search result reports it; nothing of Graph's answer is kept. */
function unsearchedReason(error: unknown): Pick<UnsearchedTenant, 'reason' | 'retryAfterSeconds'> {
  const failure = translateGraphFailure(error);
  if (tenantRefusalOf(failure)) return { reason: 'not-consented', retryAfterSeconds: null };
  if (failure instanceof GraphRequestError) {
    // Consented without User.Read.All (Authorization_RequestDenied): the tenant answers, but not for its users.
    if (failure.status === 403) return { reason: 'not-permitted', retryAfterSeconds: null };
    if (failure.status === 429) return { reason: 'throttled', retryAfterSeconds: retryAfterOf(error) };
  }
  return { reason: 'unavailable', retryAfterSeconds: null };
}

/** One tenant's search: its users, or why it was not searched (and the failure, for when every tenant fails). */
type TenantSearch =
  | { ok: true; users: DirectoryUser[] }
  | { ok: false; unsearched: UnsearchedTenant; failure: Error };

/**
 * The directory port on Microsoft Graph `/users`, in every allowed tenant: the municipality's (home) tenant and
 * the police's, each asked with its own app-only token (TenantGraphClients) at the same time. Each match carries
 * its tenant and organisation (home: `gemeente`, any other allowed tenant: `politie`, the rule sign-in uses). A
 * tenant that refuses (no consent, no directory permission), throttles or fails is reported beside the others'
 * matches; only when every tenant fails does the search throw.
 */
export class GraphDirectory implements Directory {
  readonly tenants: readonly string[];
  private readonly homeTenantId: string;

  constructor(private readonly clients: TenantGraphClients) {
    this.tenants = clients.tenants;
    const home = clients.tenants[0];
    if (!home) throw new Error('GraphDirectory needs at least the home tenant');
    this.homeTenantId = home;
  }

  /** Searches display names with Graph's tokenised `$search` (an advanced query: ConsistencyLevel eventual). */
  async searchUsers(query: string, limit?: number): Promise<DirectorySearchResult> {
    const search = parseDirectorySearch(query, limit);
    const results = await Promise.all(
      this.tenants.map((tenantId) => this.searchTenant(tenantId, search.query, search.limit)),
    );
    const failed = results.filter((result) => !result.ok);
    if (failed.length === results.length && failed[0]) throw failed[0].failure;
    return {
      users: results.flatMap((result) => (result.ok ? result.users : [])),
      unsearched: failed.map((result) => result.unsearched),
    };
  }

  /** Reads one user of an allowed tenant; Graph's 404 means that tenant has no such user. */
  async getUser(tenantId: string, objectId: string): Promise<DirectoryUser | null> {
    const id = parseObjectId(objectId);
    const tenant = tenantId.toLowerCase();
    if (!this.clients.allows(tenant)) return null;
    let body: unknown;
    try {
      body = await this.clients.client(tenant).api(`/users/${id}`).select(USER_FIELDS).get();
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw translateGraphFailure(error);
    }
    return this.toDirectoryUser(tenant, parseResponse(graphUserSchema, body));
  }

  private async searchTenant(tenantId: string, query: string, limit: number): Promise<TenantSearch> {
    try {
      const body = await this.clients
        .client(tenantId)
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .search(displayNameSearch(query))
        .count(true)
        .select(USER_FIELDS)
        .top(limit)
        .get();
      const page = parseResponse(userPageSchema, body);
      return { ok: true, users: page.value.map((user) => this.toDirectoryUser(tenantId, user)) };
    } catch (error) {
      const failure = translateGraphFailure(error);
      return {
        ok: false,
        failure,
        unsearched: { tenantId, organisation: this.organisationOf(tenantId), ...unsearchedReason(error) },
      };
    }
  }

  private organisationOf(tenantId: string): 'gemeente' | 'politie' {
    return tenantId === this.homeTenantId ? 'gemeente' : 'politie';
  }

  private toDirectoryUser(tenantId: string, user: GraphUser): DirectoryUser {
    return {
      objectId: user.id,
      tenantId,
      organisation: this.organisationOf(tenantId),
      // A directory object may lack a display name (e.g. some synced accounts); show something findable.
      displayName: user.displayName ?? user.mail ?? user.id,
      mail: user.mail ?? null,
      jobTitle: user.jobTitle ?? null,
      phone: user.mobilePhone?.trim() || user.businessPhones?.find((number) => number.trim())?.trim() || null,
    };
  }
}
