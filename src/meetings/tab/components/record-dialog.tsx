import {
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
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { Fieldset, fieldMessages, validation } from '../../../tab/components/form-ui.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type Meeting,
  type MeetingTheme,
  meetingThemes,
  type PutRecord,
  putMeetingRecord,
} from '../meeting-endpoints.js';
import { useMeetingFormat } from './meeting-format.js';
import { moodMessage } from './meeting-labels.js';

const useStyles = makeStyles({
  surface: { maxWidth: '760px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  action: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 2fr) minmax(160px, 1fr) minmax(140px, 1fr)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Someone who can be present or own an action: a staff member (userId) or an ally (personId). */
export interface Participant {
  kind: 'staff' | 'ally';
  id: string;
  displayName: string;
}

/** The label of each theme of the record. */
export const themeMessage = Object.fromEntries(
  meetingThemes.map((theme) => [theme, `meetings.theme.${theme}`]),
) as Record<MeetingTheme, MessageId>;

interface ActionDraft {
  key: number;
  description: string;
  owner: string;
  dueOn: string;
}

const ownerValue = (participant: Participant) => `${participant.kind}:${participant.id}`;

function ownerOf(value: string): { ownerUserId?: string; ownerPersonId?: string } {
  const [kind, id] = value.split(':');
  if (!id) return {};
  return kind === 'staff' ? { ownerUserId: id } : { ownerPersonId: id };
}

/** Records a meeting: who was there, the themes, the mood at the table and the actions agreed. */
export function RecordDialog(props: {
  api: ApiClient;
  meeting: Meeting;
  participants: Participant[];
  onSaved: (meeting: Meeting) => void;
}) {
  const { api, meeting, participants, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const record = meeting.record;
  // Whoever the record already lists stays listed, even if they have since left the network.
  const everyone = [
    ...participants,
    ...(record?.attendance ?? []).filter(
      (entry) => !participants.some((p) => p.kind === entry.kind && p.id === entry.id),
    ),
  ];
  const [open, setOpen] = useState(false);
  const [present, setPresent] = useState<Set<string>>(new Set());
  const [themes, setThemes] = useState<MeetingTheme[]>([]);
  const [themesText, setThemesText] = useState('');
  const [mood, setMood] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = fieldMessages(failure, {}, t);
  const hasFieldErrors = Object.keys(errors).length > 0;

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      setPresent(
        new Set(
          (record?.attendance ?? [])
            .filter((entry) => entry.present)
            .map((entry) => `${entry.kind}:${entry.id}`),
        ),
      );
      setThemes(record?.themes ?? []);
      setThemesText(record?.themesText ?? '');
      setMood(record?.mood ? String(record.mood) : '');
      setActions([]);
      setFailure(null);
    }
  };
  const addAction = () => {
    setActions((current) => [...current, { key: nextKey, description: '', owner: '', dueOn: '' }]);
    setNextKey((key) => key + 1);
  };
  const changeAction = (key: number, change: Partial<ActionDraft>) =>
    setActions((current) =>
      current.map((action) => (action.key === key ? { ...action, ...change } : action)),
    );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const body: PutRecord = {
      version: record?.version ?? 0,
      attendance: everyone.map((person) => ({
        ...(person.kind === 'staff' ? { userId: person.id } : { personId: person.id }),
        present: present.has(ownerValue(person)),
      })),
      themes,
      themesText: themesText.trim() === '' ? null : themesText,
      mood: mood === '' ? null : Number(mood),
      actions: actions
        .filter((action) => action.description.trim() !== '' || action.owner !== '' || action.dueOn !== '')
        .map((action) => ({
          description: action.description,
          ...ownerOf(action.owner),
          dueOn: action.dueOn === '' ? null : action.dueOn,
        })),
    };
    try {
      const saved = await putMeetingRecord(api, meeting.networkId, meeting.id, body);
      setOpen(false);
      onSaved(saved);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const togglePresent = (key: string, on: boolean) =>
    setPresent((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <Dialog open={open} onOpenChange={(_event, data) => changeOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={record ? 'secondary' : 'primary'}>
          {t(record ? 'meetings.record.edit' : 'meetings.record.add')}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{t('meetings.record.title', { date: format.longDate(meeting.date) })}</DialogTitle>
            <DialogContent className={styles.form}>
              <Fieldset legend={t('meetings.record.attendance')}>
                {everyone.map((person) => (
                  <Checkbox
                    key={ownerValue(person)}
                    label={person.displayName}
                    checked={present.has(ownerValue(person))}
                    onChange={(_event, data) => togglePresent(ownerValue(person), data.checked === true)}
                  />
                ))}
              </Fieldset>
              <Fieldset legend={t('meetings.record.themes')}>
                {meetingThemes.map((theme) => (
                  <Checkbox
                    key={theme}
                    label={t(themeMessage[theme])}
                    checked={themes.includes(theme)}
                    onChange={(_event, data) =>
                      setThemes((current) =>
                        data.checked === true
                          ? [...current.filter((item) => item !== theme), theme]
                          : current.filter((item) => item !== theme),
                      )
                    }
                  />
                ))}
              </Fieldset>
              <Field label={t('meetings.record.themesText')} {...validation(errors['body.themesText'])}>
                <Textarea value={themesText} onChange={(_event, data) => setThemesText(data.value)} />
              </Field>
              <Field label={t('meetings.record.mood')}>
                <RadioGroup layout="horizontal" value={mood} onChange={(_event, data) => setMood(data.value)}>
                  {[1, 2, 3, 4, 5].map((value) => (
                    <Radio
                      key={value}
                      value={String(value)}
                      label={t(moodMessage[value] ?? 'meetings.mood.3')}
                    />
                  ))}
                  <Radio value="" label={t('meetings.record.noMood')} />
                </RadioGroup>
              </Field>
              <div className={styles.actions}>
                <Text weight="semibold">{t('meetings.record.newActions')}</Text>
                {actions.map((action, index) => (
                  <div key={action.key} className={styles.action}>
                    <Field
                      label={t('meetings.record.actionDescription', { number: index + 1 })}
                      {...validation(errors[`body.actions.${index}.description`])}
                    >
                      <Input
                        value={action.description}
                        onChange={(_event, data) => changeAction(action.key, { description: data.value })}
                      />
                    </Field>
                    <Field
                      label={t('meetings.record.actionOwner', { number: index + 1 })}
                      {...validation(
                        errors[`body.actions.${index}.ownerUserId`] ??
                          errors[`body.actions.${index}.ownerPersonId`],
                      )}
                    >
                      <Select
                        value={action.owner}
                        onChange={(_event, data) => changeAction(action.key, { owner: data.value })}
                      >
                        <option value="">{t('meetings.record.noOwner')}</option>
                        {everyone.map((person) => (
                          <option key={ownerValue(person)} value={ownerValue(person)}>
                            {person.displayName}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field
                      label={t('meetings.record.actionDue', { number: index + 1 })}
                      {...validation(errors[`body.actions.${index}.dueOn`])}
                    >
                      <Input
                        type="date"
                        value={action.dueOn}
                        onChange={(_event, data) => changeAction(action.key, { dueOn: data.value })}
                      />
                    </Field>
                  </div>
                ))}
                <div>
                  <Button onClick={addAction}>{t('meetings.record.addAction')}</Button>
                </div>
              </div>
              {failure !== null && !hasFieldErrors && (
                <ErrorState title={t('meetings.record.failed')} error={failure} />
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
