import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphTokenError, isConsentMissing } from './graph-tokens.js';

/** Why a tenant's staff could not be read at all: outside AAD_ALLOWED_TENANTS, or its admin has not consented. */
export type TenantRefusal = 'tenant-not-allowed' | 'tenant-not-consented';

/**
 * One app-only Graph client per allowed tenant, made on first use and kept: the machinery every adapter that reads
 * a staff member's data in their own tenant (automatic replies, free/busy) routes through. Each client draws its
 * tokens from the process's shared token source, whose msal client per tenant keeps each tenant's tokens apart.
 */
export class TenantGraphClients {
  private readonly allowed: ReadonlySet<string>;
  /** The allowed tenants in the order given (the home tenant first), each once, in lower case. */
  readonly tenants: readonly string[];
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly settings: {
      /** The tenants whose staff may be read (the home tenant and AAD_ALLOWED_TENANTS). */
      allowedTenants: readonly string[];
      /** A Graph client with an app-only token of `tenantId`; called once per tenant. */
      clientFor: (tenantId: string) => Client;
    },
  ) {
    this.allowed = new Set(settings.allowedTenants.map((tenant) => tenant.toLowerCase()));
    this.tenants = [...this.allowed];
  }

  /** Whether the app serves this tenant's staff. */
  allows(tenantId: string): boolean {
    return this.allowed.has(tenantId.toLowerCase());
  }

  /** The tenant's client; the caller checks {@link allows} first (the token source refuses others anyway). */
  client(tenantId: string): Client {
    const tenant = tenantId.toLowerCase();
    let client = this.clients.get(tenant);
    if (!client) {
      client = this.settings.clientFor(tenant);
      this.clients.set(tenant, client);
    }
    return client;
  }
}

/** The refusal a translated Graph failure stands for, or null when it is an ordinary failure. */
export function tenantRefusalOf(failure: Error): TenantRefusal | null {
  if (isConsentMissing(failure)) return 'tenant-not-consented';
  if (failure instanceof GraphTokenError && failure.code === 'tenant_not_allowed')
    return 'tenant-not-allowed';
  return null;
}
