import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { createArea, type ManagedArea } from '../api/setup-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  field: { minWidth: '220px', flexGrow: 1, maxWidth: '320px' },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  feedback: { flexBasis: '100%' },
});

type Outcome = { kind: 'added'; name: string } | { kind: 'failed'; error: unknown } | null;

function useAdd(api: ApiClient, municipalityId: string, onAdded: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const add = async (input: Parameters<typeof createArea>[2]) => {
    setBusy(true);
    setOutcome(null);
    try {
      const area = await createArea(api, municipalityId, input);
      setOutcome({ kind: 'added', name: area.name });
      await onAdded();
      return true;
    } catch (error) {
      setOutcome({ kind: 'failed', error });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, add };
}

function Feedback({ outcome, fieldErrors }: { outcome: Outcome; fieldErrors: boolean }) {
  const t = useT();
  const styles = useStyles();
  if (outcome?.kind === 'added')
    return (
      <MessageBar intent="success" className={styles.feedback}>
        <MessageBarBody>{t('setup.areas.added', { name: outcome.name })}</MessageBarBody>
      </MessageBar>
    );
  if (outcome?.kind === 'failed' && !fieldErrors)
    return (
      <div className={styles.feedback}>
        <ErrorState title={t('setup.areas.addFailed')} error={outcome.error} />
      </div>
    );
  return null;
}

/** Adds a district (stadsdeel, basisteam): the municipality's own grouping of wijken. */
export function AddDistrictForm(props: {
  api: ApiClient;
  municipalityId: string;
  onAdded: () => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  const [name, setName] = useState('');
  const { busy, outcome, add } = useAdd(props.api, props.municipalityId, props.onAdded);
  const errors = fieldMessages(outcome?.kind === 'failed' ? outcome.error : null, {}, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await add({ kind: 'district', name })) setName('');
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('setup.areas.addDistrict')}>
      <Field
        className={styles.field}
        label={t('setup.areas.districtName')}
        required
        {...validation(errors['body.name'])}
      >
        <Input value={name} onChange={(_e, data) => setName(data.value)} />
      </Field>
      <Button type="submit" className={styles.button} disabledFocusable={busy}>
        {t('setup.areas.add')}
      </Button>
      <Feedback outcome={outcome} fieldErrors={Object.keys(errors).length > 0} />
    </form>
  );
}

/** Adds a wijk to an active district, with its optional CBS wijkcode. */
export function AddWijkForm(props: {
  api: ApiClient;
  municipalityId: string;
  districts: ManagedArea[];
  onAdded: () => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [districtId, setDistrictId] = useState<string | null>(null);
  const { busy, outcome, add } = useAdd(props.api, props.municipalityId, props.onAdded);
  const errors = fieldMessages(outcome?.kind === 'failed' ? outcome.error : null, {}, t);
  const active = props.districts.filter((district) => !district.archived);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      kind: 'neighbourhood' as const,
      name,
      parentId: districtId,
      cbsCode: code.trim() === '' ? null : code,
    };
    if (await add(input)) {
      setName('');
      setCode('');
    }
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('setup.areas.addWijk')}>
      <Field
        className={styles.field}
        label={t('setup.areas.wijkName')}
        required
        {...validation(errors['body.name'])}
      >
        <Input value={name} onChange={(_e, data) => setName(data.value)} />
      </Field>
      <Field
        className={styles.field}
        label={t('setup.areas.wijkDistrict')}
        required
        {...validation(errors['body.parentId'])}
      >
        <Dropdown
          value={active.find((district) => district.id === districtId)?.name ?? ''}
          selectedOptions={districtId ? [districtId] : []}
          onOptionSelect={(_e, data) => setDistrictId(data.optionValue ?? null)}
        >
          {active.map((district) => (
            <Option key={district.id} value={district.id}>
              {district.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        className={styles.field}
        label={t('setup.areas.wijkCode')}
        hint={t('setup.areas.wijkCode.hint')}
        {...validation(errors['body.cbsCode'])}
      >
        <Input value={code} onChange={(_e, data) => setCode(data.value)} />
      </Field>
      <Button type="submit" className={styles.button} disabledFocusable={busy}>
        {t('setup.areas.add')}
      </Button>
      <Feedback outcome={outcome} fieldErrors={Object.keys(errors).length > 0} />
    </form>
  );
}
