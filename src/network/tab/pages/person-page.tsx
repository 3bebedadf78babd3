import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { ContactLog } from '../../../tab/components/contact-log.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { NotFoundOrError } from '../../../tab/components/not-found-or-error.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkSubPageHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import {
  endRelation,
  type FarewellResult,
  getPerson,
  getPersonHistory,
  listRelations,
  type PersonChange,
  type PersonDetail,
  type Relation,
} from '../api/network-endpoints.js';
import { AddRelationDialog } from '../people/add-relation-dialog.js';
import { FarewellDialog } from '../people/farewell-dialog.js';
import { FarewellFacts } from '../people/farewell-facts.js';
import { HistoryTable } from '../people/history-table.js';
import { PersonFacts } from '../people/person-facts.js';
import { PersonFormDialog } from '../people/person-form-dialog.js';
import { kindMessage, warningText } from '../people/person-labels.js';
import { RelationList } from '../people/relation-list.js';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    marginBottom: tokens.spacingVerticalXL,
  },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * The end date of a relation ended now: yesterday (in the user's zone), the last day it held, because the server
 * counts a relation as ended only once its `until` lies before today. Never before its start, which the API refuses.
 */
function endDateFor(relation: Relation): string {
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`;
  return relation.since && relation.since > date ? relation.since : date;
}

/** Whether the user records contacts with this person: coordinator, member or secretary of one of its networks. */
function recordsContacts(me: Me, person: PersonDetail): boolean {
  return me.roles.some(
    (role) => role.role !== 'viewer' && person.networks.some((network) => network.id === role.networkId),
  );
}

/** True when the user coordinates one of the person's networks (and so may change them). */
function coordinates(me: Me, person: PersonDetail): boolean {
  return me.roles.some(
    (role) => role.role === 'coordinator' && person.networks.some((network) => network.id === role.networkId),
  );
}

function Relations(props: { api: ApiClient; person: PersonDetail; canEdit: boolean; onChanged: () => void }) {
  const { api, person, canEdit, onChanged } = props;
  const t = useT();
  const feedback = useFeedback();
  const { state, retry } = useAsync(useCallback(() => listRelations(api, person.id), [api, person.id]));
  const [shown, setShown] = useState<Relation[] | null>(null);
  const relations = shown ?? (state.status === 'done' ? state.value : null);
  const end = async (relation: Relation) => {
    setShown(await endRelation(api, person.id, relation.id, endDateFor(relation)));
    feedback.succeed(t('relations.endedToast'));
    onChanged();
  };
  return (
    <Section
      title={t('relations.title')}
      actions={
        canEdit && (
          <AddRelationDialog
            api={api}
            person={person}
            onAdded={(next) => {
              setShown(next);
              feedback.succeed(t('relations.added'));
              onChanged();
            }}
          />
        )
      }
    >
      {state.status === 'loading' && !relations && <LoadingState />}
      {state.status === 'failed' && !relations && <ErrorState error={state.error} onRetry={retry} />}
      {relations && <RelationList relations={relations} canEnd={canEdit} onEnd={end} />}
      {feedback.toaster}
    </Section>
  );
}

function History({ api, personId, version }: { api: ApiClient; personId: string; version: number }) {
  const t = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` reloads the history after each change.
  const load = useCallback(() => getPersonHistory(api, personId), [api, personId, version]);
  const { state, retry } = useAsync(load);
  return (
    <Section title={t('history.title')}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'done' && <HistoryTable entries={state.value} />}
    </Section>
  );
}

function PersonContent(props: {
  api: ApiClient;
  me: Me;
  person: PersonDetail;
  onChange: (p: PersonDetail) => void;
}) {
  const { api, me, person, onChange } = props;
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const [warnings, setWarnings] = useState<PersonChange['warnings']>([]);
  const [historyKey, setHistoryKey] = useState(0);
  const [invitationFailures, setInvitationFailures] = useState(0);
  const [farewellRequest, setFarewellRequest] = useState(0);
  const canEdit = coordinates(me, person);
  useDocumentTitle(t('personPage.documentTitle', { name: person.displayName }));

  const saved = (result: PersonChange, message: string) => {
    onChange(result.person);
    setWarnings(result.warnings);
    setHistoryKey((n) => n + 1);
    feedback.succeed(message);
  };
  // Someone becomes an ally only through selection, approved by both parties (issue 16).
  const selectionNetworkId = person.networks.find((network) =>
    me.roles.some((role) => role.role === 'coordinator' && role.networkId === network.id),
  )?.id;
  const farewellDone = async (result: FarewellResult) => {
    const { updated, failed } = result.invitations;
    saved(
      { person: await getPerson(api, person.id), warnings: [] },
      t('farewell.done', { name: person.displayName, count: updated }),
    );
    setInvitationFailures(failed);
  };

  return (
    <>
      <div className={styles.top}>
        <div className={styles.titleRow}>
          <div className={styles.title}>
            <Title1 as="h1" className={styles.heading}>
              {person.displayName}
            </Title1>
            <Badge appearance="tint" shape="rounded" color={person.kind === 'ally' ? 'brand' : 'informative'}>
              {t(kindMessage[person.kind])}
            </Badge>
            {person.isProfessional && (
              <Badge appearance="tint" shape="rounded" color="warning">
                {t('people.professional')}
              </Badge>
            )}
          </div>
          {canEdit && (
            <div className={styles.actions}>
              {person.kind === 'key_figure' && selectionNetworkId && (
                <RouterLink href={networkSubPageHref(selectionNetworkId, 'selectie', window.location.search)}>
                  {t('personPage.makeAllyViaSelection')}
                </RouterLink>
              )}
              {(person.kind === 'ally' || person.kind === 'key_figure') && (
                <FarewellDialog
                  api={api}
                  person={person}
                  onDone={farewellDone}
                  openRequest={farewellRequest}
                />
              )}
              <PersonFormDialog
                api={api}
                mode={{ kind: 'edit', person }}
                onFarewell={
                  person.kind === 'ally' || person.kind === 'key_figure'
                    ? () => setFarewellRequest((n) => n + 1)
                    : undefined
                }
                trigger={<Button>{t('personPage.edit')}</Button>}
                onSaved={(result) =>
                  saved(result, t('personPage.saved', { name: result.person.displayName }))
                }
              />
            </div>
          )}
        </div>
        {invitationFailures > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('farewell.invitationsFailed', { count: invitationFailures })}</MessageBarBody>
          </MessageBar>
        )}
        {warnings.map((warning) => (
          <MessageBar key={warning.code} intent="warning">
            <MessageBarBody>{warningText(warning, t)}</MessageBarBody>
          </MessageBar>
        ))}
      </div>
      <PersonFacts person={person} />
      {(person.kind === 'former_ally' || person.kind === 'former_key_figure') && (
        <FarewellFacts api={api} personId={person.id} version={person.version} />
      )}
      <Relations api={api} person={person} canEdit={canEdit} onChanged={() => setHistoryKey((n) => n + 1)} />
      <History api={api} personId={person.id} version={historyKey} />
      <ContactLog api={api} personId={person.id} canAdd={recordsContacts(me, person)} />
      {feedback.toaster}
    </>
  );
}

/** A person's page (`/personen/{id}`): details with contact data, relations and history; coordinators edit. */
export function PersonPage({ api, me, personId }: { api: ApiClient; me: Me; personId: string }) {
  const t = useT();
  const { state, retry } = useAsync(useCallback(() => getPerson(api, personId), [api, personId]));
  const [changed, setChanged] = useState<PersonDetail | null>(null);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed')
    return (
      <NotFoundOrError
        error={state.error}
        title={t('personPage.notFoundTitle')}
        body={t('personPage.notFoundBody')}
        onRetry={retry}
      />
    );
  const person = changed?.id === personId && changed.version >= state.value.version ? changed : state.value;
  return <PersonContent api={api} me={me} person={person} onChange={setChanged} />;
}
