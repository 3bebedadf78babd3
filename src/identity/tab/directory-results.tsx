import { Avatar, Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorState } from '../../tab/components/error-state.js';
import { organisationName } from '../../tab/components/organisation-names.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { DirectoryMatch, StaffTenant } from './role-endpoints.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '200px' },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  failure: { flexBasis: '100%' },
});

function ResultItem({
  match,
  tenants,
  onAdd,
}: {
  match: DirectoryMatch;
  tenants: readonly StaffTenant[];
  onAdd: (match: DirectoryMatch) => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const details = [match.jobTitle, match.mail].filter(Boolean).join(' · ');

  const add = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onAdd(match);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.item}>
      <Avatar name={match.displayName} color="colorful" size={32} aria-hidden />
      <span className={styles.who}>
        <Text weight="semibold">{match.displayName}</Text>
        {details && <Caption1 className={styles.muted}>{details}</Caption1>}
      </span>
      {match.organisation && (
        <Badge
          appearance="outline"
          color={match.organisation === 'politie' ? 'brand' : 'subtle'}
          shape="rounded"
        >
          {organisationName(t, tenants, match)}
        </Badge>
      )}
      {match.userId ? (
        <Badge appearance="tint" color="informative" shape="rounded">
          {t('directory.alreadyStaff')}
        </Badge>
      ) : (
        <Button
          appearance="primary"
          size="small"
          disabledFocusable={busy}
          aria-label={t('directory.addLabel', { name: match.displayName })}
          onClick={add}
        >
          {t('directory.add')}
        </Button>
      )}
      {failure !== null && (
        <div className={styles.failure}>
          <ErrorState title={t('directory.addFailed', { name: match.displayName })} error={failure} />
        </div>
      )}
    </li>
  );
}

/**
 * The directory's matches: who they are, whose staff (gemeente or politie), and "Toevoegen" for colleagues who are
 * not staff yet.
 */
export function DirectoryResults(props: {
  matches: DirectoryMatch[];
  tenants: readonly StaffTenant[];
  onAdd: (match: DirectoryMatch) => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t('directory.resultsLabel')}>
      {props.matches.map((match) => (
        <ResultItem
          key={`${match.tenantId}/${match.objectId}`}
          match={match}
          tenants={props.tenants}
          onAdd={props.onAdd}
        />
      ))}
    </ul>
  );
}
