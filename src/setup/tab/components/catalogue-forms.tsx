import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../../tab/components/describe-error.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RELATION_TARGET_KINDS, type RelationTargetKind } from '../api/setup-community-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** One text field of a small form: its key, label and optional hint. */
interface TextField<K extends string> {
  key: K;
  label: MessageId;
  hint?: MessageId;
}

/**
 * A small form of text fields (and, for a new relation type, the target kind); field errors from the
 * server appear under their fields, any other failure (a name taken: 409) above the buttons.
 */
export function CatalogueForm<K extends string>(props: {
  fields: TextField<K>[];
  initial: Record<K, string>;
  /** Shown only when creating a relation type: the target kind cannot change later. */
  targetKind?: boolean;
  submitLabel: string;
  onSubmit: (values: Record<K, string> & { targetKind?: RelationTargetKind }) => Promise<void>;
  onCancel?: () => void;
  /** Clears the fields after success (a create form). */
  resetAfter?: boolean;
}) {
  const { fields, initial, targetKind, submitLabel, onSubmit, onCancel, resetAfter } = props;
  const t = useT();
  const styles = useStyles();
  const [values, setValues] = useState(initial);
  const [target, setTarget] = useState<RelationTargetKind>('organisation');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Empty or one-letter fields are named in the user's language before the server is asked.
    const short = fields.filter((f) => values[f.key].trim().length < 2);
    if (short.length > 0) {
      setErrors(Object.fromEntries(short.map((f) => [`body.${f.key}`, t('setup.common.tooShort')])));
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const trimmed = Object.fromEntries(fields.map((f) => [f.key, values[f.key].trim()])) as Record<
        K,
        string
      >;
      await onSubmit(targetKind ? { ...trimmed, targetKind: target } : trimmed);
      if (resetAfter) setValues(initial);
    } catch (error) {
      const found = fieldErrorsOf(error, t);
      setErrors(found);
      if (Object.keys(found).length === 0) setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {fields.map((field) => (
        <Field
          key={field.key}
          label={t(field.label)}
          hint={field.hint ? t(field.hint) : undefined}
          required
          validationMessage={errors[`body.${field.key}`]}
          validationState={errors[`body.${field.key}`] ? 'error' : 'none'}
        >
          <Input
            value={values[field.key]}
            maxLength={200}
            onChange={(_e, data) => setValues((v) => ({ ...v, [field.key]: data.value }))}
          />
        </Field>
      ))}
      {targetKind && (
        <Field label={t('setup.relationTypes.targetKind')}>
          <RadioGroup
            layout="horizontal"
            value={target}
            onChange={(_e, data) => setTarget(data.value as RelationTargetKind)}
          >
            {RELATION_TARGET_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`setup.relationTypes.target.${kind}`)} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel} disabled={busy}>
            {t('setup.common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
