import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { FieldProblem } from '../../../tab/api/api-error.js';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldProblemsOf } from '../../../tab/components/field-errors.js';
import { validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { type AllyLimits, putAllyLimits } from '../api/setup-network-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  field: { minWidth: '140px', maxWidth: '200px', flexGrow: 1 },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  feedback: { flexBasis: '100%' },
});

type Outcome = { kind: 'saved' } | { kind: 'failed'; error: unknown } | null;

/** The municipality's ally soft and hard limits; the server refuses a hard limit below the soft one. */
export function AllyLimitsForm(props: { api: ApiClient; municipalityId: string; limits: AllyLimits }) {
  const t = useT();
  const styles = useStyles();
  const [soft, setSoft] = useState(String(props.limits.allySoftLimit));
  const [hard, setHard] = useState(String(props.limits.allyHardLimit));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const raw = fieldProblemsOf(outcome?.kind === 'failed' ? outcome.error : null);
  // The server's refusal per field, by its code: hard below soft, or a number out of range.
  const say = (problem: FieldProblem | undefined) =>
    problem === undefined
      ? undefined
      : t(
          problem.code === 'too_small' && problem.kind === 'soft-limit'
            ? 'setup.networks.hardBelowSoft'
            : 'setup.networks.limitRange',
        );
  const errors = { soft: say(raw['body.allySoftLimit']), hard: say(raw['body.allyHardLimit']) };
  const fieldErrors = Object.keys(raw).length > 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      await putAllyLimits(props.api, props.municipalityId, {
        allySoftLimit: Number(soft),
        allyHardLimit: Number(hard),
      });
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('setup.networks.limits')}>
      <Field
        className={styles.field}
        label={t('setup.networks.softLimit')}
        required
        {...validation(errors.soft)}
      >
        <Input type="number" min={1} max={50} value={soft} onChange={(_e, data) => setSoft(data.value)} />
      </Field>
      <Field
        className={styles.field}
        label={t('setup.networks.hardLimit')}
        required
        {...validation(errors.hard)}
      >
        <Input type="number" min={1} max={50} value={hard} onChange={(_e, data) => setHard(data.value)} />
      </Field>
      <Button type="submit" appearance="primary" className={styles.button} disabledFocusable={busy}>
        {t('setup.networks.saveLimits')}
      </Button>
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success" className={styles.feedback}>
          <MessageBarBody>{t('setup.networks.limitsSaved')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && !fieldErrors && (
        <div className={styles.feedback}>
          <ErrorState title={t('setup.networks.limitsFailed')} error={outcome.error} />
        </div>
      )}
    </form>
  );
}
