import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CommunityRef } from '../api/network-endpoints.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  tag: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A person's communities as small read-only tags (a list, so screen readers count them). */
export function CommunityTags({ communities }: { communities: CommunityRef[] }) {
  const t = useT();
  const styles = useStyles();
  if (communities.length === 0)
    return <Caption1 className={styles.muted}>{t('people.noCommunities')}</Caption1>;
  return (
    <ul className={styles.list}>
      {communities.map((community) => (
        <li key={community.id} className={styles.tag}>
          {community.name}
        </li>
      ))}
    </ul>
  );
}
