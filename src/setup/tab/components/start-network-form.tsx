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
import type { ManagedArea } from '../api/setup-endpoints.js';
import { startNetwork } from '../api/setup-network-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  field: { minWidth: '220px', flexGrow: 1, maxWidth: '360px' },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  feedback: { flexBasis: '100%' },
});

type Outcome = { kind: 'started'; name: string } | { kind: 'failed'; error: unknown } | null;

/** The areas a new network may cover: active districts, each followed by its active wijken. */
function areaChoices(areas: ManagedArea[], t: ReturnType<typeof useT>) {
  const districts = areas.filter((area) => area.kind === 'district' && !area.archived);
  return districts.flatMap((district) => [
    { id: district.id, label: t('setup.networks.districtOption', { name: district.name }) },
    ...areas
      .filter((area) => area.parentId === district.id && !area.archived)
      .map((wijk) => ({
        id: wijk.id,
        label: t('setup.networks.wijkOption', { name: wijk.name, district: district.name }),
      })),
  ]);
}

/** Starts a network for an active district or wijk (archived areas are not offered). */
export function StartNetworkForm(props: {
  api: ApiClient;
  areas: ManagedArea[];
  onStarted: () => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [areaId, setAreaId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const choices = areaChoices(props.areas, t);
  const errors = fieldMessages(outcome?.kind === 'failed' ? outcome.error : null, {}, t);
  const [areaMissing, setAreaMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAreaMissing(areaId === null);
    if (areaId === null) return;
    setBusy(true);
    setOutcome(null);
    try {
      const network = await startNetwork(props.api, { name, areaId });
      setOutcome({ kind: 'started', name: network.name });
      setName('');
      setAreaId(null);
      await props.onStarted();
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };
  if (choices.length === 0)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('setup.networks.noAreas')}</MessageBarBody>
      </MessageBar>
    );
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('setup.networks.start')}>
      <Field
        className={styles.field}
        label={t('setup.networks.name')}
        required
        {...validation(errors['body.name'])}
      >
        <Input value={name} onChange={(_e, data) => setName(data.value)} />
      </Field>
      <Field
        className={styles.field}
        label={t('setup.networks.pickArea')}
        hint={t('setup.networks.pickAreaHint')}
        required
        {...validation(areaMissing ? t('setup.networks.areaRequired') : errors['body.areaId'])}
      >
        <Dropdown
          value={choices.find((choice) => choice.id === areaId)?.label ?? ''}
          selectedOptions={areaId ? [areaId] : []}
          onOptionSelect={(_e, data) => setAreaId(data.optionValue ?? null)}
        >
          {choices.map((choice) => (
            <Option key={choice.id} value={choice.id}>
              {choice.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button type="submit" appearance="primary" className={styles.button} disabledFocusable={busy}>
        {t('setup.networks.start')}
      </Button>
      {outcome?.kind === 'started' && (
        <MessageBar intent="success" className={styles.feedback}>
          <MessageBarBody>{t('setup.networks.started', { name: outcome.name })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && Object.keys(errors).length === 0 && (
        <div className={styles.feedback}>
          <ErrorState title={t('setup.networks.startFailed')} error={outcome.error} />
        </div>
      )}
    </form>
  );
}
