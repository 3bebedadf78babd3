import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import type { NetworkStaff } from '../../../tab/api/endpoints.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { Fieldset, fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { Section } from '../../../tab/components/section.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type MeetingSettings,
  type Observance,
  observanceKeys,
  putMeetingSettings,
  type UpdateMeetingSettings,
} from '../meeting-endpoints.js';
import { CadenceField } from './cadence-field.js';
import { useMeetingFormat } from './meeting-format.js';

import { SettingsFacts } from './settings-facts.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  short: { minWidth: '140px' },
});

/** The label of each observance the planner respects. */
export const observanceMessage: Record<Observance, MessageId> = {
  islamic: 'meetings.observance.islamic',
  jewish: 'meetings.observance.jewish',
  christian: 'meetings.observance.christian',
  hindu: 'meetings.observance.hindu',
  'keti-koti': 'meetings.observance.keti-koti',
  chinese: 'meetings.observance.chinese',
};

const FIELD_MESSAGES: Record<string, MessageId> = {
  'body.cadenceDays': 'meetings.settings.error.cadence',
  'body.weekdays': 'meetings.settings.error.weekdays',
  'body.startTime': 'meetings.settings.error.startTime',
  'body.durationMinutes': 'meetings.settings.error.duration',
  'body.organiserMailbox': 'meetings.settings.error.mailbox',
  'body.organiserUserId': 'meetings.settings.error.organiser',
  'body.mealArrangements': 'meetings.settings.error.meal',
};

interface Draft {
  cadenceDays: string;
  weekdays: number[];
  startTime: string;
  durationMinutes: string;
  allowLonger: boolean;
  organiser: string;
  mailbox: string;
  ramadanPolicy: 'avoid' | 'iftar';
  observances: Observance[];
  meal: string;
  online: boolean;
}

const MAILBOX = 'mailbox';
const SECRETARY = 'secretary';

function draftOf(settings: MeetingSettings): Draft {
  const { organiser } = settings;
  return {
    cadenceDays: String(settings.cadenceDays),
    weekdays: settings.weekdays,
    startTime: settings.startTime,
    durationMinutes: String(settings.durationMinutes),
    allowLonger: settings.allowLongerThanTwoHours,
    organiser:
      organiser.kind === 'mailbox'
        ? MAILBOX
        : organiser.kind === 'user'
          ? (organiser.userId ?? SECRETARY)
          : SECRETARY,
    mailbox: organiser.kind === 'mailbox' ? (organiser.address ?? '') : '',
    ramadanPolicy: settings.ramadanPolicy,
    observances: settings.observances.effective,
    meal: settings.mealArrangements ?? '',
    online: settings.onlineMeeting,
  };
}

function changeOf(settings: MeetingSettings, draft: Draft): UpdateMeetingSettings {
  const derived = settings.observances.derived;
  // Numbers the browser cannot read go to the server as they are, so its field error says what is wrong.
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return {
    version: settings.version,
    cadenceDays: number(draft.cadenceDays),
    weekdays: draft.weekdays,
    startTime: draft.startTime,
    durationMinutes: number(draft.durationMinutes),
    allowLongerThanTwoHours: draft.allowLonger,
    organiserUserId: draft.organiser === MAILBOX || draft.organiser === SECRETARY ? null : draft.organiser,
    organiserMailbox: draft.organiser === MAILBOX ? draft.mailbox.trim() : null,
    ramadanPolicy: draft.ramadanPolicy,
    observancesAdded: draft.observances.filter((key) => !derived.includes(key)),
    observancesRemoved: derived.filter((key) => !draft.observances.includes(key)),
    mealArrangements: draft.meal.trim() === '' ? null : draft.meal,
    onlineMeeting: draft.online,
  };
}

/** The form that changes the settings; field errors from the server appear next to their fields. */
function SettingsDialog(props: {
  api: ApiClient;
  networkId: string;
  settings: MeetingSettings;
  staff: NetworkStaff[];
  onSaved: (settings: MeetingSettings) => void;
}) {
  const { api, networkId, settings, staff, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = fieldMessages(failure, FIELD_MESSAGES, t);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const change = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      setDraft(draftOf(settings));
      setFailure(null);
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const saved = await putMeetingSettings(api, networkId, changeOf(settings, draft));
      setOpen(false);
      onSaved(saved);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => changeOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('meetings.settings.edit')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{t('meetings.settings.editTitle')}</DialogTitle>
            <DialogContent className={styles.form}>
              <CadenceField
                value={draft.cadenceDays}
                onChange={(cadenceDays) => change({ cadenceDays })}
                error={errors['body.cadenceDays']}
              />
              <div className={styles.row}>
                <Field
                  label={t('meetings.settings.startTime')}
                  className={styles.short}
                  {...validation(errors['body.startTime'])}
                >
                  <Input
                    type="time"
                    value={draft.startTime}
                    onChange={(_event, data) => change({ startTime: data.value })}
                  />
                </Field>
                <Field
                  label={t('meetings.settings.durationMinutes')}
                  className={styles.short}
                  {...validation(errors['body.durationMinutes'])}
                >
                  <Input
                    type="number"
                    value={draft.durationMinutes}
                    onChange={(_event, data) => change({ durationMinutes: data.value })}
                  />
                </Field>
              </div>
              <Checkbox
                checked={draft.allowLonger}
                label={t('meetings.settings.allowLonger')}
                onChange={(_event, data) => change({ allowLonger: data.checked === true })}
              />
              <Fieldset legend={t('meetings.settings.weekdays')} error={errors['body.weekdays']}>
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <Checkbox
                    key={day}
                    label={format.weekday(day)}
                    checked={draft.weekdays.includes(day)}
                    onChange={(_event, data) =>
                      change({
                        weekdays: toggle(draft.weekdays, day, data.checked === true).sort((a, b) => a - b),
                      })
                    }
                  />
                ))}
              </Fieldset>
              <Field label={t('meetings.settings.organiser')} {...validation(errors['body.organiserUserId'])}>
                <Select
                  value={draft.organiser}
                  onChange={(_event, data) => change({ organiser: data.value })}
                >
                  <option value={SECRETARY}>{t('meetings.settings.organiserSecretary')}</option>
                  {staff
                    .filter((member) => member.role !== 'viewer')
                    .map((member) => (
                      <option key={member.userId} value={member.userId}>
                        {member.displayName}
                      </option>
                    ))}
                  <option value={MAILBOX}>{t('meetings.settings.organiserMailbox')}</option>
                </Select>
              </Field>
              {draft.organiser === MAILBOX && (
                <Field
                  label={t('meetings.settings.mailboxAddress')}
                  required
                  {...validation(errors['body.organiserMailbox'])}
                >
                  <Input
                    type="email"
                    value={draft.mailbox}
                    onChange={(_event, data) => change({ mailbox: data.value })}
                  />
                </Field>
              )}
              <Field label={t('meetings.settings.ramadan')}>
                <RadioGroup
                  value={draft.ramadanPolicy}
                  onChange={(_event, data) =>
                    change({ ramadanPolicy: data.value === 'avoid' ? 'avoid' : 'iftar' })
                  }
                >
                  <Radio value="iftar" label={t('meetings.ramadan.iftar')} />
                  <Radio value="avoid" label={t('meetings.ramadan.avoid')} />
                </RadioGroup>
              </Field>
              <Fieldset legend={t('meetings.settings.observances')} error={errors['body.observancesRemoved']}>
                {observanceKeys.map((key) => (
                  <Checkbox
                    key={key}
                    label={
                      settings.observances.derived.includes(key)
                        ? t('meetings.settings.observanceDerived', { name: t(observanceMessage[key]) })
                        : t(observanceMessage[key])
                    }
                    checked={draft.observances.includes(key)}
                    onChange={(_event, data) =>
                      change({ observances: toggle(draft.observances, key, data.checked === true) })
                    }
                  />
                ))}
              </Fieldset>
              <Field label={t('meetings.settings.meal')} {...validation(errors['body.mealArrangements'])}>
                <Textarea value={draft.meal} onChange={(_event, data) => change({ meal: data.value })} />
              </Field>
              <Switch
                checked={draft.online}
                label={t('meetings.settings.onlineLabel')}
                onChange={(_event, data) => change({ online: data.checked })}
              />
              {failure !== null && !hasFieldErrors && (
                <ErrorState title={t('meetings.settings.saveFailed')} error={failure} />
              )}
              {hasFieldErrors && (
                <MessageBar intent="error">
                  <MessageBarBody>{t('meetings.fixFields')}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t('meetings.save')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t('common.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** "Afspraken": how often, when and where the network meets, and which observances the planner respects. */
export function SettingsSection(props: {
  api: ApiClient;
  networkId: string;
  settings: MeetingSettings;
  staff: NetworkStaff[];
  canPlan: boolean;
  onSaved: (settings: MeetingSettings) => void;
}) {
  const { settings, canPlan } = props;
  const t = useT();
  const format = useMeetingFormat();
  return (
    <Section
      title={t('meetings.settings.title')}
      actions={canPlan ? <SettingsDialog {...props} /> : undefined}
    >
      {settings.version === 0 && <Body1>{t('meetings.settings.defaults')}</Body1>}
      <SettingsFacts settings={settings} format={format} />
    </Section>
  );
}
