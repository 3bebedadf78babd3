import { Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { describeError } from '../../../tab/components/describe-error.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { Fieldset, validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { SIGNAL_CHANNELS, SIGNAL_URGENCIES } from '../../constants.js';
import {
  createSignal,
  type Signal,
  type SignalChoices,
  type UpdateSignal,
  updateSignal,
} from '../api/signal-endpoints.js';
import { fromLocalInput, toLocalInput } from './local-instant.js';
import { channelMessage, themeLabel, urgencyMessage } from './signal-labels.js';

import { useSignalStyles } from './signal-styles.js';

interface Draft {
  /** Amsterdam wall-clock time (`datetime-local`); only shown when correcting. */
  receivedAt: string;
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
  receivedAt: '',
  personId: '',
  channel: 'phone',
  urgency: 'attention',
  wijkIds: [],
  communityIds: [],
  themes: [],
  text: '',
  assessment: '',
};

/** The fields the form shows errors beside; any other problem shows as one sentence above the buttons. */
const FIELDS = new Set<string>([...Object.keys(EMPTY), 'wijkIds', 'communityIds', 'themes']);

function draftOf(signal: Signal): Draft {
  return {
    receivedAt: toLocalInput(signal.receivedAt),
    personId: signal.person?.id ?? '',
    channel: signal.channel,
    urgency: signal.urgency,
    wijkIds: signal.wijken.map((w) => w.id),
    communityIds: signal.communities.map((c) => c.id),
    themes: [...signal.themes],
    text: signal.text,
    assessment: signal.assessment ?? '',
  };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((v) => b.includes(v));

/** Only what the editor changed, with the version they read (an unchanged form sends just the version). */
function changesOf(before: Draft, after: Draft, version: number): UpdateSignal {
  const change: UpdateSignal = { version };
  if (after.receivedAt !== before.receivedAt)
    change.receivedAt = fromLocalInput(after.receivedAt) ?? after.receivedAt;
  if (after.personId !== before.personId) change.personId = after.personId || null;
  if (after.channel !== before.channel) change.channel = after.channel as Signal['channel'];
  if (after.urgency !== before.urgency) change.urgency = after.urgency as Signal['urgency'];
  if (!same(after.wijkIds, before.wijkIds)) change.wijkIds = after.wijkIds;
  if (!same(after.communityIds, before.communityIds)) change.communityIds = after.communityIds;
  if (!same(after.themes, before.themes)) change.themes = after.themes;
  if (after.text !== before.text) change.text = after.text;
  if (after.assessment !== before.assessment) change.assessment = after.assessment || null;
  return change;
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

/**
 * The form to record a signal, or, given `signal`, to correct one (prefilled, with its receipt time; only the
 * changed fields are sent, with the version read, so a correction meanwhile is refused rather than overwritten).
 * On failure the input stays and each field shows its own error.
 */
export function SignalForm(props: {
  api: ApiClient;
  networkId: string;
  choices: SignalChoices;
  onSaved: (signal: Signal) => void;
  signal?: Signal | undefined;
  onCancel?: (() => void) | undefined;
}) {
  const t = useT();
  const intl = useIntl();
  const styles = useSignalStyles();
  const editing = props.signal;
  const [initial] = useState<Draft>(() => (editing ? draftOf(editing) : EMPTY));
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      const signal = editing
        ? await updateSignal(
            props.api,
            props.networkId,
            editing.id,
            changesOf(initial, draft, editing.version),
          )
        : await createSignal(props.api, props.networkId, {
            personId: draft.personId || null,
            channel: draft.channel as Signal['channel'],
            urgency: draft.urgency as Signal['urgency'],
            wijkIds: draft.wijkIds,
            communityIds: draft.communityIds,
            themes: draft.themes,
            text: draft.text,
            assessment: draft.assessment || null,
          });
      if (!editing) setDraft(EMPTY);
      setErrors({});
      setSaved(true);
      props.onSaved(signal);
    } catch (error) {
      const found = fieldErrorsOf(error, t);
      const byField: Record<string, string> = {};
      for (const [field, message] of Object.entries(found)) {
        const name = field.split('.')[1];
        if (name && FIELDS.has(name)) byField[name] ??= message;
      }
      // A refusal no field explains (changed meanwhile, nothing changed, no permission) in the user's words.
      if (Object.keys(byField).length === 0)
        byField.form = editing ? describeError(error, t) : t('signals.form.failed');
      setErrors(byField);
    } finally {
      setBusy(false);
    }
  };
  const { choices } = props;
  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={editing ? t('signals.edit.title') : t('signals.new')}
    >
      {editing && (
        <Field label={t('signals.form.receivedAt')} required {...validation(errors.receivedAt)}>
          <Input
            type="datetime-local"
            value={draft.receivedAt}
            onChange={(_e, data) => set({ receivedAt: data.value })}
          />
        </Field>
      )}
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
        <Field label={t('signals.form.channel')} {...validation(errors.channel)}>
          <Select value={draft.channel} onChange={(_e, data) => set({ channel: data.value })}>
            {SIGNAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(channelMessage[c])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('signals.form.urgency')} {...validation(errors.urgency)}>
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
      {saved && !editing && <Text role="status">{t('signals.form.saved')}</Text>}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {editing ? t('signals.edit.save') : t('signals.form.save')}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t('signals.edit.cancel')}</Button>}
      </div>
    </form>
  );
}
