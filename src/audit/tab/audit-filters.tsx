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
import { type FormEvent, useMemo } from 'react';
import type { MessageId } from '../../tab/i18n/messages.nl.js';
import { useT } from '../../tab/i18n/use-t.js';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_TYPE_LABELS,
  type AuditAction,
  type AuditObjectType,
} from '../constants.js';
import type { AuditResult } from './audit-endpoints.js';
import type { AuditFilterDraft, DraftField } from './audit-filter-draft.js';
import { resultMessage } from './audit-labels.js';
import { PickerField, type PickerOption } from './picker-field.js';

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
const ACTIONS = Object.keys(AUDIT_ACTION_LABELS.nl) as AuditAction[];
const OBJECT_TYPES = Object.keys(AUDIT_OBJECT_TYPE_LABELS.nl) as AuditObjectType[];

/**
 * The audit trail's filters. Typing changes only the draft; "Filter toepassen" applies it. Errors (from the form's
 * own checks or the API's field errors) stand under their fields, and the typed values stay.
 */
export function AuditFilters(props: {
  draft: AuditFilterDraft;
  errors: Partial<Record<DraftField, string>>;
  /** The staff to pick an actor from, by name; null while they load or when they could not be loaded. */
  actors: readonly PickerOption[] | null;
  actorsFailed: boolean;
  onChange: (draft: AuditFilterDraft) => void;
  onApply: () => void;
  onClear: () => void;
}) {
  const { draft, errors, actors, actorsFailed, onChange, onApply, onClear } = props;
  const t = useT();
  const styles = useStyles();
  const actions = useMemo(
    () =>
      ACTIONS.map((code) => ({ value: code, label: t(`audit.action.${code}`), detail: code })).sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    [t],
  );
  const objectTypeLabel = (type: string) =>
    Object.hasOwn(AUDIT_OBJECT_TYPE_LABELS.nl, type)
      ? t(`audit.objectType.${type as AuditObjectType}`)
      : type;
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
        <PickerField
          label={t('audit.filter.action')}
          hint={t('audit.filter.actionHint')}
          error={errors.action}
          options={actions}
          value={draft.action}
          text={draft.actionText}
          onChange={({ value, text: typed }) => onChange({ ...draft, action: value, actionText: typed })}
        />
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
        <PickerField
          label={t('audit.filter.actor')}
          hint={actorsFailed ? t('audit.filter.actorsFailed') : t('audit.filter.actorHint')}
          error={errors.actorUserId}
          options={actors ?? []}
          value={draft.actorUserId}
          text={draft.actorText}
          onChange={({ value, text: typed }) => onChange({ ...draft, actorUserId: value, actorText: typed })}
        />
        <Field
          label={t('audit.filter.objectType')}
          validationMessage={errors.objectType}
          validationState={errors.objectType ? 'error' : 'none'}
        >
          <Dropdown
            className={styles.dropdown}
            value={draft.objectType ? objectTypeLabel(draft.objectType) : t('audit.filter.anyObjectType')}
            selectedOptions={[draft.objectType]}
            onOptionSelect={(_event, data) => set('objectType', data.optionValue ?? '')}
          >
            <Option value="">{t('audit.filter.anyObjectType')}</Option>
            {OBJECT_TYPES.map((type) => (
              <Option key={type} value={type}>
                {objectTypeLabel(type)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {text('objectId', 'audit.filter.objectId')}
        {text('fromDate', 'audit.filter.from', undefined, 'date')}
        {text('toDate', 'audit.filter.to', undefined, 'date')}
      </div>
      <div className={styles.footer}>
        <Caption1 className={styles.hint}>{t('audit.filter.zoneHint')}</Caption1>
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
