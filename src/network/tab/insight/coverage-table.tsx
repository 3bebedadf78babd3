import { Body1, Caption1, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { Coverage } from '../api/insight-endpoints.js';
import { CoverageStatusBadge, GapBadge } from './coverage-badges.js';
import { type CoverageRow, coverageRows, isGap } from './coverage-matrix.js';

/** The message id of each community category's name. */
export const categoryMessage: Record<Coverage['communities'][number]['category'], MessageId> = {
  religion: 'insight.community.religion',
  origin: 'insight.community.origin',
  group: 'insight.community.group',
};

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    minWidth: '720px',
    width: '100%',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  columnHeader: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  // The community stays in view while the wijken scroll sideways on a narrow screen.
  rowHeader: {
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'nowrap',
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  corner: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  group: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
  },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
  },
  gapCell: { backgroundColor: tokens.colorPaletteRedBackground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

function MatrixRow(props: {
  row: CoverageRow;
  coverage: Coverage;
  editing: boolean;
  onToggle: (neighbourhoodId: string, communityId: string, relevant: boolean) => void;
}) {
  const { row, coverage, editing, onToggle } = props;
  const t = useT();
  const styles = useStyles();
  return (
    <tr>
      <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>
        {row.community.name}
      </th>
      {row.cells.map((cell, index) => {
        const wijk = coverage.neighbourhoods[index]?.name ?? '';
        return (
          <td key={cell.neighbourhoodId} className={mergeClasses(styles.cell, isGap(cell) && styles.gapCell)}>
            <div className={styles.stack}>
              <CoverageStatusBadge cell={cell} />
              {isGap(cell) && <GapBadge />}
              {cell.relevant && !editing && (
                <Caption1 className={styles.muted}>{t('coverage.relevant')}</Caption1>
              )}
              {editing && (
                <Checkbox
                  checked={cell.relevant}
                  aria-label={t('coverage.relevantLabel', { community: row.community.name, wijk })}
                  onChange={(_event, data) =>
                    onToggle(cell.neighbourhoodId, cell.communityId, data.checked === true)
                  }
                />
              )}
            </div>
          </td>
        );
      })}
    </tr>
  );
}

/**
 * The coverage matrix as a real table: communities as row headers grouped by category, wijken as column headers,
 * each cell's status in text with a glyph, gaps marked "Gat"; in edit mode a relevance checkbox per cell.
 */
export function CoverageTable(props: {
  coverage: Coverage;
  networkName: string;
  onlyRelevant: boolean;
  editing: boolean;
  onToggle: (neighbourhoodId: string, communityId: string, relevant: boolean) => void;
}) {
  const { coverage, networkName, onlyRelevant, editing, onToggle } = props;
  const t = useT();
  const styles = useStyles();
  const groups = coverageRows(coverage, onlyRelevant && !editing);
  const columns = coverage.neighbourhoods.length + 1;
  if (groups.length === 0) return <Body1>{t('coverage.noRows')}</Body1>;
  return (
    <ScrollRegion label={t('coverage.title')}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t('coverage.caption', { network: networkName })}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.columnHeader, styles.corner)}>
              {t('coverage.community')}
            </th>
            {coverage.neighbourhoods.map((wijk) => (
              <th key={wijk.id} scope="col" className={mergeClasses(styles.cell, styles.columnHeader)}>
                {wijk.name}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.category}>
            <tr>
              <th scope="colgroup" colSpan={columns} className={mergeClasses(styles.cell, styles.group)}>
                {t(categoryMessage[group.category])}
              </th>
            </tr>
            {group.rows.map((row) => (
              <MatrixRow
                key={row.community.id}
                row={row}
                coverage={coverage}
                editing={editing}
                onToggle={onToggle}
              />
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}
