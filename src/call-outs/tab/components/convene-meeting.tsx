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
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
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
  const [state, setState] = useState<CallOutMeeting | null>(null);
  const [duration, setDuration] = useState<number>(90);
  const [busy, setBusy] = useState(false);
  const open = callOut.status === 'open';

  const read = useCallback(
    () =>
      getCallOutMeeting(api, callOut.id).then(setState, (error: unknown) =>
        onFailed(t('convene.loadFailed'), error),
      ),
    [api, callOut.id, onFailed, t],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version means new answers, calls or the meeting.
  useEffect(() => {
    void read();
  }, [read, callOut.version]);

  const convene = async () => {
    setBusy(true);
    try {
      setState(await conveneCallOut(api, callOut.id, { durationMinutes: duration }));
      onConvened(t('convene.created'));
    } catch (error) {
      onFailed(t('convene.failed'), error);
    } finally {
      setBusy(false);
    }
  };

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
