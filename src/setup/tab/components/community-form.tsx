import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../../tab/components/describe-error.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  COMMUNITY_KINDS,
  type CommunityKind,
  OBSERVANCE_TRADITIONS,
  type ObservanceTradition,
} from '../api/setup-community-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  traditions: { display: 'flex', flexDirection: 'column' },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** What the community form edits. */
export interface CommunityValues {
  name: string;
  category: CommunityKind;
  traditions: ObservanceTradition[];
}

/** Name, kind and observance traditions of a community; server field errors appear under their fields. */
export function CommunityForm(props: {
  initial?: CommunityValues;
  submitLabel: string;
  onSubmit: (values: CommunityValues) => Promise<void>;
  onCancel?: () => void;
  /** Prefix for element ids, so two forms on one page stay unique. */
  idPrefix: string;
}) {
  const { initial, submitLabel, onSubmit, onCancel, idPrefix } = props;
  const t = useT();
  const styles = useStyles();
  const [values, setValues] = useState<CommunityValues>(
    initial ?? { name: '', category: 'religion', traditions: [] },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const toggle = (tradition: ObservanceTradition, on: boolean) =>
    setValues((v) => ({
      ...v,
      traditions: on
        ? OBSERVANCE_TRADITIONS.filter((x) => x === tradition || v.traditions.includes(x))
        : v.traditions.filter((x) => x !== tradition),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The server says the same in English; the form says it in the user's language first.
    if (values.name.trim().length < 2) {
      setErrors({ 'body.name': t('setup.common.tooShort') });
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await onSubmit({ ...values, name: values.name.trim() });
      if (!initial) setValues({ name: '', category: values.category, traditions: [] });
    } catch (error) {
      const fields = fieldErrorsOf(error, t);
      setErrors(fields);
      // A conflict (the name is taken) or any other failure without field errors is shown above the buttons.
      if (Object.keys(fields).length === 0) setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field
        label={t('setup.communities.name')}
        required
        validationMessage={errors['body.name']}
        validationState={errors['body.name'] ? 'error' : 'none'}
      >
        <Input
          id={`${idPrefix}-name`}
          value={values.name}
          maxLength={100}
          onChange={(_e, data) => setValues((v) => ({ ...v, name: data.value }))}
        />
      </Field>
      <Field label={t('setup.communities.kind')} validationMessage={errors['body.category']}>
        <RadioGroup
          layout="horizontal"
          value={values.category}
          onChange={(_e, data) => setValues((v) => ({ ...v, category: data.value as CommunityKind }))}
        >
          {COMMUNITY_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`setup.communities.kind.${kind}`)} />
          ))}
        </RadioGroup>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('setup.communities.traditions')}</legend>
        <Text size={200} className={styles.hint}>
          {t('setup.communities.traditionsHint')}
        </Text>
        <div className={styles.traditions}>
          {OBSERVANCE_TRADITIONS.map((tradition) => (
            <Checkbox
              key={tradition}
              label={t(`setup.tradition.${tradition}`)}
              checked={values.traditions.includes(tradition)}
              onChange={(_e, data) => toggle(tradition, data.checked === true)}
            />
          ))}
        </div>
        {errors['body.traditions'] && <Text className={styles.error}>{errors['body.traditions']}</Text>}
      </fieldset>
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
