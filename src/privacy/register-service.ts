import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { REGISTER_TEXTS } from './constants.js';
import type { PrivacyDeps } from './deps.js';
import { effectiveRules, resolveMunicipality } from './retention-service.js';
import type { processingRegisterSchema } from './schemas.js';

/**
 * The processing register (AVG art. 30) and DPIA input, generated from what the code holds: the retention
 * rules in force in the municipality, the capabilities plugged into the privacy registry (and what each can
 * do for a person), the tenants that sign in. The fixed parts (purposes, categories, measures) are stated
 * once in `constants.ts` by key, so the tab shows them in Dutch; docs/privacy.md points there rather than copying them.
 */
const T = REGISTER_TEXTS;
const PURPOSES = [T.purposeSignals, T.purposeCallOuts, T.purposeMeetings, T.purposeSelection];
const CATEGORIES_OF_PEOPLE = [T.peopleAllies, T.peopleCandidates, T.peopleStaff];
const CATEGORIES_OF_DATA = [T.dataContact, T.dataSpecial, T.dataProfile, T.dataFreeText, T.dataAudit];
const LEGAL_BASES = [T.basisConsent, T.basisPublicTask];
const SECURITY_MEASURES = [
  T.measureNeedToKnow,
  T.measureAudit,
  T.measureSignIn,
  T.measureEncryption,
  T.measureRetention,
  T.measureHiddenAttendees,
];

/** The register for one municipality, audited as `privacy.register-read` (`privacy.register-pdf` for the PDF). */
export async function readProcessingRegister(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  requested: string | undefined,
  action: 'privacy.register-read' | 'privacy.register-pdf' = 'privacy.register-read',
): Promise<z.infer<typeof processingRegisterSchema>> {
  const municipalityId = await resolveMunicipality(deps, requested);
  const now = deps.now();
  await appendAuditEvent(deps.db, auditEvent(origin, action, null), now);
  const rules = await effectiveRules(deps, municipalityId);
  return {
    generatedAt: now.toISOString(),
    municipalityId,
    purposes: PURPOSES,
    categoriesOfPeople: CATEGORIES_OF_PEOPLE,
    categoriesOfData: CATEGORIES_OF_DATA,
    legalBases: LEGAL_BASES,
    retention: rules.map((rule) => ({
      kind: rule.kind,
      days: rule.days,
      defaultDays: rule.defaultDays,
      clockStarts: rule.clockStarts,
      reason: rule.reason,
    })),
    holders: [
      {
        name: 'network',
        release: false,
        erase: true,
        retentionKinds: ['former-member', 'consent-withdrawn', 'key-figures-inactive'],
      },
      ...deps.personDataHolders.map((holder) => ({
        name: holder.name,
        release: holder.release !== undefined,
        erase: holder.erase !== undefined,
        retentionKinds: [...(holder.retentionKinds ?? [])],
      })),
    ],
    recipients: {
      tenants: [...(deps.tenants ?? [])],
      processors: [T.processorMicrosoft],
    },
    securityMeasures: SECURITY_MEASURES,
  };
}
