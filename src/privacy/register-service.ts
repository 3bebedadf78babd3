import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import type { PrivacyDeps } from './deps.js';
import { effectiveRules, resolveMunicipality } from './retention-service.js';
import type { processingRegisterSchema } from './schemas.js';

/**
 * The processing register (AVG art. 30) and DPIA input, generated from what the code holds: the retention
 * rules in force in the municipality, the capabilities plugged into the privacy registry (and what each can
 * do for a person), the tenants that sign in. The fixed parts (purposes, categories, measures) are stated
 * here once, next to the code they describe; docs/privacy.md points here rather than copying them.
 */
const PURPOSES = [
  'Keeping in touch with key figures and allies of communities to hear early about tensions (signals)',
  'Calling allies out in a crisis and reaching them quickly (call lists, call-out timelines)',
  'Planning and recording network meetings and their follow-up',
  'Selecting and admitting key figures jointly by municipality and police; evaluating the network half-yearly',
];

const CATEGORIES_OF_PEOPLE = [
  'Key figures and allies (and former ones) of community networks',
  'Candidates proposed as key figure',
  'Staff of the municipality and the police who use the app',
];

const CATEGORIES_OF_DATA = [
  'Name, mobile number, e-mail address, preferred channel, languages, availability',
  'Special categories (AVG art. 9): the communities a person belongs to reveal religion or origin, sometimes sexual orientation',
  'Age band, gender, wijk; relations between people; organisations',
  'Signals, contact notes, call notes, meeting responses, selection assessments and evaluation notes (free text)',
  'Audit trail: who read or changed what (ids only)',
];

const LEGAL_BASES = [
  'consent: AVG art. 6(1)(a) with art. 9(2)(a) (explicit consent), recorded with its date and withdrawable',
  'public_task: AVG art. 6(1)(e) for professionals recorded in their role',
];

const SECURITY_MEASURES = [
  'Need-to-know: access per network and role, checked on every route (src/identity/policies.ts)',
  'Audit trail of every read and change of personal data, hash-chained and verifiable; logs hold no personal data',
  'Sign-in through Microsoft Entra ID of the allowed tenants only',
  'Encryption at rest and in transit on Azure (Azure Database for PostgreSQL, EU region)',
  'Retention rules applied daily; erasure and inzage of one person on request',
  'Allies never see each other’s addresses in invitations (hidden attendees)',
];

/** The register for one municipality, audited as `privacy.register-read`. */
export async function readProcessingRegister(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  requested: string | undefined,
): Promise<z.infer<typeof processingRegisterSchema>> {
  const municipalityId = await resolveMunicipality(deps, requested);
  const now = deps.now();
  await appendAuditEvent(deps.db, auditEvent(origin, 'privacy.register-read', null), now);
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
        retentionKinds: ['former-member', 'consent-withdrawn'],
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
      processors: ['Microsoft (Microsoft 365, Teams, Graph, Azure) as processor, EU data boundary'],
    },
    securityMeasures: SECURITY_MEASURES,
  };
}
