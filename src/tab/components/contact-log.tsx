import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import { SIGNAL_CHANNELS, type SignalChannel } from '../../signals/constants.js';
import { addContact, listContacts } from '../../signals/tab/api/signal-endpoints.js';
import { channelMessage } from '../../signals/tab/components/signal-labels.js';
import type { ApiClient } from '../api/client.js';
import { useAsync } from '../hooks/use-async.js';
import { useT } from '../i18n/use-t.js';
import { ErrorState } from './error-state.js';
import { fieldErrorsOf } from './field-errors.js';
import { validation } from './form-ui.js';
import { LoadingState } from './loading-state.js';
import { Section } from './section.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'end',
  },
  gist: { gridColumn: '1 / -1' },
});

/** The person page's contact log: short notes of contacts between meetings; staff who record signals add to it. */
export function ContactLog({ api, personId, canAdd }: { api: ApiClient; personId: string; canAdd: boolean }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const { state, retry, refresh } = useAsync(useCallback(() => listContacts(api, personId), [api, personId]));
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const [draft, setDraft] = useState({ contactedOn: today, channel: 'phone' as SignalChannel, gist: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await addContact(api, personId, draft);
      setDraft({ ...draft, gist: '' });
      setErrors({});
      await refresh();
    } catch (error) {
      setErrors(fieldErrorsOf(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('contacts.title')}>
      <Body1>{t('contacts.intro')}</Body1>
      {canAdd && (
        <form className={styles.form} onSubmit={submit} noValidate aria-label={t('contacts.add')}>
          <Field label={t('contacts.date')} {...validation(errors['body.contactedOn'])}>
            <Input
              type="date"
              value={draft.contactedOn}
              onChange={(_e, d) => setDraft({ ...draft, contactedOn: d.value })}
            />
          </Field>
          <Field label={t('contacts.channel')}>
            <Select
              value={draft.channel}
              onChange={(_e, d) => setDraft({ ...draft, channel: d.value as SignalChannel })}
            >
              {SIGNAL_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(channelMessage[c])}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            className={styles.gist}
            label={t('contacts.gist')}
            required
            {...validation(errors['body.gist'])}
          >
            <Textarea
              value={draft.gist}
              maxLength={2000}
              onChange={(_e, d) => setDraft({ ...draft, gist: d.value })}
            />
          </Field>
          <div>
            <Button type="submit" disabledFocusable={busy}>
              {t('contacts.add')}
            </Button>
          </div>
        </form>
      )}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && (
        <ErrorState title={t('contacts.failed')} error={state.error} onRetry={retry} />
      )}
      {state.status === 'done' &&
        (state.value.length === 0 ? (
          <Body1>{t('contacts.empty')}</Body1>
        ) : (
          <Table aria-label={t('contacts.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('contacts.date')}</TableHeaderCell>
                <TableHeaderCell>{t('contacts.by')}</TableHeaderCell>
                <TableHeaderCell>{t('contacts.channel')}</TableHeaderCell>
                <TableHeaderCell>{t('contacts.gist')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.value.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    {intl.formatDate(`${c.contactedOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}
                  </TableCell>
                  <TableCell>{c.by?.displayName ?? ''}</TableCell>
                  <TableCell>{t(channelMessage[c.channel])}</TableCell>
                  <TableCell>{c.gist}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </Section>
  );
}
