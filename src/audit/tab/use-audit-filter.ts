import { useCallback, useMemo, useState } from 'react';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import type { MessageId } from '../../tab/i18n/messages.nl.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { AuditFilter } from './audit-endpoints.js';
import {
  type AuditFilterDraft,
  type DraftField,
  draftFieldOfQuery,
  EMPTY_DRAFT,
  filterFromDraft,
} from './audit-filter-draft.js';

/** The API's field errors of a failed load, placed on the filter form's fields. */
export function draftErrorsOf(error: unknown): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
    const draftField = draftFieldOfQuery[field];
    if (draftField) errors[draftField] ??= message;
  }
  return errors;
}

/** The filter form's draft and its checks, and the filter last applied (which the table and the export use). */
export function useAuditFilter() {
  const t = useT();
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY_DRAFT);
  const [applied, setApplied] = useState<AuditFilter>({});
  const [problems, setProblems] = useState<Partial<Record<DraftField, MessageId>>>({});

  const applyDraft = useCallback((next: AuditFilterDraft): boolean => {
    const { filter, errors } = filterFromDraft(next);
    setProblems(errors);
    if (Object.keys(errors).length > 0) return false;
    setApplied(filter);
    return true;
  }, []);

  const apply = useCallback(() => applyDraft(draft), [applyDraft, draft]);
  const clear = useCallback(() => {
    setDraft(EMPTY_DRAFT);
    setProblems({});
    setApplied({});
  }, []);
  /** Narrows the current filter, e.g. to the actor chosen in the table; the form shows it too. */
  const narrow = useCallback(
    (
      filter: Pick<AuditFilter, 'actorUserId' | 'objectType' | 'objectId'> & { actorText?: string },
    ): boolean => {
      const next = { ...draft, ...filter };
      setDraft(next);
      return applyDraft(next);
    },
    [applyDraft, draft],
  );

  const errors = useMemo(() => {
    const translated: Partial<Record<DraftField, string>> = {};
    for (const [field, id] of Object.entries(problems)) translated[field as DraftField] = t(id);
    return translated;
  }, [problems, t]);

  return { draft, setDraft, applied, errors, apply, clear, narrow };
}
