import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { administerMunicipality } from '../identity/policies.js';
import { withdrawConsent } from './consent-service.js';
import type { PrivacyDeps } from './deps.js';
import { erasePerson } from './erasure-service.js';
import { personInzage } from './inzage-service.js';
import { findPeopleForPrivacy } from './people-lookup-service.js';
import { renderInzagePdf, renderRegisterPdf } from './privacy-pdf.js';
import { readProcessingRegister } from './register-service.js';
import { previewRetention, readRetention, setRetentionDays } from './retention-service.js';
import {
  consentStateSchema,
  erasePersonSchema,
  erasureResultSchema,
  inzageSchema,
  pdfLanguageQuerySchema,
  privacyPersonHitSchema,
  privacyPersonParams,
  privacyPersonSearchQuerySchema,
  processingRegisterSchema,
  registerPdfQuerySchema,
  retentionKindParams,
  retentionPreviewQuerySchema,
  retentionPreviewSchema,
  retentionQuerySchema,
  retentionRulesSchema,
  setRetentionSchema,
  withdrawConsentSchema,
} from './schemas.js';

/** Administrator routes of the privacy lifecycle (issue 18). */
export function privacyRoutes(deps: PrivacyDeps): AnyApiRoute[] {
  return [
    defineRoute({
      operationId: 'findPeopleForPrivacy',
      method: 'get',
      path: '/privacy/people',
      summary:
        'Find people of your municipality by name for inzage, withdrawal or erasure (administrators, who belong ' +
        'to no network; no contact data; erased people are not found; audited as a search)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: privacyPersonSearchQuerySchema,
      response: {
        status: 200,
        description: 'At most 25 people, sorted by name',
        schema: z.array(privacyPersonHitSchema),
      },
      handle: async ({ query }, context) => findPeopleForPrivacy(deps, context.origin, query),
    }),
    defineRoute({
      operationId: 'withdrawConsent',
      method: 'post',
      path: '/privacy/people/{personId}/consent-withdrawal',
      summary:
        'Record that a person withdrew consent (administrators): from that day on they are on no call list ' +
        'and in no future meeting invitation, and the retention clock runs (audited)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: privacyPersonParams,
      body: withdrawConsentSchema,
      response: {
        status: 200,
        description: 'The consent state and what was cleaned',
        schema: consentStateSchema,
      },
      handle: async ({ params, body }, context) =>
        withdrawConsent(deps, context.origin, params.personId, body),
    }),
    defineRoute({
      operationId: 'personInzage',
      method: 'get',
      path: '/privacy/people/{personId}/inzage',
      summary:
        'Everything held about one person with who read or changed it, from the audit trail (administrators, ' +
        'AVG art. 15; audited)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: privacyPersonParams,
      response: { status: 200, description: 'The inzage as JSON', schema: inzageSchema },
      handle: async ({ params }, context) => personInzage(deps, context.origin, params.personId),
    }),
    defineRoute({
      operationId: 'personInzagePdf',
      method: 'get',
      path: '/privacy/people/{personId}/inzage.pdf',
      summary:
        'The inzage of one person as a readable PDF (A4, Dutch unless lang=en): the same content as the JSON ' +
        '(administrators, AVG art. 15; audited as person.inzage-pdf)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: privacyPersonParams,
      query: pdfLanguageQuerySchema,
      response: {
        status: 200,
        description: 'PDF (A4)',
        format: { kind: 'pdf', fileName: 'inzage.pdf' },
      },
      handle: async ({ params, query }, context) => {
        const inzage = await personInzage(deps, context.origin, params.personId, 'person.inzage-pdf');
        return renderInzagePdf({ inzage, locale: query.lang ?? 'nl', now: new Date(inzage.generatedAt) });
      },
    }),
    defineRoute({
      operationId: 'erasePerson',
      method: 'post',
      path: '/privacy/people/{personId}/erasure',
      summary:
        'Erase one person (administrators, AVG art. 17) with a reason code: personal fields and free-text ' +
        'mentions emptied or pseudonymised, relations ended, call lists and future invitations cleaned; the id ' +
        'stays as a tombstone so the audit chain and report counts stay valid (audited)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: privacyPersonParams,
      body: erasePersonSchema,
      response: {
        status: 200,
        description: 'What the erasure did (ids and counts)',
        schema: erasureResultSchema,
      },
      handle: async ({ params, body }, context) => erasePerson(deps, context.origin, params.personId, body),
    }),
    defineRoute({
      operationId: 'getRetentionRules',
      method: 'get',
      path: '/privacy/retention',
      summary:
        "The retention rules of your municipality (days per kind, defaults and why) and the daily job's latest " +
        'runs, counts only (administrators)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: retentionQuerySchema,
      response: { status: 200, description: 'Rules and recent runs', schema: retentionRulesSchema },
      handle: async ({ query }) => readRetention(deps, query.municipalityId),
    }),
    defineRoute({
      operationId: 'setRetentionRule',
      method: 'put',
      path: '/privacy/retention/{kind}',
      summary: 'Set how many days one kind of record is kept in your municipality (administrators; audited)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      params: retentionKindParams,
      query: retentionQuerySchema,
      body: setRetentionSchema,
      response: { status: 200, description: 'The rules as they now are', schema: retentionRulesSchema },
      handle: async ({ params, query, body }, context) =>
        setRetentionDays(deps, context.origin, params.kind, body.days, query.municipalityId),
    }),
    defineRoute({
      operationId: 'previewRetention',
      method: 'get',
      path: '/privacy/retention/preview',
      summary:
        'What the daily retention job would clean up today and within the coming days, per kind, counts only ' +
        '(administrators; nothing changes)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: retentionPreviewQuerySchema,
      response: { status: 200, description: 'Counts per kind', schema: retentionPreviewSchema },
      handle: async ({ query }) => previewRetention(deps, query.municipalityId, query.withinDays),
    }),
    defineRoute({
      operationId: 'getProcessingRegister',
      method: 'get',
      path: '/privacy/register',
      summary:
        'The processing register (AVG art. 30) and DPIA input, generated from the configuration: purposes, ' +
        'categories, legal bases, retention in force, capabilities holding personal data, recipients, ' +
        'security measures (administrators; audited)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: retentionQuerySchema,
      response: { status: 200, description: 'The register', schema: processingRegisterSchema },
      handle: async ({ query }, context) =>
        readProcessingRegister(deps, context.origin, query.municipalityId),
    }),
    defineRoute({
      operationId: 'getProcessingRegisterPdf',
      method: 'get',
      path: '/privacy/register.pdf',
      summary:
        'The processing register as a readable PDF for the FG (A4, Dutch unless lang=en): the same content as ' +
        'the JSON (administrators; audited as privacy.register-pdf)',
      tags: ['privacy'],
      access: 'signed-in',
      permission: administerMunicipality,
      query: registerPdfQuerySchema,
      response: {
        status: 200,
        description: 'PDF (A4)',
        format: { kind: 'pdf', fileName: 'verwerkingsregister.pdf' },
      },
      handle: async ({ query }, context) => {
        const register = await readProcessingRegister(
          deps,
          context.origin,
          query.municipalityId,
          'privacy.register-pdf',
        );
        return renderRegisterPdf({
          register,
          locale: query.lang ?? 'nl',
          now: new Date(register.generatedAt),
        });
      },
    }),
  ];
}
