import { Badge, Body1, Button, Card, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { SIGNAL_STATUSES, type SignalStatus } from '../../constants.js';
import { changeFollowUp, type Signal, type SignalChoices } from '../api/signal-endpoints.js';
import { SignalForm } from './signal-form.js';
import { channelMessage, statusMessage, themeLabel, urgencyMessage } from './signal-labels.js';

import { useSignalStyles } from './signal-styles.js';

const WHEN = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' } as const;

/**
 * One signal with its follow-up; its receiver and the network's coordinator (`canEdit`) correct its fields in
 * place with "Bewerken".
 */
export function SignalCard(props: {
  api: ApiClient;
  signal: Signal;
  choices: SignalChoices | undefined;
  onChanged: () => Promise<void>;
}) {
  const { signal, choices } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useSignalStyles();
  const themes = choices?.themes ?? [];
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState(false);
  const when = intl.formatDate(signal.receivedAt, WHEN);
  if (editing && choices)
    return (
      <Card>
        <Text as="h3" weight="semibold">
          {t('signals.edit.title')}
        </Text>
        <SignalForm
          api={props.api}
          networkId={signal.networkId}
          choices={choices}
          signal={signal}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setEdited(true);
            void props.onChanged();
          }}
        />
      </Card>
    );
  return (
    <Card>
      {signal.canEdit && choices && (
        <div className={styles.heading}>
          <Text weight="semibold">{when}</Text>
          <Button
            size="small"
            aria-label={t('signals.edit.label', { when })}
            onClick={() => {
              setEdited(false);
              setEditing(true);
            }}
          >
            {t('signals.edit')}
          </Button>
        </div>
      )}
      {edited && <Text role="status">{t('signals.edit.saved')}</Text>}
      <div className={styles.meta}>
        {!(signal.canEdit && choices) && <Text weight="semibold">{when}</Text>}
        <Badge
          appearance="tint"
          color={
            signal.urgency === 'urgent'
              ? 'danger'
              : signal.urgency === 'attention'
                ? 'warning'
                : 'informative'
          }
        >
          {t(urgencyMessage[signal.urgency])}
        </Badge>
        <Text>{signal.person?.displayName ?? t('signals.form.anonymous')}</Text>
        <Text>· {t(channelMessage[signal.channel])}</Text>
        <Text>· {signal.wijken.map((w) => w.name).join(', ')}</Text>
        <Text>· {signal.themes.map((code) => themeLabel(themes, code, intl.locale)).join(', ')}</Text>
      </div>
      <Body1 className={styles.text}>{signal.text}</Body1>
      {signal.assessment && <Body1 className={styles.text}>{signal.assessment}</Body1>}
      <Text size={200}>{t('signals.list.by', { name: signal.receivedBy.displayName })}</Text>
      {signal.updatedBy && signal.updatedAt && (
        <Text size={200}>
          {t('signals.list.edited', {
            name: signal.updatedBy.displayName,
            when: intl.formatDate(signal.updatedAt, WHEN),
          })}
        </Text>
      )}
      <FollowUpForm {...props} />
    </Card>
  );
}

function FollowUpForm(props: {
  api: ApiClient;
  signal: Signal;
  choices: SignalChoices | undefined;
  onChanged: () => Promise<void>;
}) {
  const { signal } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useSignalStyles();
  const f = signal.followUp;
  const [status, setStatus] = useState<SignalStatus>(f.status);
  const [ownerUserId, setOwner] = useState(f.owner?.id ?? '');
  const [actions, setActions] = useState(f.actions ?? '');
  const [reason, setReason] = useState(f.notTakenUpReason ?? '');
  const [fedBackOn, setFedBackOn] = useState(f.fedBackOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await changeFollowUp(props.api, signal.networkId, signal.id, {
        status,
        ...(ownerUserId ? { ownerUserId } : {}),
        actions: actions || null,
        notTakenUpReason: status === 'not_taken_up' ? reason || null : null,
        fedBackOn: fedBackOn || null,
      });
      setErrors({});
      setSaved(true);
      await props.onChanged();
    } catch (error) {
      const found = fieldErrorsOf(error, t);
      const byField: Record<string, string> = {};
      for (const [field, message] of Object.entries(found)) byField[field.split('.')[1] ?? field] ??= message;
      setErrors(byField);
    } finally {
      setBusy(false);
    }
  };
  const id = signal.id.slice(0, 8);
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`${t('signals.followUp.title')} ${intl.formatDate(signal.receivedAt, WHEN)}`}
    >
      <Text as="h3" weight="semibold">
        {t('signals.followUp.title')}
      </Text>
      <div className={styles.meta}>
        <Text>
          {t('signals.followUp.dueOn')}:{' '}
          {intl.formatDate(`${f.dueOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}
        </Text>
        {f.overdue && (
          <Badge color="danger" appearance="filled">
            {t('signals.followUp.overdue')}
          </Badge>
        )}
        <Text>
          {f.fedBackOn
            ? t('signals.followUp.fedBack', {
                date: intl.formatDate(`${f.fedBackOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
              })
            : t('signals.followUp.notFedBack')}
        </Text>
      </div>
      <div className={styles.row}>
        <Field label={t('signals.followUp.status')}>
          <Select
            id={`status-${id}`}
            value={status}
            onChange={(_e, data) => setStatus(data.value as SignalStatus)}
          >
            {SIGNAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusMessage[s])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('signals.followUp.owner')} {...validation(errors.ownerUserId)}>
          <Select value={ownerUserId} onChange={(_e, data) => setOwner(data.value)}>
            {(props.choices?.staff ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('signals.followUp.fedBackOn')} {...validation(errors.fedBackOn)}>
          <Input type="date" value={fedBackOn} onChange={(_e, data) => setFedBackOn(data.value)} />
        </Field>
      </div>
      <Field label={t('signals.followUp.actions')} {...validation(errors.actions)}>
        <Textarea value={actions} maxLength={4000} onChange={(_e, data) => setActions(data.value)} />
      </Field>
      {status === 'not_taken_up' && (
        <Field label={t('signals.followUp.reason')} required {...validation(errors.notTakenUpReason)}>
          <Textarea value={reason} maxLength={2000} onChange={(_e, data) => setReason(data.value)} />
        </Field>
      )}
      {saved && <Text role="status">{t('signals.followUp.saved')}</Text>}
      <div>
        <Button type="submit" disabledFocusable={busy}>
          {t('signals.followUp.save')}
        </Button>
      </div>
    </form>
  );
}
