import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { Facts } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type ErasureReason,
  type ErasureResult,
  findPeople,
  type PrivacyPersonHit,
} from '../api/privacy-endpoints.js';
import { EraseDialog, EraseReasonForm, type ErasureTarget } from '../components/erase-person.js';
import { ConsentWithdrawal, InzageDownload } from '../components/person-rights.js';
import { PersonResults, PersonSearchForm } from '../components/person-search.js';
import { erasureReasonLabel, legalBasisLabel, personKindLabel } from '../components/privacy-labels.js';

const useStyles = makeStyles({
  intro: { maxWidth: '800px' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '800px' },
});

type Search =
  | { status: 'idle' }
  | { status: 'loading'; q: string }
  | { status: 'failed'; q: string; error: unknown }
  | { status: 'done'; q: string; hits: PrivacyPersonHit[] };

/** The chosen person's facts: kind, networks, legal basis and consent (the API gives no contact data). */
function PersonFacts({ person }: { person: PrivacyPersonHit }) {
  const t = useT();
  const intl = useIntl();
  // A calendar day, read at noon UTC so no time zone moves it.
  const day = (date: string | null) =>
    date === null
      ? t('privacy.person.notRecorded')
      : intl.formatDate(`${date}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <Facts
      items={[
        { term: t('privacy.preview.kind'), value: t(personKindLabel(person.kind)) },
        {
          term: t('privacy.person.networks'),
          value:
            person.networks.length > 0
              ? person.networks.map((network) => network.name).join(', ')
              : t('privacy.person.noNetwork'),
        },
        { term: t('privacy.person.legalBasis'), value: t(legalBasisLabel(person.legalBasis)) },
        {
          term: t('privacy.person.consentDate'),
          value: day(person.consentDate),
        },
        {
          term: t('privacy.person.withdrawnOn'),
          value: day(person.consentWithdrawnOn),
        },
      ]}
    />
  );
}

/**
 * Beheer → Privacy → Persoon: find a person of the municipality, then inzage, consent withdrawal and erasure.
 * After an erasure the search runs again, so the administrator sees the person is no longer found.
 */
export function PersonPrivacyPage({ api }: { api: ApiClient }) {
  const t = useT();
  const styles = useStyles();
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [chosen, setChosen] = useState<PrivacyPersonHit | null>(null);
  const [erased, setErased] = useState<{ name: string; reason: ErasureReason; result: ErasureResult } | null>(
    null,
  );
  const [confirming, setConfirming] = useState<ErasureTarget | null>(null);

  const run = async (q: string) => {
    setSearch({ status: 'loading', q });
    try {
      const hits = await findPeople(api, q);
      setSearch({ status: 'done', q, hits });
      setChosen((current) => hits.find((hit) => hit.id === current?.id) ?? null);
    } catch (error) {
      setSearch({ status: 'failed', q, error });
    }
  };

  const changed = erased
    ? [...erased.result.released, ...erased.result.erased].reduce((sum, item) => sum + item.changed, 0)
    : 0;

  return (
    <>
      <Section title={t('privacy.person.title')}>
        <Body1 className={styles.intro}>{t('privacy.person.intro')}</Body1>
        <PersonSearchForm
          busy={search.status === 'loading'}
          onSearch={(q) => {
            setErased(null);
            void run(q);
          }}
        />
        {erased && (
          <MessageBar intent={erased.result.failed.length > 0 ? 'warning' : 'success'}>
            <MessageBarBody>
              {t('privacy.erase.done', { name: erased.name, reason: t(erasureReasonLabel(erased.reason)) })}{' '}
              {t('privacy.erase.doneDetail', { changed })}
              {erased.result.failed.length > 0 &&
                ` ${t('privacy.failedHolders', { holders: erased.result.failed.join(', ') })}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {search.status === 'loading' && <LoadingState />}
        {search.status === 'failed' && (
          <ErrorState title={t('privacy.person.searchFailed')} error={search.error} />
        )}
        {search.status === 'done' && (
          <PersonResults
            q={search.q}
            hits={search.hits}
            chosenId={chosen?.id ?? null}
            onChoose={(hit) => {
              setErased(null);
              setChosen(hit);
            }}
          />
        )}
      </Section>
      {chosen && (
        <div key={chosen.id} className={styles.panel}>
          <Section title={chosen.displayName}>
            <PersonFacts person={chosen} />
          </Section>
          <Section title={t('privacy.inzage.title')}>
            <InzageDownload api={api} person={chosen} />
          </Section>
          <Section title={t('privacy.withdraw.title')}>
            <ConsentWithdrawal
              api={api}
              person={chosen}
              onWithdrawn={(state) => setChosen({ ...chosen, consentWithdrawnOn: state.consentWithdrawnOn })}
            />
          </Section>
          <Section title={t('privacy.erase.title')}>
            <EraseReasonForm onAsk={(reason) => setConfirming({ person: chosen, reason })} />
          </Section>
        </div>
      )}
      <EraseDialog
        api={api}
        target={confirming}
        onCancel={() => setConfirming(null)}
        onErased={(result, target) => {
          setConfirming(null);
          setChosen(null);
          setErased({ name: target.person.displayName, reason: target.reason, result });
          if (search.status === 'done') void run(search.q);
        }}
      />
    </>
  );
}
