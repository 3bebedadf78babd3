import { createRemoteJWKSet, decodeJwt, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { DomainError } from '../platform/errors.js';

/** The settings that decide which Entra ID access tokens the API accepts. */
export interface EntraTokenSettings {
  clientId: string;
  /** The host of the app's domain, as in `api://<domain>/<clientId>`. */
  appDomain: string;
  allowedTenants: string[];
  authorityHost: string;
  /** Minimum time between two key-set downloads on unknown `kid`s (jose's default: 30 s), against key-fetch floods. */
  keyRefetchCooldownMs?: number;
}

/** The identity a validated token proves. */
export interface EntraIdentity {
  tenantId: string;
  objectId: string;
  displayName: string;
  /**
   * The user's e-mail address from the token, or null: the `email` optional claim, else the `upn` optional
   * claim, else `preferred_username` (a v2 access token's username, usually but not always an address).
   * Only a value that parses as an address is kept; it is mutable, so it is never used for authorisation.
   */
  email: string | null;
  /** When the token expires (its `exp` claim): no cache may accept it for longer. */
  expiresAt: Date;
}

const emailAddress = z.email().max(254);

/** The first claim that is a well-formed e-mail address, lower-cased; null when none is. */
function emailFromClaims(candidates: (string | undefined)[]): string | null {
  for (const candidate of candidates) {
    const parsed = emailAddress.safeParse(candidate?.trim());
    if (parsed.success) return parsed.data.toLowerCase();
  }
  return null;
}

const openIdConfigurationSchema = z.object({ issuer: z.string().min(1), jwks_uri: z.url() });

const claimsSchema = z.object({
  tid: z.uuid(),
  oid: z.uuid(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  upn: z.string().optional(),
  scp: z.string().optional(),
  exp: z.number(),
});

const ALLOWED_CLOCK_SKEW_SECONDS = 120;

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Validates Microsoft Entra ID v2 access tokens (Teams SSO) with `jose`: signature against the
 * tenant's published keys, issuer, audience, expiry, not-before and the tenant allow-list.
 * Discovery documents are cached per tenant; jose refetches the key set when it meets an unknown `kid`.
 */
export class EntraTokenValidator {
  private readonly discovery = new Map<string, Promise<{ issuer: string; keys: KeySet }>>();

  constructor(private readonly settings: EntraTokenSettings) {}

  /** Returns the proven identity, or throws `unauthenticated` with a reason safe to show. */
  async validate(token: string): Promise<EntraIdentity> {
    const tenantId = this.allowedTenantOf(token);
    const { issuer, keys } = await this.tenantKeys(tenantId);
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience: [`api://${this.settings.appDomain}/${this.settings.clientId}`, this.settings.clientId],
        algorithms: ['RS256'],
        clockTolerance: ALLOWED_CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      });
      return this.identityOf(payload, tenantId);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('unauthenticated', describeJoseError(error));
    }
  }

  private allowedTenantOf(token: string): string {
    let tid: unknown;
    try {
      tid = decodeJwt(token).tid;
    } catch {
      throw new DomainError('unauthenticated', 'The bearer token is not a JWT.');
    }
    // Refuse before any network call, so a token can never make us fetch keys of a foreign tenant.
    if (typeof tid !== 'string' || !this.settings.allowedTenants.includes(tid)) {
      throw new DomainError('unauthenticated', 'The token was issued for a tenant that is not allowed.');
    }
    return tid;
  }

  private identityOf(payload: JWTPayload, expectedTenant: string): EntraIdentity {
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.tid !== expectedTenant) {
      throw new DomainError('unauthenticated', 'The token lacks a valid tenant or object id.');
    }
    const scopes = (claims.data.scp ?? '').split(' ');
    if (!scopes.includes('access_as_user')) {
      throw new DomainError('unauthenticated', 'The token does not carry the access_as_user scope.');
    }
    return {
      tenantId: claims.data.tid,
      objectId: claims.data.oid,
      displayName: claims.data.name ?? claims.data.preferred_username ?? 'Onbekend',
      email: emailFromClaims([claims.data.email, claims.data.upn, claims.data.preferred_username]),
      expiresAt: new Date(claims.data.exp * 1000),
    };
  }

  private tenantKeys(tenantId: string): Promise<{ issuer: string; keys: KeySet }> {
    let entry = this.discovery.get(tenantId);
    if (!entry) {
      entry = this.discover(tenantId);
      this.discovery.set(tenantId, entry);
      // A failed discovery must not be cached, or one outage would lock the tenant out until restart.
      entry.catch(() => this.discovery.delete(tenantId));
    }
    return entry;
  }

  private async discover(tenantId: string): Promise<{ issuer: string; keys: KeySet }> {
    const url = `${this.settings.authorityHost}/${tenantId}/v2.0/.well-known/openid-configuration`;
    let body: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      body = await response.json();
    } catch {
      throw new DomainError(
        'unauthenticated',
        'The identity provider could not be reached to check the token.',
      );
    }
    const config = openIdConfigurationSchema.safeParse(body);
    if (!config.success) {
      throw new DomainError(
        'unauthenticated',
        'The identity provider returned an unusable OpenID configuration.',
      );
    }
    const keys = createRemoteJWKSet(new URL(config.data.jwks_uri), {
      cooldownDuration: this.settings.keyRefetchCooldownMs ?? 30_000,
      timeoutDuration: 10_000,
    });
    return { issuer: config.data.issuer, keys };
  }
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet.';
    if (error.claim === 'aud') return 'The token was issued for another application.';
    if (error.claim === 'iss') return 'The token was issued by an unexpected issuer.';
    return `The token's ${error.claim} claim is not valid.`;
  }
  if (
    error instanceof joseErrors.JWSSignatureVerificationFailed ||
    error instanceof joseErrors.JWKSNoMatchingKey
  ) {
    return 'The token signature is not valid.';
  }
  return 'The token could not be validated.';
}
