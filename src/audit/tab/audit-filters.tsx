import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent } from 'react';
import type { MessageId } from '../../tab/i18n/messages.nl.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { AuditResult } from './audit-endpoints.js';
import type { AuditFilterDraft, DraftField } from './audit-filter-draft.js';
import { resultMessage } from './audit-labels.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    // Fields with a hint are taller; the others keep their own height instead of stretching their input.
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
  // Fluent's Dropdown asks for 250px; in the grid it takes its column's width like the inputs.
  dropdown: { minWidth: 0 },
});

const RESULTS: readonly AuditResult[] = ['success', 'denied', 'failed'];

/** The browser's time zone, named for the hint that dates are whole days in it. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The audit trail's filters. Typing changes only the draft; "Filter toepassen" applies it. Errors (from the form's
 * own checks or the API's field errors) stand under their fields, and the typed values stay.
 */
export function AuditFilters(props: {
  draft: AuditFilterDraft;
  errors: Partial<Record<DraftField, string>>;
  onChange: (draft: AuditFilterDraft) => void;
  onApply: () => void;
  onClear: () => void;
}) {
  const { draft, errors, onChange, onApply, onClear } = props;
  const t = useT();
  const styles = useStyles();
  const set = (field: DraftField, value: string) => onChange({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  const text = (field: DraftField, label: MessageId, hint?: MessageId, type?: 'date') => (
    <Field
      label={t(label)}
      hint={hint ? t(hint) : undefined}
      validationMessage={errors[field]}
      validationState={errors[field] ? 'error' : 'none'}
    >
      <Input type={type} value={draft[field]} onChange={(_event, data) => set(field, data.value)} />
    </Field>
  );
  const resultLabel = draft.result ? t(resultMessage[draft.result]) : t('audit.filter.anyResult');

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('audit.filter.label')} noValidate>
      <div className={styles.grid}>
        {text('action', 'audit.filter.action', 'audit.filter.actionHint')}
        <Field
          label={t('audit.filter.result')}
          validationMessage={errors.result}
          validationState={errors.result ? 'error' : 'none'}
        >
          <Dropdown
            className={styles.dropdown}
            value={resultLabel}
            selectedOptions={[draft.result]}
            onOptionSelect={(_event, data) => set('result', data.optionValue ?? '')}
          >
            <Option value="">{t('audit.filter.anyResult')}</Option>
            {RESULTS.map((result) => (
              <Option key={result} value={result}>
                {t(resultMessage[result])}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {text('actorUserId', 'audit.filter.actor')}
        {text('objectType', 'audit.filter.objectType', 'audit.filter.objectTypeHint')}
        {text('objectId', 'audit.filter.objectId')}
        {text('fromDate', 'audit.filter.from', undefined, 'date')}
        {text('toDate', 'audit.filter.to', undefined, 'date')}
      </div>
      <div className={styles.footer}>
        <Caption1 className={styles.hint}>{t('audit.filter.zoneHint', { zone: browserTimeZone() })}</Caption1>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary">
            {t('audit.filter.apply')}
          </Button>
          <Button onClick={onClear}>{t('audit.filter.clear')}</Button>
        </div>
      </div>
    </form>
  );
}
