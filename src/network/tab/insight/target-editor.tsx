import { Body1, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { Coverage, Dimension, Representativeness } from '../api/insight-endpoints.js';
import { draftFromRows, targetsFromDraft, targetValues, valueLabel } from './representativeness-values.js';

type Row = Representativeness['dimensions'][number]['rows'][number];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  help: { color: tokens.colorNeutralForeground2 },
});

/**
 * The coordinator's target profile of one dimension: a percentage per value (empty for none). The API refuses
 * shares that add up to over 100% with a 400, whose detail is shown above the fields.
 */
export function TargetEditor(props: {
  dimension: Dimension;
  rows: readonly Row[];
  communities: Coverage['communities'];
  onSave: (targets: { value: string; share: number }[]) => Promise<void>;
  onCancel: () => void;
}) {
  const { dimension, rows, communities, onSave, onCancel } = props;
  const t = useT();
  const styles = useStyles();
  const values = targetValues(dimension, communities);
  const [draft, setDraft] = useState(() => draftFromRows(values, rows));
  const [invalid, setInvalid] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = targetsFromDraft(draft);
    if (!parsed.ok) {
      setInvalid(parsed.invalid);
      return;
    }
    setInvalid([]);
    setBusy(true);
    try {
      await onSave(parsed.targets);
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Body1 className={styles.help}>
        {t(
          dimension === 'community' ? 'representativeness.editHelpCommunity' : 'representativeness.editHelp',
        )}
      </Body1>
      {error !== null && (
        <ErrorState
          title={t('representativeness.targetsFailed')}
          // The API names the rule that failed on `body.targets` (e.g. shares over 100%); its detail alone is generic.
          error={fieldErrorsOf(error, t)['body.targets'] ? t('representativeness.overHundred') : error}
        />
      )}
      <div className={styles.grid}>
        {values.map((value) => {
          const name = valueLabel(dimension, value, communities, t);
          return (
            <Field
              key={value}
              label={t('representativeness.targetLabel', { value: name })}
              validationMessage={invalid.includes(value) ? t('representativeness.invalidPercent') : undefined}
            >
              <Input
                inputMode="decimal"
                value={draft[value] ?? ''}
                contentAfter="%"
                onChange={(_event, data) => setDraft((current) => ({ ...current, [value]: data.value }))}
              />
            </Field>
          );
        })}
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('insight.save')}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
