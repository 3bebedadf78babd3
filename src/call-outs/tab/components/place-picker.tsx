import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AreaOverview } from '../../../tab/api/endpoints.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { offersWijk } from '../../constants.js';

const useStyles = makeStyles({
  municipality: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  districts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  district: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  hint: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXS },
});

/** The wijken as checkboxes, one group (fieldset) per district, per municipality when there are several. */
export function PlacePicker(props: {
  municipalities: AreaOverview['municipalities'];
  /** Administrators are offered every wijk; others those of their own networks (`offersWijk`). */
  isAdministrator: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { municipalities, isAdministrator, value, onChange } = props;
  const t = useT();
  const styles = useStyles();
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...value, id] : value.filter((chosen) => chosen !== id));
  return (
    <>
      {municipalities.map((municipality) => (
        <div key={municipality.id} className={styles.municipality}>
          {municipalities.length > 1 && (
            <Text as="h3" weight="semibold">
              {municipality.name}
            </Text>
          )}
          <div className={styles.districts}>
            {/* The same rule as the bot's card form; never an archived area. */}
            {municipality.districts
              .filter((district) => !district.archived)
              .map((district) => ({
                ...district,
                neighbourhoods: district.neighbourhoods.filter((wijk) =>
                  offersWijk({ ...wijk, districtId: district.id }, district.networks, isAdministrator),
                ),
              }))
              .filter((district) => district.neighbourhoods.length > 0)
              .map((district) => (
                <fieldset key={district.id} className={styles.district}>
                  <legend className={styles.legend}>{district.name}</legend>
                  {district.networks.length === 0 && (
                    <Text size={200} className={styles.hint}>
                      {t('callOutForm.noNetworkHere')}
                    </Text>
                  )}
                  {district.neighbourhoods.map((wijk) => (
                    <Checkbox
                      key={wijk.id}
                      label={wijk.name}
                      checked={value.includes(wijk.id)}
                      onChange={(_event, data) => toggle(wijk.id, data.checked === true)}
                    />
                  ))}
                </fieldset>
              ))}
          </div>
        </div>
      ))}
    </>
  );
}
