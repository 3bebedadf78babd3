import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { FormattedDate } from 'react-intl';
import { roleMessage } from '../../../tab/components/labels.js';
import { StatusBadge } from '../../../tab/components/status-badge.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { NetworkDetail } from '../api/network-endpoints.js';

const useStyles = makeStyles({
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    marginTop: tokens.spacingVerticalS,
  },
  fact: { display: 'flex', gap: tokens.spacingHorizontalS },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

/** The top of the network page: name and status, then area, municipality, founding date and the user's role. */
export function NetworkHeader({ network }: { network: NetworkDetail }) {
  const t = useT();
  const styles = useStyles();
  const facts = [
    { term: t('networkPage.area'), value: network.area.name },
    { term: t('networkPage.municipality'), value: network.municipality.name },
    {
      term: t('networkPage.founded'),
      value: network.foundedOn ? (
        <FormattedDate
          value={new Date(`${network.foundedOn}T00:00:00Z`)}
          timeZone="UTC"
          day="numeric"
          month="long"
          year="numeric"
        />
      ) : (
        t('network.notFounded')
      ),
    },
    {
      term: t('networkPage.myRole'),
      value: network.myRole ? t(roleMessage[network.myRole]) : t('network.noRole'),
    },
  ];
  return (
    <div>
      <div className={styles.title}>
        <Title1 as="h1" className={styles.heading}>
          {network.name}
        </Title1>
        <StatusBadge status={network.status} />
      </div>
      <dl className={styles.facts}>
        {facts.map((fact) => (
          <div key={fact.term} className={styles.fact}>
            <dt className={styles.term}>
              <Body1>{fact.term}</Body1>
            </dt>
            <dd className={styles.value}>
              <Body1>{fact.value}</Body1>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
