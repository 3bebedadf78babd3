import { Body1, Caption1, Card, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FormattedDate } from 'react-intl';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { PersonDetail } from '../api/network-endpoints.js';
import { CommunityTags } from './community-tags.js';
import { channelMessage, genderMessage, legalBasisMessage } from './person-labels.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  card: { gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  // dt and dd sit in the grid themselves; the div only groups them, as HTML allows inside a dl.
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  networks: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

function Facts({ rows }: { rows: { term: string; value: ReactNode }[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map((row) => (
        <div key={row.term} className={styles.pair}>
          <dt className={styles.term}>{row.term}</dt>
          <dd className={styles.value}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A person's contact data (only shown here, with tel: and mailto: links) and their other details. */
export function PersonFacts({ person }: { person: PersonDetail }) {
  const t = useT();
  const styles = useStyles();
  const unknown = <span className={styles.muted}>{t('common.unknown')}</span>;
  const search = window.location.search;
  return (
    <div className={styles.grid}>
      <Card className={styles.card}>
        <Text as="h2" size={500} weight="semibold" className={styles.heading}>
          {t('personPage.contact')}
        </Text>
        <Facts
          rows={[
            {
              term: t('personForm.mobile'),
              value: person.mobile ? (
                <Link
                  href={`tel:${person.mobile}`}
                  aria-label={`${t('personPage.call', { name: person.displayName })}: ${person.mobile}`}
                >
                  {person.mobile}
                </Link>
              ) : (
                unknown
              ),
            },
            {
              term: t('personForm.email'),
              value: person.email ? (
                <Link
                  href={`mailto:${person.email}`}
                  aria-label={`${t('personPage.mail', { name: person.displayName })}: ${person.email}`}
                >
                  {person.email}
                </Link>
              ) : (
                unknown
              ),
            },
            {
              term: t('personForm.preferredChannel'),
              value: person.preferredChannel ? t(channelMessage[person.preferredChannel]) : unknown,
            },
            { term: t('personForm.availability'), value: person.availability ?? unknown },
            {
              term: t('personForm.languages'),
              value: person.languages.length > 0 ? person.languages.join(', ') : unknown,
            },
          ]}
        />
        <Caption1 className={styles.muted}>{t('personPage.contactNote')}</Caption1>
      </Card>
      <Card className={styles.card}>
        <Text as="h2" size={500} weight="semibold" className={styles.heading}>
          {t('personPage.details')}
        </Text>
        <Facts
          rows={[
            { term: t('personForm.wijk'), value: person.neighbourhood?.name ?? unknown },
            { term: t('personPage.communities'), value: <CommunityTags communities={person.communities} /> },
            {
              term: t('personPage.networks'),
              value: (
                <ul className={styles.networks}>
                  {person.networks.map((network) => (
                    <li key={network.id}>
                      <RouterLink href={networkHref(network.id, search)}>{network.name}</RouterLink>
                    </li>
                  ))}
                </ul>
              ),
            },
            { term: t('personForm.following'), value: person.following ?? unknown },
            { term: t('personForm.ageBand'), value: person.ageBand ?? unknown },
            {
              term: t('personForm.gender'),
              value: person.gender ? t(genderMessage[person.gender]) : unknown,
            },
            {
              term: t('personForm.legalBasis'),
              value: (
                <Body1>
                  {t(legalBasisMessage[person.legalBasis])}
                  {person.consentDate && (
                    <>
                      {' · '}
                      <FormattedDate
                        value={new Date(`${person.consentDate}T00:00:00Z`)}
                        timeZone="UTC"
                        day="numeric"
                        month="long"
                        year="numeric"
                      />
                    </>
                  )}
                  {person.consentWithdrawnOn && (
                    <>
                      {' · '}
                      {t('personFacts.consentWithdrawn', {
                        date: new Date(`${person.consentWithdrawnOn}T00:00:00Z`),
                      })}
                    </>
                  )}
                </Body1>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
