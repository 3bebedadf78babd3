import {
  Badge,
  Body1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { NotFoundOrError } from '../../../tab/components/not-found-or-error.js';
import { Section } from '../../../tab/components/section.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { CallOutDetail } from '../api/call-out-endpoints.js';
import { callOutListHref } from '../call-out-routes.js';
import { AnswerLinkNotice } from '../components/answer-link-notice.js';
import { CallList } from '../components/call-list.js';
import { kindMessage, placeNames, urgencyMessage } from '../components/call-out-labels.js';
import { CallOutOverview } from '../components/call-out-overview.js';
import { CallOutTimeline } from '../components/call-out-timeline.js';
import { CloseCallOut } from '../components/close-call-out.js';
import { ConveneMeeting } from '../components/convene-meeting.js';
import { MyAnswer } from '../components/my-answer.js';
import { RecipientsTable } from '../components/recipients-table.js';
import { type AnswerLinkStatus, useAnswerLink } from '../components/use-answer-link.js';
import { useLiveCallOut } from '../components/use-live-call-out.js';

const useStyles = makeStyles({
  back: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  title: { margin: 0 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  stale: { marginTop: tokens.spacingVerticalM },
});

const urgencyColor = { immediate: 'danger', today: 'warning', 'this-week': 'informative' } as const;

/** Who may close: the starter, coordinators and administrators (the server checks the same). */
const mayClose = (me: Me, callOut: CallOutDetail) =>
  me.isAdministrator ||
  callOut.startedBy === me.user.id ||
  me.roles.some((role) => role.role === 'coordinator');

function CallOutView(props: {
  api: ApiClient;
  me: Me;
  callOut: CallOutDetail;
  stale: boolean;
  onChanged: (callOut: CallOutDetail) => void;
  answerLink: { link: AnswerLinkStatus; used: () => void; refused: (error: unknown) => void };
}) {
  const { api, me, callOut, stale, onChanged, answerLink } = props;
  const { link } = answerLink;
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const feedback = useFeedback();
  const open = callOut.status === 'open';
  const mine = callOut.recipients.find((recipient) => recipient.userId === me.user.id);
  const changed = useCallback(
    (after: CallOutDetail, text: string) => {
      onChanged(after);
      feedback.succeed(text);
    },
    [onChanged, feedback],
  );

  return (
    <>
      {feedback.toaster}
      <Title1 as="h1" className={styles.title}>
        {t('callOut.title', { kind: t(kindMessage[callOut.kind]), places: placeNames(callOut) })}
      </Title1>
      <div className={styles.meta}>
        <Badge appearance="filled" shape="rounded" color={open ? urgencyColor[callOut.urgency] : 'subtle'}>
          {t(urgencyMessage[callOut.urgency])}
        </Badge>
        <Badge appearance="tint" shape="rounded" color={open ? 'brand' : 'informative'}>
          {open ? t('callOut.status.open') : t('callOut.status.closed')}
        </Badge>
        <Body1>
          {t('callOut.started', {
            time: intl.formatDate(callOut.startedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </Body1>
      </div>
      {stale && (
        <MessageBar intent="warning" className={styles.stale}>
          <MessageBarBody>{t('callOut.stale')}</MessageBarBody>
        </MessageBar>
      )}
      <CallOutOverview callOut={callOut} />
      <Section title={t('convene.title')}>
        <ConveneMeeting
          api={api}
          me={me}
          callOut={callOut}
          onConvened={feedback.succeed}
          onFailed={feedback.fail}
        />
      </Section>
      {mine && open && (
        <Section title={t('callOut.myAnswer.title')}>
          <MyAnswer
            api={api}
            callOut={callOut}
            mine={mine.answer}
            onAnswered={changed}
            onFailed={feedback.fail}
            link={
              link.status === 'usable'
                ? { token: link.token, onUsed: answerLink.used, onRefused: answerLink.refused }
                : null
            }
          />
        </Section>
      )}
      <Section title={t('callOut.recipients.title')}>
        <RecipientsTable recipients={callOut.recipients} />
      </Section>
      <Section title={t('callList.title')}>
        <CallList
          api={api}
          callOut={callOut}
          myUserId={me.user.id}
          onRecorded={changed}
          onFailed={feedback.fail}
        />
      </Section>
      <Section title={t('callOutTimeline.title')}>
        <CallOutTimeline api={api} callOut={callOut} onFailed={feedback.fail} />
      </Section>
      {open && mayClose(me, callOut) && (
        <Section title={t('callOutClose.title')}>
          <CloseCallOut api={api} callOut={callOut} onClosed={changed} onFailed={feedback.fail} />
        </Section>
      )}
    </>
  );
}

/** One call-out, followed live: countdown, progress, answers, my answer and calls, timeline, close-out. */
export function CallOutPage({ api, me, callOutId }: { api: ApiClient; me: Me; callOutId: string }) {
  const t = useT();
  const styles = useStyles();
  const { load, callOut, stale, replace } = useLiveCallOut(api, callOutId);
  const answerLink = useAnswerLink(api, callOutId);
  useDocumentTitle(
    `${callOut ? t('callOut.title', { kind: t(kindMessage[callOut.kind]), places: placeNames(callOut) }) : t('callOutList.title')} – ${t('app.name')}`,
  );
  return (
    <>
      <Body1 as="p" className={styles.back}>
        <RouterLink href={callOutListHref(window.location.search)}>{t('callOutList.back')}</RouterLink>
      </Body1>
      <AnswerLinkNotice link={answerLink.link} />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && (
        <NotFoundOrError
          error={load.state.error}
          title={t('callOut.notFoundTitle')}
          body={t('callOut.notFoundBody')}
          onRetry={load.retry}
        />
      )}
      {callOut && (
        <CallOutView
          api={api}
          me={me}
          callOut={callOut}
          stale={stale}
          onChanged={replace}
          answerLink={answerLink}
        />
      )}
    </>
  );
}
