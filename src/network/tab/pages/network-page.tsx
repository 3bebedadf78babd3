import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { NextMeeting } from '../../../tab/components/next-meeting.js';
import { NotFoundOrError } from '../../../tab/components/not-found-or-error.js';
import { Section } from '../../../tab/components/section.js';
import { OpenSignalFollowUps } from '../../../tab/components/signal-follow-ups.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { handOverHref } from '../../../tab/routing/network-paths.js';
import {
  getNetwork,
  type NetworkDetail,
  type NetworkStaff,
  type NetworkWarning,
  type PersonChange,
  type PersonSummary,
  setStaffBackup,
} from '../api/network-endpoints.js';
import { CommunitiesCovered } from '../components/communities-covered.js';
import { EvaluationNotice } from '../components/evaluation-notice.js';
import { GrowthIndicator } from '../components/growth-indicator.js';
import { NetworkHeader } from '../components/network-header.js';
import { NetworkStaffTable } from '../components/network-staff-table.js';
import { NetworkSubPages } from '../components/network-sub-pages.js';
import { NetworkWarnings } from '../components/network-warnings.js';
import { PeopleTable } from '../people/people-table.js';
import { PersonFormDialog } from '../people/person-form-dialog.js';
import { warningText } from '../people/person-labels.js';

const useStyles = makeStyles({
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  headerRow: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
  },
});

function PeopleSection(props: {
  title: string;
  people: PersonSummary[] | NetworkDetail['formerAllies'];
  empty: MessageId;
  withFarewell?: boolean;
}) {
  const t = useT();
  return (
    <Section title={props.title}>
      {props.people.length === 0 ? (
        <Body1>{t(props.empty)}</Body1>
      ) : (
        <PeopleTable
          people={props.people}
          caption={t('networkPage.peopleCount', { count: props.people.length })}
          withFarewell={props.withFarewell ?? false}
        />
      )}
    </Section>
  );
}

function NetworkContent(props: { api: ApiClient; network: NetworkDetail; reload: () => Promise<void> }) {
  const { api, network, reload } = props;
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const [saveWarnings, setSaveWarnings] = useState<NetworkWarning[]>([]);
  const isCoordinator = network.myRole === 'coordinator';
  useDocumentTitle(t('networkPage.documentTitle', { network: network.name }));

  const added = async (result: PersonChange) => {
    setSaveWarnings(result.warnings);
    await reload().catch(() => undefined);
    feedback.succeed(t('networkPage.added', { name: result.person.displayName }));
  };
  const changeBackup = async (member: NetworkStaff, backupUserId: string | null) => {
    try {
      await setStaffBackup(api, network.id, member.userId, backupUserId);
      await reload().catch(() => undefined);
      const backup = network.staff.find((other) => other.userId === backupUserId)?.displayName;
      feedback.succeed(
        backup
          ? t('staff.backupChanged', { backup, name: member.displayName })
          : t('staff.backupCleared', { name: member.displayName }),
      );
    } catch (error) {
      feedback.fail(t('staff.backupFailed', { name: member.displayName }), error);
    }
  };

  return (
    <>
      <div className={styles.top}>
        <div className={styles.headerRow}>
          <NetworkHeader network={network} />
          {isCoordinator && (
            <PersonFormDialog
              api={api}
              mode={{ kind: 'create', networkId: network.id, networkName: network.name }}
              trigger={<Button appearance="primary">{t('networkPage.addPerson')}</Button>}
              onSaved={added}
            />
          )}
        </div>
        <NetworkSubPages networkId={network.id} myRole={network.myRole} />
        <EvaluationNotice api={api} networkId={network.id} />
        <GrowthIndicator allies={network.allies.length} limits={network.limits} />
        <NextMeeting api={api} networkId={network.id} />
        {saveWarnings.map((warning) => (
          <MessageBar key={`saved-${warning.code}`} intent="warning">
            <MessageBarBody>{warningText(warning, t)}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => setSaveWarnings([])}>{t('common.close')}</Button>
            </MessageBarActions>
          </MessageBar>
        ))}
        <NetworkWarnings warnings={network.warnings} staff={network.staff} />
      </div>
      <PeopleSection title={t('networkPage.allies')} people={network.allies} empty="networkPage.noAllies" />
      <PeopleSection
        title={t('networkPage.keyFigures')}
        people={network.keyFigures}
        empty="networkPage.noKeyFigures"
      />
      <PeopleSection
        title={t('networkPage.formerAllies')}
        people={network.formerAllies}
        empty="networkPage.noFormerAllies"
        withFarewell
      />
      <Section title={t('networkPage.staff')}>
        <NetworkStaffTable
          staff={network.staff}
          canChangeBackup={isCoordinator}
          onBackupChange={changeBackup}
          handOverHref={
            isCoordinator ? (userId) => handOverHref(network.id, userId, window.location.search) : null
          }
        />
      </Section>
      <Section title={t('networkPage.communities')}>
        <CommunitiesCovered communities={network.communitiesCovered} />
      </Section>
      {/* Signals stay with the network's own staff: administrators without a role here do not ask. */}
      {network.myRole && <OpenSignalFollowUps api={api} networkId={network.id} />}
      {feedback.toaster}
    </>
  );
}

/** A network's page (`/netwerken/{id}`): its people, staff, communities and warnings, and adding a person. */
export function NetworkPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const { state, retry, refresh } = useAsync(useCallback(() => getNetwork(api, networkId), [api, networkId]));
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed')
    return (
      <NotFoundOrError
        error={state.error}
        title={t('networkPage.notFoundTitle')}
        body={t('networkPage.notFoundBody')}
        onRetry={retry}
      />
    );
  return <NetworkContent api={api} network={state.value} reload={refresh} />;
}
