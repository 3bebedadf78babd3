import { Body1, Link, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useT } from '../i18n/use-t.js';
import { MEETING_PANEL_PATH } from '../routing/routes.js';
import type { TeamsBridge } from '../teams/teams-bridge.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  title: { margin: 0 },
});

/** The page Teams uses for the channel tab's configuration dialog: it lets Teams save a tab that shows the overview. */
export function ConfigPage({ teams }: { teams: TeamsBridge | null }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(t('config.documentTitle'));
  const tabName = t('config.tabName');
  const saveFailed = t('config.saveFailed');

  const inMeeting = Boolean(teams?.meetingThreadId);

  useEffect(() => {
    // In a meeting the tab is the side panel for that meeting; in a channel or chat it is the overview.
    teams?.enableTabSave(
      inMeeting
        ? {
            contentUrl: `${window.location.origin}${MEETING_PANEL_PATH}?inTeams=1`,
            entityId: 'meeting-panel',
            suggestedDisplayName: tabName,
          }
        : {
            contentUrl: `${window.location.origin}/?inTeams=1`,
            entityId: 'overview',
            suggestedDisplayName: tabName,
          },
      saveFailed,
    );
  }, [teams, inMeeting, tabName, saveFailed]);

  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.title}>
        {t('config.title')}
      </Title1>
      {teams ? (
        <Body1>{t(inMeeting ? 'config.inMeeting' : 'config.inTeams')}</Body1>
      ) : (
        <>
          <Body1>{t('config.notInTeams')}</Body1>
          <Body1>
            <Link href="/">{t('config.toOverview')}</Link>
          </Body1>
        </>
      )}
    </div>
  );
}
