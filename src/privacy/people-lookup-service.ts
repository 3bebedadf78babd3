import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { findPeopleByName } from '../network/index.js';
import type { PrivacyDeps } from './deps.js';
import { resolveMunicipality } from './retention-service.js';
import type { privacyPersonHitSchema } from './schemas.js';

/** The most people one lookup answers: the administrator narrows the name rather than scroll. */
export const PRIVACY_LOOKUP_LIMIT = 25;

/**
 * Finds people by name for an administrator's privacy work (inzage, withdrawal, erasure) across the whole
 * municipality: administrators belong to no network, so the staff search (`GET /people`) finds nobody for
 * them. Audited as a search (`person.search`, no object: the text is never stored); erased people are not
 * found.
 */
export async function findPeopleForPrivacy(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  query: { q: string; municipalityId?: string | undefined },
): Promise<z.infer<typeof privacyPersonHitSchema>[]> {
  const municipalityId = await resolveMunicipality(deps, query.municipalityId);
  await appendAuditEvent(deps.db, auditEvent(origin, 'person.search', null), deps.now());
  return findPeopleByName(deps.db, { municipalityId, text: query.q, limit: PRIVACY_LOOKUP_LIMIT });
}
