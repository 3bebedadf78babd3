import {
  Badge,
  Body1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CallOutFollowUp } from '../../call-outs/tab/api/call-out-endpoints.js';
import { callOutHref } from '../../call-outs/tab/call-out-routes.js';
import { useMeetingFormat } from '../../meetings/tab/components/meeting-format.js';
import { meetingsHref } from '../../meetings/tab/meeting-routes.js';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  notices: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
});

const BADGE_COLOR = { held: 'success', planned: 'brand', 'to-plan': 'warning', overdue: 'danger' } as const;

function useStatusText() {
  const t = useT();
  const format = useMeetingFormat();
  return (followUp: CallOutFollowUp) => {
    const due = format.dayMonth(followUp.dueOn);
    if (followUp.meeting)
      return t(followUp.status === 'held' ? 'followUp.held' : 'followUp.planned', {
        date: format.longDate(followUp.meeting.startsAt.slice(0, 10)),
        time: format.time(followUp.meeting.startsAt),
      });
    return t(followUp.status === 'overdue' ? 'followUp.overdue' : 'followUp.toPlan', { date: due });
  };
}

/** On a closed call-out: per network it reached, whether the follow-up meeting is planned before the due date. */
export function CallOutFollowUps({ followUps }: { followUps: CallOutFollowUp[] }) {
  const t = useT();
  const styles = useStyles();
  const statusText = useStatusText();
  const search = window.location.search;
  if (followUps.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" className={styles.notices}>
      <MessageBarBody>
        <MessageBarTitle>{t('followUp.title')}</MessageBarTitle>
        <Body1 as="p">{t('followUp.intro')}</Body1>
        <ul className={styles.list}>
          {followUps.map((followUp) => (
            <li key={followUp.networkId} className={styles.item}>
              <RouterLink href={meetingsHref(followUp.networkId, search)}>{followUp.networkName}</RouterLink>
              <Badge appearance="tint" shape="rounded" color={BADGE_COLOR[followUp.status]}>
                {t(`followUp.status.${followUp.status}`)}
              </Badge>
              <Body1 as="span">{statusText(followUp)}</Body1>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** On a network's meetings page: the closed call-outs it still has to meet about. */
export function NetworkFollowUps({ followUps }: { followUps: CallOutFollowUp[] }) {
  const t = useT();
  const styles = useStyles();
  const statusText = useStatusText();
  const search = window.location.search;
  if (followUps.length === 0) return null;
  return (
    <div className={styles.notices}>
      {followUps.map((followUp) => (
        <MessageBar
          key={followUp.callOutId}
          intent={
            followUp.status === 'planned' ? 'info' : followUp.status === 'overdue' ? 'error' : 'warning'
          }
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>{t('followUp.networkTitle')}</MessageBarTitle>
            {statusText(followUp)}{' '}
            <RouterLink href={callOutHref(followUp.callOutId, search)}>{t('followUp.toCallOut')}</RouterLink>
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
