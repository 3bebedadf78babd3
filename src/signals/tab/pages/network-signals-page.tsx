import {
  Badge,
  Body1,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Switch,
  Text,
  Textarea,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { Fieldset, validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { SIGNAL_CHANNELS, SIGNAL_STATUSES, SIGNAL_URGENCIES, type SignalStatus } from '../../constants.js';
import {
  changeFollowUp,
  createSignal,
  getSignalChoices,
  listSignals,
  type Signal,
  type SignalChoices,
} from '../api/signal-endpoints.js';
import { channelMessage, statusMessage, themeLabel, urgencyMessage } from '../components/signal-labels.js';
import { thermometerHref } from '../signal-routes.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: 0,
    margin: 0,
    listStyleType: 'none',
  },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { whiteSpace: 'pre-wrap' },
  links: { display: 'flex', gap: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalS} 0` },
});

const WHEN = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' } as const;

/** `/signalen/netwerk/{id}`: the network's signals with their follow-up, and the form to record one. */
export function NetworkSignalsPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const choices = useAsync(useCallback(() => getSignalChoices(api, networkId), [api, networkId]));
  const [openOnly, setOpenOnly] = useState(false);
  const signals = useAsync(
    useCallback(() => listSignals(api, networkId, openOnly), [api, networkId, openOnly]),
  );
  useDocumentTitle(`${t('signals.list.title')} – ${t('app.name')}`);
  return (
    <>
      <div className={styles.links}>
        <RouterLink href={networkHref(networkId, window.location.search)}>
          {t('signals.toNetwork')}
        </RouterLink>
        <RouterLink href={thermometerHref(window.location.search)}>{t('signals.toThermometer')}</RouterLink>
      </div>
      <Title1 as="h1">{t('signals.list.title')}</Title1>
      <Body1 as="p">{t('signals.intro')}</Body1>
      {choices.state.status === 'loading' && <LoadingState />}
      {choices.state.status === 'failed' && (
        <ErrorState title={t('signals.list.failed')} error={choices.state.error} onRetry={choices.retry} />
      )}
      {choices.state.status === 'done' && (
        <>
          <Section title={t('signals.new')}>
            <SignalForm
              api={api}
              networkId={networkId}
              choices={choices.state.value}
              onSaved={signals.retry}
            />
          </Section>
          <Section
            title={t('signals.list.title')}
            actions={
              <Switch
                checked={openOnly}
                label={t('signals.list.openOnly')}
                onChange={(_e, data) => setOpenOnly(data.checked)}
              />
            }
          >
            {signals.state.status === 'loading' && <LoadingState />}
            {signals.state.status === 'failed' && (
              <ErrorState
                title={t('signals.list.failed')}
                error={signals.state.error}
                onRetry={signals.retry}
              />
            )}
            {signals.state.status === 'done' &&
              (signals.state.value.length === 0 ? (
                <Body1>{t('signals.list.empty')}</Body1>
              ) : (
                <ul className={styles.list} aria-label={t('signals.list.title')}>
                  {signals.state.value.map((signal) => (
                    <li key={signal.id}>
                      <SignalCard
                        api={api}
                        signal={signal}
                        choices={choices.state.status === 'done' ? choices.state.value : undefined}
                        onChanged={signals.refresh}
                      />
                    </li>
                  ))}
                </ul>
              ))}
          </Section>
        </>
      )}
    </>
  );
}

interface Draft {
  personId: string;
  channel: string;
  urgency: string;
  wijkIds: string[];
  communityIds: string[];
  themes: string[];
  text: string;
  assessment: string;
}
const EMPTY: Draft = {
  personId: '',
  channel: 'phone',
  urgency: 'attention',
  wijkIds: [],
  communityIds: [],
  themes: [],
  text: '',
  assessment: '',
};

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function SignalForm(props: {
  api: ApiClient;
  networkId: string;
  choices: SignalChoices;
  onSaved: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await createSignal(props.api, props.networkId, {
        personId: draft.personId || null,
        channel: draft.channel as Signal['channel'],
        urgency: draft.urgency as Signal['urgency'],
        wijkIds: draft.wijkIds,
        communityIds: draft.communityIds,
        themes: draft.themes,
        text: draft.text,
        assessment: draft.assessment || null,
      });
      setDraft(EMPTY);
      setErrors({});
      setSaved(true);
      props.onSaved();
    } catch (error) {
      const found = fieldErrorsOf(error, t);
      const byField: Record<string, string> = {};
      for (const [field, message] of Object.entries(found)) byField[field.split('.')[1] ?? field] ??= message;
      setErrors(Object.keys(byField).length > 0 ? byField : { form: t('signals.form.failed') });
    } finally {
      setBusy(false);
    }
  };
  const { choices } = props;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('signals.new')}>
      <div className={styles.row}>
        <Field label={t('signals.form.person')} {...validation(errors.personId)}>
          <Select value={draft.personId} onChange={(_e, data) => set({ personId: data.value })}>
            <option value="">{t('signals.form.anonymous')}</option>
            {choices.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('signals.form.channel')}>
          <Select value={draft.channel} onChange={(_e, data) => set({ channel: data.value })}>
            {SIGNAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(channelMessage[c])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('signals.form.urgency')}>
          <Select value={draft.urgency} onChange={(_e, data) => set({ urgency: data.value })}>
            {SIGNAL_URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(urgencyMessage[u])}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Fieldset legend={t('signals.form.wijken')} error={errors.wijkIds}>
        {choices.wijken.map((w) => (
          <Checkbox
            key={w.id}
            label={w.name}
            checked={draft.wijkIds.includes(w.id)}
            onChange={(_e, data) => set({ wijkIds: toggle(draft.wijkIds, w.id, data.checked === true) })}
          />
        ))}
      </Fieldset>
      <Fieldset legend={t('signals.form.themes')} error={errors.themes}>
        {choices.themes.map((theme) => (
          <Checkbox
            key={theme.code}
            label={themeLabel(choices.themes, theme.code, intl.locale)}
            checked={draft.themes.includes(theme.code)}
            onChange={(_e, data) => set({ themes: toggle(draft.themes, theme.code, data.checked === true) })}
          />
        ))}
      </Fieldset>
      <Fieldset legend={t('signals.form.communities')} error={errors.communityIds}>
        {choices.communities.map((c) => (
          <Checkbox
            key={c.id}
            label={c.name}
            checked={draft.communityIds.includes(c.id)}
            onChange={(_e, data) =>
              set({ communityIds: toggle(draft.communityIds, c.id, data.checked === true) })
            }
          />
        ))}
      </Fieldset>
      <Field label={t('signals.form.text')} required {...validation(errors.text)}>
        <Textarea value={draft.text} maxLength={4000} onChange={(_e, data) => set({ text: data.value })} />
      </Field>
      <Field label={t('signals.form.assessment')} {...validation(errors.assessment)}>
        <Textarea
          value={draft.assessment}
          maxLength={4000}
          onChange={(_e, data) => set({ assessment: data.value })}
        />
      </Field>
      {errors.form && <Text role="alert">{errors.form}</Text>}
      {saved && <Text role="status">{t('signals.form.saved')}</Text>}
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('signals.form.save')}
        </Button>
      </div>
    </form>
  );
}

function SignalCard(props: {
  api: ApiClient;
  signal: Signal;
  choices: SignalChoices | undefined;
  onChanged: () => Promise<void>;
}) {
  const { signal } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const themes = props.choices?.themes ?? [];
  return (
    <Card>
      <div className={styles.meta}>
        <Text weight="semibold">{intl.formatDate(signal.receivedAt, WHEN)}</Text>
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
  const styles = useStyles();
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
