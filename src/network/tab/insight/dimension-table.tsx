import { Badge, Body1, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { Coverage, Dimension, Representativeness } from '../api/insight-endpoints.js';
import { valueLabel } from './representativeness-values.js';

type Row = Representativeness['dimensions'][number]['rows'][number];

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '640px' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    verticalAlign: 'middle',
  },
  header: { fontWeight: tokens.fontWeightSemibold },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  highlighted: { fontWeight: tokens.fontWeightSemibold },
  valueLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  visual: { width: '30%', minWidth: '160px' },
  // The bars: the actual share filled, the target as a line across the track. Text in the table carries the numbers.
  track: {
    position: 'relative',
    height: '12px',
    backgroundColor: tokens.colorNeutralBackground5,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  bar: {
    height: '100%',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  target: {
    position: 'absolute',
    top: '-4px',
    bottom: '-4px',
    width: tokens.strokeWidthThicker,
    backgroundColor: tokens.colorNeutralForeground1,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

function Bar({ row }: { row: Row }) {
  const styles = useStyles();
  const clamp = (share: number) => `${Math.min(100, Math.max(0, share * 100))}%`;
  return (
    <div className={styles.track} aria-hidden>
      <div className={styles.bar} style={{ width: clamp(row.share) }} />
      {row.target !== null && <div className={styles.target} style={{ left: clamp(row.target) }} />}
    </div>
  );
}

/** Says that no target profile is set for a dimension, with a link to set one (or who can). */
function NoTargetProfile(props: { dimensionName: string; onSetTarget: (() => void) | undefined }) {
  const t = useT();
  const styles = useStyles();
  return (
    <Body1 className={styles.muted}>
      {t('representativeness.noTargetProfile', { dimension: props.dimensionName })}{' '}
      {props.onSetTarget ? (
        <Link as="button" inline onClick={props.onSetTarget}>
          {t('representativeness.setTargetProfile', { dimension: props.dimensionName })}
        </Link>
      ) : (
        t('representativeness.coordinatorSetsTarget')
      )}
    </Body1>
  );
}

/** One dimension of the afspiegeling as a table with a bar per value; highlighted rows are called out in text. */
export function DimensionTable(props: {
  dimension: Dimension;
  rows: readonly Row[];
  communities: Coverage['communities'];
  caption: string;
  /** Opens the target editor; absent for readers who may not set a target profile. */
  onSetTarget?: () => void;
  /** The dimension's name, for the sentence that says no target profile is set. */
  dimensionName: string;
}) {
  const { dimension, rows, communities, caption, onSetTarget, dimensionName } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const percent = (value: number) => intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
  const points = (value: number) =>
    t('representativeness.differencePoints', {
      value: intl.formatNumber(value * 100, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }),
    });
  const label = (value: string) => valueLabel(dimension, value, communities, t);
  // Communities come keyed by id; readers look for a name, so they are listed by name ("Onbekend" last).
  const ordered =
    dimension === 'community'
      ? [...rows].sort(
          (a, b) =>
            Number(a.value === 'unknown') - Number(b.value === 'unknown') ||
            label(a.value).localeCompare(label(b.value), 'nl'),
        )
      : rows;
  const highlighted = ordered.filter((row) => row.highlighted);
  const cell = (extra?: string) => mergeClasses(styles.cell, extra);
  return (
    <>
      {/* Without a target nothing can differ from it: say so instead of "no large differences". */}
      {rows.every((row) => row.target === null) ? (
        <NoTargetProfile dimensionName={dimensionName} onSetTarget={onSetTarget} />
      ) : (
        <Body1 className={highlighted.length === 0 ? styles.muted : styles.highlighted}>
          {highlighted.length === 0
            ? t('representativeness.noHighlights')
            : t('representativeness.highlighted', {
                values: highlighted
                  .map((row) => `${label(row.value)} (${points(row.difference ?? 0)})`)
                  .join(', '),
              })}
        </Body1>
      )}
      <ScrollRegion label={caption}>
        <table className={styles.table}>
          <caption className={styles.caption}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell(styles.header)}>
                {t('representativeness.value')}
              </th>
              <th scope="col" className={cell(mergeClasses(styles.header, styles.numeric))}>
                {t('representativeness.count')}
              </th>
              <th scope="col" className={cell(mergeClasses(styles.header, styles.numeric))}>
                {t('representativeness.share')}
              </th>
              <th scope="col" className={cell(mergeClasses(styles.header, styles.numeric))}>
                {t('representativeness.target')}
              </th>
              <th scope="col" className={cell(mergeClasses(styles.header, styles.numeric))}>
                {t('representativeness.difference')}
              </th>
              <th scope="col" className={cell(mergeClasses(styles.header, styles.visual))}>
                {t('representativeness.visual')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((row) => (
              <tr key={row.value} className={row.highlighted ? styles.highlighted : undefined}>
                <th scope="row" className={cell(row.highlighted ? styles.highlighted : styles.rowHeader)}>
                  <span className={styles.valueLine}>
                    {label(row.value)}
                    {row.highlighted && (
                      <Badge
                        appearance="tint"
                        color="danger"
                        shape="rounded"
                        icon={<span aria-hidden>!</span>}
                      >
                        {t('representativeness.outlier')}
                      </Badge>
                    )}
                  </span>
                </th>
                <td className={cell(styles.numeric)}>{row.count}</td>
                <td className={cell(styles.numeric)}>{percent(row.share)}</td>
                <td className={cell(styles.numeric)}>
                  {row.target === null ? (
                    <span className={styles.muted}>{t('representativeness.noTarget')}</span>
                  ) : (
                    percent(row.target)
                  )}
                </td>
                <td className={cell(styles.numeric)}>
                  {row.difference === null ? '–' : points(row.difference)}
                </td>
                <td className={cell()}>
                  <Bar row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
