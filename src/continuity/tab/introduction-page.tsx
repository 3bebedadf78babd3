import {
  Badge,
  Body1,
  Caption1,
  Checkbox,
  makeStyles,
  ProgressBar,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import type { Me } from '../../tab/api/endpoints.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { Section } from '../../tab/components/section.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { amsterdamToday, dayAtNoon } from '../../tab/i18n/amsterdam-time.js';
import { useT } from '../../tab/i18n/use-t.js';
import { meetingsHref, networkHref, networkSubPageHref } from '../../tab/routing/network-paths.js';
import { RouterLink } from '../../tab/routing/router-link.js';
import { usePathname } from '../../tab/routing/use-pathname.js';
import { INTRODUCTION_DUE_WEEKS } from '../constants.js';
import {
  getIntroductions,
  type Introduction,
  type IntroductionList,
  putIntroductionItem,
} from './introduction-endpoints.js';
import { introductionFromPath } from './introduction-routes.js';
import { NetworkSubPage } from './network-sub-page.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progress: { display: 'grid', gap: tokens.spacingVerticalXS, maxWidth: '420px' },
  heading: { margin: 0 },
});

type Item = Introduction['items'][number];

/**
 * Introductie (`/netwerken/{id}/introductie`): the checklist of a newcomer to the network (issue 19): read the
 * network page and crisis sheet, meet each ally, be introduced at the next meeting, know the call-out procedure.
 * A coordinator sees every newcomer's progress; other staff see their own. The server decides who may tick.
 */
export function IntroductionPage({ api, me }: { api: ApiClient; me: Me }) {
  const networkId = introductionFromPath(usePathname())?.networkId ?? '';
  const t = useT();
  const styles = useStyles();
  const load = useCallback(() => getIntroductions(api, networkId), [api, networkId]);
  const { state, retry } = useAsync(load);
  const [changed, setChanged] = useState<IntroductionList | null>(null);
  const networkName = me.roles.find((role) => role.networkId === networkId)?.networkName ?? null;
  const title = networkName ? t('intro.pageTitle', { network: networkName }) : t('intro.title');
  useDocumentTitle(`${title} – ${t('app.name')}`);
  const search = window.location.search;
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
      {(loaded) => {
        const list = changed ?? loaded;
        const replaceOne = (next: Introduction) =>
          setChanged({
            ...list,
            introductions: list.introductions.map((i) => (i.userId === next.userId ? next : i)),
          });
        return (
          <>
            <Title1 as="h1">{title}</Title1>
            <Body1 className={styles.hint}>{t('intro.intro', { weeks: INTRODUCTION_DUE_WEEKS })}</Body1>
            {list.nextMeeting ? (
              <Body1>
                {t('intro.nextMeeting', { date: dayAtNoon(list.nextMeeting.meetingDate) })}{' '}
                <RouterLink href={meetingsHref(networkId, search)}>{t('intro.toMeetings')}</RouterLink>
              </Body1>
            ) : (
              <Body1>{t('intro.noNextMeeting')}</Body1>
            )}
            {list.introductions.length === 0 ? (
              <Body1>{t('intro.none')}</Body1>
            ) : (
              list.introductions.map((introduction) => (
                <Checklist
                  key={introduction.userId}
                  api={api}
                  networkId={networkId}
                  introduction={introduction}
                  own={introduction.userId === me.user.id}
                  nextMeeting={list.nextMeeting}
                  onChanged={replaceOne}
                />
              ))
            )}
          </>
        );
      }}
    </NetworkSubPage>
  );
}

function Checklist(props: {
  api: ApiClient;
  networkId: string;
  introduction: Introduction;
  own: boolean;
  nextMeeting: IntroductionList['nextMeeting'];
  onChanged: (next: Introduction) => void;
}) {
  const { introduction } = props;
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const [busy, setBusy] = useState<string | null>(null);
  const search = window.location.search;
  const labelOf = (item: Item) => {
    if (item.kind === 'ally') return t('intro.item.ally', { name: item.allyName ?? '' });
    return t(`intro.item.${item.key}` as 'intro.item.network-page');
  };
  const linkOf = (item: Item) => {
    if (item.key === 'network-page') return networkHref(props.networkId, search);
    if (item.key === 'crisis-sheet') return networkSubPageHref(props.networkId, 'crisiskaart', search);
    if (item.key === 'meeting') return meetingsHref(props.networkId, search);
    return null;
  };
  const toggle = async (item: Item, done: boolean) => {
    setBusy(item.key);
    const today = amsterdamToday();
    // The introduction is linked to the meeting when it is ticked on the meeting's day.
    const meetingId =
      item.key === 'meeting' && done && props.nextMeeting?.meetingDate === today
        ? props.nextMeeting.id
        : null;
    try {
      const next = await putIntroductionItem(props.api, props.networkId, introduction.userId, item.key, {
        done,
        ...(done ? { doneOn: today } : {}),
        ...(meetingId ? { meetingId } : {}),
      });
      props.onChanged(next);
      feedback.succeed(
        done ? t('intro.ticked', { item: labelOf(item) }) : t('intro.unticked', { item: labelOf(item) }),
      );
    } catch (error) {
      feedback.fail(t('intro.tickFailed'), error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section title={props.own ? t('intro.mine') : t('intro.of', { name: introduction.displayName })}>
      {feedback.toaster}
      <div className={styles.progress}>
        <Body1>
          {t('intro.progress', { done: introduction.done, total: introduction.total })}{' '}
          <Caption1>{t('intro.started', { date: dayAtNoon(introduction.startedOn) })}</Caption1>
        </Body1>
        <ProgressBar
          value={introduction.total === 0 ? 0 : introduction.done / introduction.total}
          aria-label={t('intro.progressOf', { name: introduction.displayName })}
        />
        {introduction.overdue ? (
          <Badge appearance="tint" color="warning">
            {t('intro.overdue', { weeks: INTRODUCTION_DUE_WEEKS })}
          </Badge>
        ) : null}
      </div>
      <ul className={styles.list} aria-label={t('intro.listOf', { name: introduction.displayName })}>
        {introduction.items.map((item) => {
          const link = linkOf(item);
          return (
            <li key={item.key} className={styles.item}>
              <Checkbox
                checked={item.doneOn !== null}
                disabled={!introduction.mayTick || busy !== null}
                label={labelOf(item)}
                onChange={(_event, data) => void toggle(item, data.checked === true)}
              />
              {item.doneOn ? (
                <Caption1>{t('intro.doneOn', { date: dayAtNoon(item.doneOn) })}</Caption1>
              ) : null}
              {link ? (
                <Caption1>
                  <RouterLink href={link}>
                    {t(`intro.open.${item.key}` as 'intro.open.network-page')}
                  </RouterLink>
                </Caption1>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
