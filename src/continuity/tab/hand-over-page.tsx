import {
  Body1,
  Button,
  Field,
  makeStyles,
  Select,
  Textarea,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import { ApiError } from '../../tab/api/api-error.js';
import type { ApiClient } from '../../tab/api/client.js';
import type { Me } from '../../tab/api/endpoints.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import { validation } from '../../tab/components/form-ui.js';
import { Section } from '../../tab/components/section.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { dayAtNoon } from '../../tab/i18n/amsterdam-time.js';
import { useT } from '../../tab/i18n/use-t.js';
import { usePathname } from '../../tab/routing/use-pathname.js';
import { MAX_HAND_OVER_NOTE } from '../constants.js';
import { getHandOver, type HandOver, postHandOver } from './hand-over-endpoints.js';
import { handOverFromPath } from './hand-over-routes.js';
import { NetworkSubPage } from './network-sub-page.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '520px' },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * Overdracht (`/netwerken/{id}/overdracht/{userId}`): what a staff member who leaves the network still holds
 * (open meeting actions, running signal follow-ups, allies to call in open call-outs, back-up duties) and a
 * form that moves all of it to one colleague in one step, with a note for the successor. Coordinators and
 * administrators; the server refuses others.
 */
export function HandOverPage({ api, me }: { api: ApiClient; me: Me }) {
  const route = handOverFromPath(usePathname());
  const networkId = route?.networkId ?? '';
  const userId = route?.userId ?? '';
  const t = useT();
  const styles = useStyles();
  const load = useCallback(() => getHandOver(api, networkId, userId), [api, networkId, userId]);
  const { state: loaded, retry } = useAsync(load);
  // After a hand-over the page shows the server's fresh answer in place, so the form and its toast stay.
  const [changed, setChanged] = useState<HandOver | null>(null);
  const state = changed && loaded.status === 'done' ? { status: 'done' as const, value: changed } : loaded;
  const reload = async () => setChanged(await getHandOver(api, networkId, userId));
  const networkName = me.roles.find((role) => role.networkId === networkId)?.networkName ?? null;
  const name = state.status === 'done' ? state.value.displayName : null;
  const heading = name ? t('handOver.title', { name }) : t('handOver.titlePlain');
  useDocumentTitle(
    `${name && networkName ? t('handOver.pageTitle', { name, network: networkName }) : heading} – ${t('app.name')}`,
  );
  return (
    <NetworkSubPage
      state={state}
      networkId={networkId}
      networkName={networkName}
      className={styles.page}
      onRetry={() => {
        setChanged(null);
        retry();
      }}
    >
      {(handOver) => (
        <>
          <Title1 as="h1">{heading}</Title1>
          <Body1 className={styles.hint}>
            {handOver.hasRole
              ? t('handOver.intro', { name: handOver.displayName })
              : t('handOver.noRole', { name: handOver.displayName })}
          </Body1>
          <Items handOver={handOver} />
          {handOver.lastHandOver && (
            <Body1 as="p" className={styles.hint}>
              {t('handOver.last', {
                name: handOver.lastHandOver.toName,
                date: new Date(handOver.lastHandOver.handedOverAt),
              })}
              {handOver.lastHandOver.note
                ? ` ${t('handOver.lastNote', { note: handOver.lastHandOver.note })}`
                : ''}
            </Body1>
          )}
          <HandOverForm api={api} networkId={networkId} handOver={handOver} onDone={reload} />
        </>
      )}
    </NetworkSubPage>
  );
}

/** The four kinds of items, each a short list; an empty kind says so. */
function Items({ handOver }: { handOver: HandOver }) {
  const t = useT();
  const styles = useStyles();
  const list = (items: string[]) =>
    items.length === 0 ? (
      <Body1>{t('handOver.none')}</Body1>
    ) : (
      <ul className={styles.list}>
        {items.map((item, index) => (
          // Labels may repeat (two allies of the same name): the position keeps the keys apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that is replaced as a whole
          <li key={index}>
            <Body1>{item}</Body1>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <Section title={t('handOver.actions', { count: handOver.actions.length })}>
        {list(
          handOver.actions.map((a) =>
            a.dueOn ? `${a.description} (${t('handOver.due', { date: dayAtNoon(a.dueOn) })})` : a.description,
          ),
        )}
      </Section>
      <Section title={t('handOver.followUps', { count: handOver.followUps.length })}>
        {list(
          handOver.followUps.map((f) =>
            t('handOver.followUp', { received: dayAtNoon(f.receivedOn), due: dayAtNoon(f.dueOn) }),
          ),
        )}
      </Section>
      <Section title={t('handOver.calls', { count: handOver.calls.length })}>
        {list(handOver.calls.map((c) => c.displayName))}
      </Section>
      <Section title={t('handOver.backups', { count: handOver.backups.length })}>
        {list(handOver.backups.map((b) => b.displayName))}
      </Section>
    </>
  );
}

function HandOverForm(props: {
  api: ApiClient;
  networkId: string;
  handOver: HandOver;
  onDone: () => Promise<void>;
}) {
  const { handOver } = props;
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const [toUserId, setToUserId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (handOver.successors.length === 0)
    return (
      <Section title={t('handOver.form.title')}>
        <Body1>{t('handOver.form.noSuccessor')}</Body1>
      </Section>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (toUserId === '') {
      setErrors({ 'body.toUserId': t('handOver.form.required') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const trimmed = note.trim();
      const result = await postHandOver(props.api, props.networkId, handOver.userId, {
        toUserId,
        fingerprint: handOver.fingerprint,
        ...(trimmed ? { note: trimmed } : {}),
      });
      const successor = handOver.successors.find((s) => s.userId === result.toUserId)?.displayName ?? '';
      feedback.succeed(t('handOver.done', { name: successor, ...result.moved }));
      setNote('');
      setToUserId('');
      await props.onDone().catch(() => undefined);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        feedback.fail(t('handOver.form.changed'), failure);
        await props.onDone().catch(() => undefined);
      } else {
        const fields = fieldErrorsOf(failure, t);
        setErrors(fields);
        if (Object.keys(fields).length === 0) feedback.fail(t('handOver.form.failed'), failure);
      }
    } finally {
      setBusy(false);
    }
  };
  const empty =
    handOver.actions.length + handOver.followUps.length + handOver.calls.length + handOver.backups.length ===
    0;
  return (
    <Section title={t('handOver.form.title')}>
      {feedback.toaster}
      {empty && (
        <Body1 className={styles.hint}>{t('handOver.nothing', { name: handOver.displayName })}</Body1>
      )}
      <form className={styles.form} onSubmit={submit} aria-label={t('handOver.form.title')} noValidate>
        <Field label={t('handOver.form.successor')} required {...validation(errors['body.toUserId'])}>
          <Select value={toUserId} onChange={(_e, data) => setToUserId(data.value)}>
            <option value="">{t('handOver.form.choose')}</option>
            {handOver.successors.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('handOver.form.note')} {...validation(errors['body.note'])}>
          <Textarea
            value={note}
            maxLength={MAX_HAND_OVER_NOTE}
            onChange={(_e, data) => setNote(data.value)}
          />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('handOver.form.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
