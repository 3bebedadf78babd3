import {
  Badge,
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { AdminHeader } from '../../../tab/components/admin-header.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type CallOutSettings,
  type EscalationNumbers,
  getCallOutSettings,
  putCallOutSettings,
  putCrisisTeam,
} from '../api/call-out-settings-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  number: { maxWidth: '120px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '720px',
  },
  member: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { flexGrow: 1, minWidth: '160px' },
  muted: { color: tokens.colorNeutralForeground2 },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  addButton: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  picker: { minWidth: '280px' },
});

type NumberField = keyof EscalationNumbers;

/** The four numbers in the order the escalation happens, each with its Dutch question and server field. */
const FIELDS: { key: NumberField; label: MessageId; hint: MessageId; error: MessageId; min: number }[] = [
  {
    key: 'reminderAfterMinutes',
    label: 'callOutSettings.reminder.label',
    hint: 'callOutSettings.reminder.hint',
    error: 'callOutSettings.error.reminder',
    min: 1,
  },
  {
    key: 'backupAfterMinutes',
    label: 'callOutSettings.backup.label',
    hint: 'callOutSettings.backup.hint',
    error: 'callOutSettings.error.minutes',
    min: 1,
  },
  {
    key: 'nextGroupAfterMinutes',
    label: 'callOutSettings.nextGroup.label',
    hint: 'callOutSettings.nextGroup.hint',
    error: 'callOutSettings.error.minutes',
    min: 1,
  },
  {
    key: 'minAvailableStaff',
    label: 'callOutSettings.minimum.label',
    hint: 'callOutSettings.minimum.hint',
    error: 'callOutSettings.error.minimum',
    min: 0,
  },
];

const FIELD_MESSAGES: Record<string, MessageId> = Object.fromEntries(
  FIELDS.map((field) => [`body.${field.key}`, field.error]),
);

type Draft = Record<NumberField, string>;

const draftOf = (settings: CallOutSettings['settings']): Draft => ({
  backupAfterMinutes: String(settings.backupAfterMinutes),
  minAvailableStaff: String(settings.minAvailableStaff),
  nextGroupAfterMinutes: String(settings.nextGroupAfterMinutes),
  reminderAfterMinutes: String(settings.reminderAfterMinutes),
});

// Numbers the browser cannot read go to the server as they are (null), so its field error says what is wrong.
const numberOf = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The four escalation numbers as a form; field errors from the server appear under their fields. */
function EscalationForm(props: {
  api: ApiClient;
  value: CallOutSettings;
  onSaved: (next: CallOutSettings) => void;
}) {
  const { api, value, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState(() => draftOf(value.settings));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  const failure = outcome?.kind === 'failed' ? outcome.error : null;
  const errors = fieldMessages(failure, FIELD_MESSAGES, t);
  const hasFieldErrors = Object.keys(errors).length > 0;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await putCallOutSettings(api, {
        backupAfterMinutes: numberOf(draft.backupAfterMinutes),
        minAvailableStaff: numberOf(draft.minAvailableStaff),
        nextGroupAfterMinutes: numberOf(draft.nextGroupAfterMinutes),
        reminderAfterMinutes: numberOf(draft.reminderAfterMinutes),
      });
      setDraft(draftOf(saved.settings));
      setOutcome({ kind: 'saved' });
      onSaved(saved);
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      {value.isDefault && (
        <Body1>
          {t('callOutSettings.defaultsInUse', {
            backup: value.defaults.backupAfterMinutes,
            minimum: value.defaults.minAvailableStaff,
            nextGroup: value.defaults.nextGroupAfterMinutes,
            reminder: value.defaults.reminderAfterMinutes,
          })}
        </Body1>
      )}
      {FIELDS.map((field) => (
        <Field
          key={field.key}
          label={t(field.label)}
          hint={t(field.hint)}
          required
          {...validation(errors[`body.${field.key}`])}
        >
          <Input
            className={styles.number}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.key === 'minAvailableStaff' ? 100 : 240}
            step={1}
            value={draft[field.key]}
            disabled={!value.canEdit}
            onChange={(_event, data) => {
              setDraft((current) => ({ ...current, [field.key]: data.value }));
              if (outcome?.kind === 'saved') setOutcome(null);
            }}
          />
        </Field>
      ))}
      <Body1 className={styles.muted}>{t('callOutSettings.appliesWhen')}</Body1>
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('callOutSettings.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {hasFieldErrors && (
        <MessageBar intent="error">
          <MessageBarBody>{t('callOutSettings.fixFields')}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && !hasFieldErrors && (
        <ErrorState title={t('callOutSettings.saveFailed')} error={failure} />
      )}
      {value.canEdit && (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {t('callOutSettings.save')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The crisis team as a list with remove buttons, and a picker of the municipality's staff to add someone. */
function CrisisTeam(props: {
  api: ApiClient;
  value: CallOutSettings;
  onSaved: (next: CallOutSettings) => void;
}) {
  const { api, value, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  const [picked, setPicked] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'failed'; error: unknown } | null>(null);
  const team = value.crisisTeam;
  const onTeam = new Set(team.map((member) => member.userId));
  const choices = (value.candidates ?? []).filter((candidate) => !onTeam.has(candidate.userId));
  const pickedName = choices.find((choice) => choice.userId === picked)?.displayName ?? '';

  const replace = async (userIds: string[]) => {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await putCrisisTeam(api, userIds);
      setOutcome({ kind: 'saved' });
      onSaved(saved);
      return true;
    } catch (error) {
      setOutcome({ kind: 'failed', error });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) {
      setPickError(t('callOutSettings.team.pickRequired'));
      return;
    }
    setPickError(undefined);
    if (await replace([...team.map((member) => member.userId), picked])) setPicked(null);
  };

  return (
    <>
      <Body1>{t('callOutSettings.team.intro')}</Body1>
      {team.length === 0 ? (
        <Body1 className={styles.muted}>{t('callOutSettings.team.empty')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('callOutSettings.team.listLabel')}>
          {team.map((member) => (
            <li key={member.userId} className={styles.member}>
              <Text weight="semibold" className={styles.name}>
                {member.displayName}
              </Text>
              <Text className={member.phone ? undefined : styles.muted}>
                {member.phone ?? t('callOutSettings.team.noPhone')}
              </Text>
              <Badge appearance="tint" color={member.reachable ? 'success' : 'warning'}>
                {t(member.reachable ? 'callOutSettings.team.reachable' : 'callOutSettings.team.unreachable')}
              </Badge>
              {value.canEdit && (
                <Button
                  disabledFocusable={busy}
                  aria-label={t('callOutSettings.team.removeLabel', { name: member.displayName })}
                  onClick={() => replace(team.filter((m) => m.userId !== member.userId).map((m) => m.userId))}
                >
                  {t('callOutSettings.team.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {value.canEdit && <Body1 className={styles.muted}>{t('callOutSettings.team.pickHint')}</Body1>}
      {value.canEdit && (
        <form className={styles.add} onSubmit={add} noValidate>
          <Field className={styles.picker} label={t('callOutSettings.team.pick')} {...validation(pickError)}>
            <Dropdown
              placeholder={t('callOutSettings.team.pickPlaceholder')}
              value={pickedName}
              selectedOptions={picked ? [picked] : []}
              onOptionSelect={(_event, data) => {
                setPicked(data.optionValue ?? null);
                setPickError(undefined);
              }}
            >
              {choices.map((choice) => (
                <Option key={choice.userId} value={choice.userId}>
                  {choice.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button type="submit" className={styles.addButton} disabledFocusable={busy}>
            {t('callOutSettings.team.add')}
          </Button>
        </form>
      )}
      {outcome?.kind === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('callOutSettings.team.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && (
        <ErrorState title={t('callOutSettings.team.saveFailed')} error={outcome.error} />
      )}
    </>
  );
}

/** Beheer – Crisisoproepen: escalatie: the four escalation numbers and the crisis team of the municipality. */
export function CallOutSettingsPage({ api }: { api: ApiClient }) {
  const t = useT();
  useDocumentTitle(`${t('admin.title', { page: t('admin.callOutSettings') })} – ${t('app.name')}`);
  const load = useAsync(useCallback(() => getCallOutSettings(api), [api]));
  const [latest, setLatest] = useState<CallOutSettings | null>(null);
  const value = latest ?? (load.state.status === 'done' ? load.state.value : null);

  return (
    <>
      <AdminHeader page="call-out-settings" intro={t('callOutSettings.intro')} />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && (
        <ErrorState title={t('callOutSettings.loadFailed')} error={load.state.error} onRetry={load.retry} />
      )}
      {value && (
        <>
          <Section title={t('callOutSettings.escalation.title')}>
            <EscalationForm api={api} value={value} onSaved={setLatest} />
          </Section>
          <Section title={t('callOutSettings.team.title')}>
            <CrisisTeam api={api} value={value} onSaved={setLatest} />
          </Section>
        </>
      )}
    </>
  );
}
