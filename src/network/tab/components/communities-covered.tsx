import { Body1, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import type { NetworkDetail } from '../api/network-endpoints.js';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  noAlly: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorder2}` },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The communities at the table, each with how many allies and key figures represent it. */
export function CommunitiesCovered({ communities }: { communities: NetworkDetail['communitiesCovered'] }) {
  const t = useT();
  const styles = useStyles();
  if (communities.length === 0) return <Body1>{t('networkPage.noCommunities')}</Body1>;
  return (
    <ul className={styles.list}>
      {communities.map((community) => (
        <li key={community.id} className={`${styles.item} ${community.allies === 0 ? styles.noAlly : ''}`}>
          <Text weight="semibold">{community.name}</Text>
          <Caption1 className={styles.muted}>
            {t('networkPage.communityCounts', { allies: community.allies, keyFigures: community.keyFigures })}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
