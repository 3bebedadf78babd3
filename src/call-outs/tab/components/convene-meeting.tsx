import {
  Body1,
  Button,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { hrefOf } from '../../../tab/routing/routes.js';
import type { CallOutDetail } from '../api/call-out-endpoints.js';
import { type CallOutMeeting, conveneCallOut, getCallOutMeeting } from '../api/convene-endpoints.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
});

const DURATIONS = [60, 90, 120] as const;

/** Convening is acting for the network (the server checks the same): coordinators, members, administrators. */
export const mayConvene = (me: Me) =>
  me.isAdministrator || me.roles.some((role) => role.role === 'coordinator' || role.role === 'member');

/**
 * *Bijeenkomst nu*: how many are on their way, the meeting's join link once it exists (locally a
 * placeholder, said so), and the button. Read again whenever the call-out's version changes.
 */
export function ConveneMeeting(props: {
  api: ApiClient;
  me: Me;
  callOut: CallOutDetail;
  onConvened: (text: string) => void;
  onFailed: (title: string, error: unknown) => void;
}) {
  const { api, me, callOut, onConvened, onFailed } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const [duration, setDuration] = useState<number>(90);
  const [busy, setBusy] = useState(false);
  // What convening answered, shown until the next read has caught up with it.
  const [convened, setConvened] = useState<CallOutMeeting | null>(null);
  const open = callOut.status === 'open';

  // Through useAsync, so the answer start-up asked for with the call-out (first-page-data.ts) shows in the page's
  // first render instead of one commit later (issue 21).
  const load = useCallback(() => getCallOutMeeting(api, callOut.id), [api, callOut.id]);
  const { state: loaded, refresh } = useAsync(load);
  const failedLoad = loaded.status === 'failed' ? loaded.error : null;
  useEffect(() => {
    if (failedLoad !== null) onFailed(t('convene.loadFailed'), failedLoad);
  }, [failedLoad, onFailed, t]);

  // A new version means new answers, calls or the meeting: read again, keeping what is shown until it arrives.
  const readVersion = useRef(callOut.version);
  useEffect(() => {
    if (callOut.version === readVersion.current) return;
    readVersion.current = callOut.version;
    refresh().then(
      () => setConvened(null),
      (error: unknown) => onFailed(t('convene.loadFailed'), error),
    );
  }, [callOut.version, refresh, onFailed, t]);

  const convene = async () => {
    setBusy(true);
    try {
      setConvened(await conveneCallOut(api, callOut.id, { durationMinutes: duration }));
      onConvened(t('convene.created'));
    } catch (error) {
      onFailed(t('convene.failed'), error);
    } finally {
      setBusy(false);
    }
  };

  const state = convened ?? (loaded.status === 'done' ? loaded.value : null);
  if (!state) return null;
  const { meeting } = state;
  return (
    <div className={styles.root}>
      <Body1 className={styles.count} aria-live="polite">
        {t('convene.onTheWay', {
          total: state.onTheWay.total,
          staff: state.onTheWay.staff,
          allies: state.onTheWay.allies,
        })}
      </Body1>
      {!meeting && <Body1>{t('convene.none')}</Body1>}
      {meeting?.state === 'created' && (
        <>
          <Body1>
            {t('convene.start', { time: intl.formatTime(meeting.start, { timeStyle: 'short' }) })}
          </Body1>
          {meeting.joinUrl && (
            <Body1>
              <Link href={meeting.joinUrl} target="_blank" rel="noreferrer">
                {t('convene.join')}
              </Link>
            </Body1>
          )}
          <Body1>
            {t('convene.mail', {
              sent: state.mail.sent,
              failed: state.mail.failed,
              withoutAddress: state.mail.withoutAddress,
            })}
          </Body1>
        </>
      )}
      {meeting && meeting.state !== 'created' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('convene.pending')}</MessageBarBody>
        </MessageBar>
      )}
      {meeting?.joinUrlIsLocal && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('convene.local')}{' '}
            <RouterLink href={hrefOf('local-outbox', window.location.search)}>
              {t('convene.toOutbox')}
            </RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
      {open && mayConvene(me) && (
        <>
          {!meeting && <Body1>{t('convene.intro')}</Body1>}
          <div className={styles.row}>
            {!meeting && (
              <Field label={t('convene.duration')}>
                <Dropdown
                  value={t('convene.minutes', { minutes: duration })}
                  selectedOptions={[String(duration)]}
                  onOptionSelect={(_event, data) => setDuration(Number(data.optionValue))}
                >
                  {DURATIONS.map((minutes) => (
                    <Option key={minutes} value={String(minutes)}>
                      {t('convene.minutes', { minutes })}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            )}
            <Button appearance={meeting ? 'secondary' : 'primary'} onClick={convene} disabledFocusable={busy}>
              {meeting ? t('convene.buttonAgain') : t('convene.button')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
