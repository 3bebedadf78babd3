import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { NetworkDetail } from '../../../tab/api/endpoints.js';
import { Fieldset, validation } from '../../../tab/components/form-ui.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { type Meeting, type MeetingTheme, meetingThemes, type PutRecord } from '../meeting-endpoints.js';
import { moodMessage } from './meeting-labels.js';

const useStyles = makeStyles({
  action: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 2fr) minmax(160px, 1fr) minmax(140px, 1fr)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // A side panel is 320 px wide: the five moods wrap instead of running off the edge.
  moods: { flexWrap: 'wrap' },
});

/** Someone who can be present or own an action: a staff member (userId) or an ally (personId). */
export interface Participant {
  kind: 'staff' | 'ally';
  id: string;
  displayName: string;
}

/** Staff who sit at the table and the allies: who can be present at a meeting or own an action. */
export function participantsOf(network: NetworkDetail): Participant[] {
  return [
    ...network.staff
      .filter((member) => member.role !== 'viewer')
      .map((member) => ({ kind: 'staff' as const, id: member.userId, displayName: member.displayName })),
    ...network.allies.map((ally) => ({ kind: 'ally' as const, id: ally.id, displayName: ally.displayName })),
  ];
}

/** The label of each theme of the record. */
export const themeMessage = Object.fromEntries(
  meetingThemes.map((theme) => [theme, `meetings.theme.${theme}`]),
) as Record<MeetingTheme, MessageId>;

/** One action row being written; `id` once the server has stored it (then a save changes it, not adds it). */
export interface ActionDraft {
  key: number;
  id?: string | undefined;
  description: string;
  owner: string;
  dueOn: string;
}

/** The record as a form holds it (JSON-serialisable, so the dialog guard can tell when it changed). */
export interface RecordDraft {
  /** `staff:{userId}` / `ally:{personId}` of who is present. */
  present: string[];
  themes: MeetingTheme[];
  themesText: string;
  mood: string;
  actions: ActionDraft[];
}

export const ownerValue = (participant: { kind: string; id: string }) =>
  `${participant.kind}:${participant.id}`;

function ownerOf(value: string): { ownerUserId?: string; ownerPersonId?: string } {
  const [kind, id] = value.split(':');
  if (!id) return {};
  return kind === 'staff' ? { ownerUserId: id } : { ownerPersonId: id };
}

/** Who the record can list: the participants, plus whoever it already lists (even if they have since left). */
export function everyoneOf(participants: Participant[], record: Meeting['record']): Participant[] {
  return [
    ...participants,
    ...(record?.attendance ?? []).filter(
      (entry) => !participants.some((p) => p.kind === entry.kind && p.id === entry.id),
    ),
  ];
}

/** The draft of a stored record; `actions` are the rows to show (the dialog starts with none). */
export function draftOf(record: Meeting['record'], actions: ActionDraft[] = []): RecordDraft {
  return {
    present: (record?.attendance ?? []).filter((entry) => entry.present).map(ownerValue),
    themes: record?.themes ?? [],
    themesText: record?.themesText ?? '',
    mood: record?.mood ? String(record.mood) : '',
    actions,
  };
}

/** Whether an action row holds anything worth sending (an empty new row stays in the form only). */
export const actionFilledIn = (action: ActionDraft) =>
  action.id !== undefined || action.description.trim() !== '' || action.owner !== '' || action.dueOn !== '';

/** The `PUT …/record` body of a draft read at `version`. */
export function recordBody(draft: RecordDraft, everyone: Participant[], version: number): PutRecord {
  return {
    version,
    attendance: everyone.map((person) => ({
      ...(person.kind === 'staff' ? { userId: person.id } : { personId: person.id }),
      present: draft.present.includes(ownerValue(person)),
    })),
    themes: draft.themes,
    themesText: draft.themesText.trim() === '' ? null : draft.themesText,
    mood: draft.mood === '' ? null : Number(draft.mood),
    actions: draft.actions.filter(actionFilledIn).map((action) => ({
      ...(action.id ? { id: action.id } : {}),
      description: action.description,
      ...ownerOf(action.owner),
      dueOn: action.dueOn === '' ? null : action.dueOn,
    })),
  };
}

/** The next free row key of a draft's actions. */
const nextKey = (actions: ActionDraft[]) => actions.reduce((max, action) => Math.max(max, action.key), 0) + 1;

/**
 * The fields of a meeting record: who was there, the themes, the mood at the table and the actions agreed.
 * Shared by the meetings page's record dialog and the meeting side panel, so both write the same record.
 */
export function RecordFields(props: {
  draft: RecordDraft;
  onChange: (change: (current: RecordDraft) => RecordDraft) => void;
  everyone: Participant[];
  errors: Record<string, string | undefined>;
  actionsTitle: MessageId;
}) {
  const { draft, onChange, everyone, errors, actionsTitle } = props;
  const t = useT();
  const styles = useStyles();
  const togglePresent = (key: string, on: boolean) =>
    onChange((current) => ({
      ...current,
      present: on
        ? [...current.present.filter((k) => k !== key), key]
        : current.present.filter((k) => k !== key),
    }));
  const toggleTheme = (theme: MeetingTheme, on: boolean) =>
    onChange((current) => ({
      ...current,
      themes: on
        ? [...current.themes.filter((item) => item !== theme), theme]
        : current.themes.filter((item) => item !== theme),
    }));
  const changeAction = (key: number, change: Partial<ActionDraft>) =>
    onChange((current) => ({
      ...current,
      actions: current.actions.map((action) => (action.key === key ? { ...action, ...change } : action)),
    }));
  const addAction = () =>
    onChange((current) => ({
      ...current,
      actions: [...current.actions, { key: nextKey(current.actions), description: '', owner: '', dueOn: '' }],
    }));

  return (
    <>
      <Fieldset legend={t('meetings.record.attendance')}>
        {everyone.map((person) => (
          <Checkbox
            key={ownerValue(person)}
            label={person.displayName}
            checked={draft.present.includes(ownerValue(person))}
            onChange={(_event, data) => togglePresent(ownerValue(person), data.checked === true)}
          />
        ))}
      </Fieldset>
      <Fieldset legend={t('meetings.record.themes')}>
        {meetingThemes.map((theme) => (
          <Checkbox
            key={theme}
            label={t(themeMessage[theme])}
            checked={draft.themes.includes(theme)}
            onChange={(_event, data) => toggleTheme(theme, data.checked === true)}
          />
        ))}
      </Fieldset>
      <Field label={t('meetings.record.themesText')} {...validation(errors['body.themesText'])}>
        <Textarea
          value={draft.themesText}
          onChange={(_event, data) => onChange((current) => ({ ...current, themesText: data.value }))}
        />
      </Field>
      <Field label={t('meetings.record.mood')}>
        <RadioGroup
          layout="horizontal"
          className={styles.moods}
          value={draft.mood}
          onChange={(_event, data) => onChange((current) => ({ ...current, mood: data.value }))}
        >
          {[1, 2, 3, 4, 5].map((value) => (
            <Radio key={value} value={String(value)} label={t(moodMessage[value] ?? 'meetings.mood.3')} />
          ))}
          <Radio value="" label={t('meetings.record.noMood')} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Text weight="semibold">{t(actionsTitle)}</Text>
        {draft.actions.map((action, index) => (
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
                errors[`body.actions.${index}.ownerUserId`] ?? errors[`body.actions.${index}.ownerPersonId`],
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
    </>
  );
}
