import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DomainError, type FieldError } from '../../platform/errors.js';
import type { NetworkWarning } from '../schemas.js';

/**
 * Turns what a coordinator typed (06-12345678, +31 6 1234 5678, 0031…) into E.164, or names the
 * field. Dutch numbers are read as such; foreign ones need their +country code.
 */
export function normaliseMobile(
  input: string | null | undefined,
  field = 'body.mobile',
): string | null | undefined {
  if (input === undefined || input === null) return input;
  const parsed = parsePhoneNumberFromString(input, 'NL');
  if (!parsed?.isValid()) {
    throw new DomainError('validation-failed', 'One or more fields are not valid.', [
      {
        field,
        code: 'invalid_phone',
        message: 'must be a valid phone number, e.g. 06-12345678 or +32 470 12 34 56',
      },
    ]);
  }
  return parsed.number;
}

/** The facts the ally rules need about a change. */
export interface AllyChange {
  kindAfter: 'key_figure' | 'ally' | 'former_ally' | 'former_key_figure';
  isProfessionalAfter: boolean;
  /** Allies in the network after the change (the person included if they are an ally then). */
  alliesAfter: number;
  /** Whether this change adds an ally to the network (so the limits apply to it). */
  addsAlly: boolean;
  limits: { soft: number; hard: number };
}

/**
 * The method's rules for allies: a professional of the regular network can be a key figure but never
 * an ally, and a network has at most `hard` allies. Returns the warnings of a change that is allowed.
 */
export function checkAllyRules(change: AllyChange): NetworkWarning[] {
  const errors: FieldError[] = [];
  if (change.kindAfter === 'ally' && change.isProfessionalAfter) {
    errors.push({
      field: 'body.kind',
      code: 'rule_professional',
      message:
        'a professional of the regular network (youth worker, social worker…) can be a key figure, never an ally',
    });
  }
  if (change.addsAlly && change.alliesAfter > change.limits.hard) {
    errors.push({
      field: 'body.kind',
      code: 'rule_hard_limit',
      max: change.limits.hard,
      message: `the network already has ${change.alliesAfter - 1} allies; the limit is ${change.limits.hard}`,
    });
  }
  if (errors.length > 0)
    throw new DomainError('rule-violated', errors.map((error) => error.message).join('; '), errors);
  if (change.addsAlly && change.alliesAfter > change.limits.soft) {
    return [{ code: 'over-soft-limit', count: change.alliesAfter, limit: change.limits.soft, userIds: [] }];
  }
  return [];
}
