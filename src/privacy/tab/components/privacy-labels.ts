import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import type { RetentionKind } from '../../constants.js';
import type { ErasureReason, PrivacyPersonHit } from '../api/privacy-endpoints.js';

/** The Dutch name of a kind of record (the API speaks in codes). */
export const kindLabel = (kind: RetentionKind): MessageId => `privacy.kind.${kind}`;

/** When the retention clock of a kind starts, in the tab's language. */
export const clockLabel = (kind: RetentionKind): MessageId => `privacy.clock.${kind}`;

/** Why a kind's default is what it is, in the tab's language (docs/privacy.md says the same). */
export const reasonLabel = (kind: RetentionKind): MessageId => `privacy.reason.${kind}`;

/** The reason codes of an erasure, in the order the form offers them. */
export const ERASURE_REASONS: readonly ErasureReason[] = [
  'data-subject-request',
  'consent-withdrawn',
  'no-longer-needed',
  'unlawful',
];

export const erasureReasonLabel = (reason: ErasureReason): MessageId => `privacy.erase.reason.${reason}`;

export const personKindLabel = (kind: PrivacyPersonHit['kind']): MessageId => `privacy.person.kind.${kind}`;

export const legalBasisLabel = (basis: PrivacyPersonHit['legalBasis']): MessageId =>
  `privacy.person.basis.${basis}`;

const HOLDERS = [
  'network',
  'call-outs',
  'meetings',
  'signals',
  'selection',
  'evaluation',
  'identity',
] as const;

/** The name of a capability holding personal data; an unknown (newer) one keeps its code. */
export function holderLabel(name: string, t: (id: MessageId) => string): string {
  return (HOLDERS as readonly string[]).includes(name) ? t(`privacy.holder.${name}` as MessageId) : name;
}
