import { Button, Checkbox, Field, Select, Text, Textarea } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { Fieldset, validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { SIGNAL_CHANNELS, SIGNAL_URGENCIES } from '../../constants.js';
import { createSignal, type Signal, type SignalChoices } from '../api/signal-endpoints.js';
import { channelMessage, themeLabel, urgencyMessage } from './signal-labels.js';

import { useSignalStyles } from './signal-styles.js';

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

/** The form to record a signal. */
export function SignalForm(props: {
  api: ApiClient;
  networkId: string;
  choices: SignalChoices;
  onSaved: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const styles = useSignalStyles();
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
