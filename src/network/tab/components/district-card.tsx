import { Badge, Caption1, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AreaOverview } from '../../../tab/api/endpoints.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { NetworkItem } from './network-item.js';

/** A district (stadsdeel) with its neighbourhoods (wijken) and networks, as the API returns it. */
export type District = AreaOverview['municipalities'][number]['districts'][number];

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  name: { margin: 0 },
  sectionLabel: {
    display: 'block',
    margin: 0,
    marginBottom: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  wijken: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  wijk: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  networks: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  gap: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteMarigoldBorder2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** One district as a card: its neighbourhoods, and its networks or a clear "no network yet". */
export function DistrictCard({ district }: { district: District }) {
  const t = useT();
  const styles = useStyles();
  return (
    <Card className={styles.card}>
      <Text as="h3" size={500} weight="semibold" className={styles.name}>
        {district.name}
      </Text>
      <div>
        <Caption1 className={styles.sectionLabel}>
          {t('district.neighbourhoods', { count: district.neighbourhoods.length })}
        </Caption1>
        {district.neighbourhoods.length > 0 ? (
          <ul className={styles.wijken}>
            {district.neighbourhoods.map((wijk) => (
              <li key={wijk.id} className={styles.wijk}>
                {wijk.name}
              </li>
            ))}
          </ul>
        ) : (
          <Caption1 className={styles.muted}>{t('district.noNeighbourhoods')}</Caption1>
        )}
      </div>
      <div>
        <Caption1 className={styles.sectionLabel}>{t('district.networks')}</Caption1>
        {district.networks.length > 0 ? (
          <ul className={styles.networks}>
            {district.networks.map((network) => (
              <li key={network.id}>
                <NetworkItem network={network} />
              </li>
            ))}
          </ul>
        ) : (
          <div className={styles.gap}>
            <Badge appearance="tint" shape="rounded" color="warning">
              {t('district.noNetwork')}
            </Badge>
            <Caption1 className={styles.muted}>{t('district.noNetworkHelp')}</Caption1>
          </div>
        )}
      </div>
    </Card>
  );
}
