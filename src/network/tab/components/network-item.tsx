import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { FormattedDate } from 'react-intl';
import type { NetworkSummary } from '../../../tab/api/endpoints.js';
import { roleMessage } from '../../../tab/components/labels.js';
import { StatusBadge } from '../../../tab/components/status-badge.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { warningText } from '../people/person-labels.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  help: { display: 'block', color: tokens.colorNeutralForeground2 },
  warnings: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  severe: { color: tokens.colorStatusDangerForeground1 },
  mild: { color: tokens.colorStatusWarningForeground1 },
});

const severe = new Set<NonNullable<NetworkSummary['warnings']>[number]['code']>([
  'no-gemeente-staff',
  'no-politie-staff',
  'over-hard-limit',
]);

/** A date-only ISO string (`YYYY-MM-DD`) as a Date at UTC midnight; shown with timeZone UTC it never shifts a day. */
function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * One network in a district: status, founding date, the user's role and the ally count or why it is hidden. Its
 * name links to the network's page for those with a role in it (no one else may open it).
 */
export function NetworkItem({ network }: { network: NetworkSummary }) {
  const t = useT();
  const styles = useStyles();
  return (
    <article className={styles.root}>
      <div className={styles.title}>
        <Text as="h4" weight="semibold" className={styles.name}>
          {network.myRole ? (
            <RouterLink href={networkHref(network.id, window.location.search)}>{network.name}</RouterLink>
          ) : (
            network.name
          )}
        </Text>
        <StatusBadge status={network.status} />
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('network.founded')}</dt>
        <dd className={styles.value}>
          {network.foundedOn ? (
            <FormattedDate
              value={utcDate(network.foundedOn)}
              timeZone="UTC"
              day="numeric"
              month="long"
              year="numeric"
            />
          ) : (
            t('network.notFounded')
          )}
        </dd>
        <dt className={styles.term}>{t('network.myRole')}</dt>
        <dd className={styles.value}>
          {network.myRole ? t(roleMessage[network.myRole]) : t('network.noRole')}
        </dd>
        <dt className={styles.term}>{t('network.allies')}</dt>
        <dd className={styles.value}>
          {network.allyCount === null ? (
            <>
              <Text weight="semibold">{t('network.noAccess')}</Text>
              <Caption1 className={styles.help}>{t('network.noAccessHelp')}</Caption1>
            </>
          ) : (
            t('network.allyCount', { count: network.allyCount })
          )}
        </dd>
        {network.warnings && (
          <>
            <dt className={styles.term}>{t('network.warnings')}</dt>
            <dd className={styles.value}>
              {network.warnings.length === 0 ? (
                t('network.noWarnings')
              ) : (
                <ul className={styles.warnings}>
                  {network.warnings.map((warning) => (
                    <li key={warning.code} className={severe.has(warning.code) ? styles.severe : styles.mild}>
                      {warningText(warning, t)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
