import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_TYPE_LABELS,
  type AuditAction,
  type AuditObjectType,
} from '../../constants.js';

/** The catalogue entries of the audit labels: `audit.action.<code>` and `audit.objectType.<code>`. */
type AuditLabelMessages = { [A in AuditAction as `audit.action.${A}`]: string } & {
  [T in AuditObjectType as `audit.objectType.${T}`]: string;
};

/**
 * The audit trail's action and object-type labels as tab messages, taken from the one list the CSV export uses
 * too (src/audit/constants.ts), so the screen and the file always say the same.
 */
function auditLabelMessages(locale: 'nl' | 'en'): AuditLabelMessages {
  const entries = [
    ...Object.entries(AUDIT_ACTION_LABELS[locale]).map(([code, text]) => [`audit.action.${code}`, text]),
    ...Object.entries(AUDIT_OBJECT_TYPE_LABELS[locale]).map(([code, text]) => [
      `audit.objectType.${code}`,
      text,
    ]),
  ];
  return Object.fromEntries(entries) as AuditLabelMessages;
}

/** Dutch audit labels for the tab's catalogue. */
export const auditLabelMessagesNl = auditLabelMessages('nl');
/** English audit labels for the tab's catalogue. */
export const auditLabelMessagesEn = auditLabelMessages('en');
