import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ConfirmDialog } from '../../../tab/components/confirm-dialog.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { StatusBadge } from '../../../tab/components/status-badge.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  changeNetwork,
  type ManagedNetwork,
  type ManagedNetworkStatus,
} from '../api/setup-network-endpoints.js';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { flexGrow: 1, minWidth: '160px', display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  edit: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    flexBasis: '100%',
  },
  field: { minWidth: '200px', flexGrow: 1, maxWidth: '320px' },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  failure: { flexBasis: '100%' },
});

interface Props {
  api: ApiClient;
  network: ManagedNetwork;
  onChanged: () => Promise<void>;
}

/** The status changes a network offers next: [new status, button text, accessible label]. */
function nextSteps(status: ManagedNetworkStatus): [ManagedNetworkStatus, MessageId, MessageId][] {
  switch (status) {
    case 'starting':
      return [
        ['active', 'setup.networks.activate', 'setup.networks.activateLabel'],
        ['paused', 'setup.networks.pause', 'setup.networks.pauseLabel'],
      ];
    case 'active':
      return [['paused', 'setup.networks.pause', 'setup.networks.pauseLabel']];
    case 'paused':
      return [['active', 'setup.networks.resume', 'setup.networks.resumeLabel']];
    // Restored networks come back paused: their coordinators decide when the table meets again.
    case 'archived':
      return [['paused', 'setup.networks.restore', 'setup.networks.restoreLabel']];
  }
}

/** The rename form of one network. */
function RenameNetwork(props: Props & { onDone: () => void }) {
  const { api, network, onChanged, onDone } = props;
  const t = useT();
  const styles = useStyles();
  const [name, setName] = useState(network.name);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = fieldMessages(failure, {}, t);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await changeNetwork(api, network.id, { name });
      await onChanged();
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={styles.edit}
      onSubmit={save}
      noValidate
      aria-label={t('setup.networks.editLabel', { name: network.name })}
    >
      <Field
        className={styles.field}
        label={t('setup.networks.rename')}
        required
        {...validation(errors['body.name'])}
      >
        <Input value={name} onChange={(_e, data) => setName(data.value)} />
      </Field>
      <Button type="submit" appearance="primary" className={styles.button} disabledFocusable={busy}>
        {t('setup.networks.save')}
      </Button>
      <Button className={styles.button} onClick={onDone}>
        {t('setup.networks.cancel')}
      </Button>
      {failure !== null && Object.keys(errors).length === 0 && (
        <div className={styles.failure}>
          <ErrorState title={t('setup.networks.changeFailed')} error={failure} />
        </div>
      )}
    </form>
  );
}

/** One network with its area and status, and the buttons to rename, pause, resume, archive or restore it. */
export function NetworkRow(props: Props) {
  const { api, network, onChanged } = props;
  const t = useT();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const setStatus = async (status: ManagedNetworkStatus) => {
    setBusy(true);
    setFailure(null);
    try {
      await changeNetwork(api, network.id, { status });
      await onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.row}>
      <div className={styles.name}>
        <Text weight="semibold">{network.name}</Text>
        <Text className={styles.muted}>
          {t(network.areaKind === 'district' ? 'setup.networks.areaDistrict' : 'setup.networks.areaWijk', {
            area: network.areaName,
          })}
        </Text>
      </div>
      <StatusBadge status={network.status} />
      <div className={styles.actions}>
        <Button
          aria-label={t('setup.networks.editLabel', { name: network.name })}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('setup.networks.edit')}
        </Button>
        {nextSteps(network.status).map(([status, text, label]) => (
          <Button
            key={status}
            disabledFocusable={busy}
            aria-label={t(label, { name: network.name })}
            onClick={() => setStatus(status)}
          >
            {t(text)}
          </Button>
        ))}
        {network.status !== 'archived' && (
          <ConfirmDialog
            trigger={
              <Button aria-label={t('setup.networks.archiveLabel', { name: network.name })}>
                {t('setup.networks.archive')}
              </Button>
            }
            title={t('setup.networks.archiveTitle', { name: network.name })}
            confirmLabel={t('setup.networks.archive')}
            failureTitle={t('setup.networks.archiveFailed')}
            onConfirm={async () => {
              await changeNetwork(api, network.id, { status: 'archived' });
              await onChanged();
            }}
          >
            {t('setup.networks.archiveBody')}
          </ConfirmDialog>
        )}
      </div>
      {editing && <RenameNetwork {...props} onDone={() => setEditing(false)} />}
      {failure !== null && (
        <div className={styles.failure}>
          <ErrorState title={t('setup.networks.changeFailed')} error={failure} />
        </div>
      )}
    </div>
  );
}
