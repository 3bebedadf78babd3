import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { readConsentState, readPersonNetworkIds, recordConsentWithdrawal } from '../network/index.js';
import { DomainError } from '../platform/errors.js';
import type { PrivacyDeps } from './deps.js';
import { releaseEverywhere } from './registry.js';
import type { consentStateSchema, withdrawConsentSchema } from './schemas.js';

type ConsentStateView = z.infer<typeof consentStateSchema>;

/**
 * Records that a person withdrew consent (AVG art. 7(3)) and takes them, at once, off every call list and
 * out of every future meeting invitation through the holders of the registry. The first recorded date
 * stays (the retention clock runs from it); withdrawing again only repeats the clean-up, e.g. after the
 * calendar did not answer. Audited with the person's id only.
 */
export async function withdrawConsent(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  personId: string,
  input: z.output<typeof withdrawConsentSchema>,
): Promise<ConsentStateView> {
  const person = await readConsentState(deps.db, personId);
  if (!person || person.erasedAt) throw new DomainError('not-found', 'No person with this id exists.');
  if (person.legalBasis !== 'consent')
    throw new DomainError(
      'rule-violated',
      'This person is recorded on the basis of a public task; there is no consent to withdraw.',
    ).because('not-consent-based');
  if (person.consentDate && input.withdrawnOn < person.consentDate)
    throw new DomainError('validation-failed', 'The withdrawal cannot precede the consent.', [
      {
        field: 'body.withdrawnOn',
        code: 'before_start',
        message: 'must not be before the consent date',
      },
    ]);
  const now = deps.now();
  await recordConsentWithdrawal(deps.db, personId, input.withdrawnOn, now);
  await appendAuditEvent(
    deps.db,
    auditEvent(origin, 'person.consent-withdraw', { type: 'person', id: personId }),
    now,
  );
  const networkIds = await readPersonNetworkIds(deps.db, personId);
  const { outcomes, failed } = await releaseEverywhere(deps.personDataHolders, { personId, networkIds });
  if (failed.length > 0) deps.logger.warn({ personId, failed }, 'consent withdrawal: some holders failed');
  const after = await readConsentState(deps.db, personId);
  return {
    personId,
    legalBasis: person.legalBasis,
    consentDate: person.consentDate,
    consentWithdrawnOn: after?.consentWithdrawnOn ?? input.withdrawnOn,
    released: outcomes.map((o) => ({ holder: o.holder, changed: o.changed })),
    failed,
  };
}
