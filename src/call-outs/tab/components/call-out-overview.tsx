import {
  Badge,
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CallOutFollowUps } from '../../../tab/components/follow-ups.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CallOutDetail } from '../api/call-out-endpoints.js';
import { GoalCountdown } from './goal-countdown.js';

const useStyles = makeStyles({
  notice: { marginTop: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(240px, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    marginTop: tokens.spacingVerticalL,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    alignContent: 'start',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0, whiteSpace: 'pre-wrap' },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tally: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

/** What happened, where and what is asked, beside the countdown, the progress (sent x of N, answered y) and the tally. */
export function CallOutOverview({ callOut }: { callOut: CallOutDetail }) {
  const t = useT();
  const styles = useStyles();
  const { progress, tally } = callOut;
  const closed = callOut.status === 'closed';
  return (
    <>
      <div className={styles.grid}>
        <dl className={styles.facts}>
          <dt className={styles.term}>{t('callOut.fact.summary')}</dt>
          <dd className={styles.definition}>{callOut.summary}</dd>
          <dt className={styles.term}>{t('callOut.fact.ask')}</dt>
          <dd className={styles.definition}>{callOut.ask}</dd>
          <dt className={styles.term}>{t('callOut.fact.places')}</dt>
          <dd className={styles.definition}>{callOut.places.map((place) => place.name).join(', ')}</dd>
          <dt className={styles.term}>{t('callOut.fact.communities')}</dt>
          <dd className={styles.definition}>
            {callOut.communities.length > 0
              ? callOut.communities.map((community) => community.name).join(', ')
              : t('callOut.fact.allCommunities')}
          </dd>
        </dl>
        <div className={styles.side}>
          <GoalCountdown goalAt={callOut.goalAt} closed={closed} />
          <Field
            label={t('callOut.progress.label')}
            hint={t('callOut.progress.text', {
              sent: progress.sent,
              recipients: progress.recipients,
              answered: progress.answered,
            })}
          >
            <ProgressBar
              value={progress.recipients === 0 ? 0 : progress.sent / progress.recipients}
              thickness="large"
            />
          </Field>
          <div>
            <Text weight="semibold" as="h2" size={300} id="call-out-tally">
              {t('callOut.tally.label')}
            </Text>
            <ul className={styles.tally} aria-labelledby="call-out-tally">
              <li>
                <Badge appearance="tint" color="success" shape="rounded">
                  {t('callOut.tally.coming', { count: tally.coming })}
                </Badge>
              </li>
              <li>
                <Badge appearance="tint" color="brand" shape="rounded">
                  {t('callOut.tally.callingAllies', { count: tally.callingAllies })}
                </Badge>
              </li>
              <li>
                <Badge appearance="tint" color="subtle" shape="rounded">
                  {t('callOut.tally.unavailable', { count: tally.unavailable })}
                </Badge>
              </li>
              <li>
                <Badge appearance="tint" color="warning" shape="rounded">
                  {t('callOut.tally.pending', { count: tally.pending })}
                </Badge>
              </li>
            </ul>
          </div>
        </div>
      </div>
      {progress.unreachable > 0 && !closed && (
        <MessageBar intent="warning" className={styles.notice}>
          <MessageBarBody>
            <MessageBarTitle>
              {t('callOut.unreachable.title', { count: progress.unreachable })}
            </MessageBarTitle>
            {t('callOut.unreachable.body')}
          </MessageBarBody>
        </MessageBar>
      )}
      {closed && (
        <MessageBar intent="info" className={styles.notice}>
          <MessageBarBody>
            <MessageBarTitle>{t('callOut.closed.title')}</MessageBarTitle>
            <Body1 as="span">{callOut.evaluationNote}</Body1>
          </MessageBarBody>
        </MessageBar>
      )}
      {closed && <CallOutFollowUps followUps={callOut.followUps} />}
    </>
  );
}
