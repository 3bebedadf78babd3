import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { ImportPreview } from '../api/insight-endpoints.js';
import { kindMessage } from './graph-list.js';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '720px' },
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
  header: { fontWeight: tokens.fontWeightSemibold },
  numeric: { fontVariantNumeric: 'tabular-nums' },
  invalid: { backgroundColor: tokens.colorPaletteRedBackground1 },
  errors: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorPaletteRedForeground1,
  },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** The preview of an import: one row per line of the file, its errors named by line and column. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const styles = useStyles();
  const cell = (extra?: string | false) => mergeClasses(styles.cell, extra || undefined);
  return (
    <ScrollRegion label={t('import.caption')}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t('import.caption')}</caption>
        <thead>
          <tr>
            {(
              [
                'import.line',
                'import.name',
                'import.kind',
                'import.wijk',
                'import.communities',
                'import.errors',
              ] as const
            ).map((id) => (
              <th key={id} scope="col" className={cell(styles.header)}>
                {t(id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line} className={row.errors.length > 0 ? styles.invalid : undefined}>
              <td className={cell(styles.numeric)}>{row.line}</td>
              <th scope="row" className={cell()}>
                {row.displayName}
              </th>
              <td className={cell()}>{row.kind ? t(kindMessage[row.kind]) : '–'}</td>
              <td className={cell()}>{row.neighbourhood ?? '–'}</td>
              <td className={cell()}>{row.communities.join(', ') || '–'}</td>
              <td className={cell()}>
                {row.errors.length === 0 ? (
                  <Badge appearance="tint" color="success" shape="rounded" icon={<span aria-hidden>✓</span>}>
                    {t('import.noErrors')}
                  </Badge>
                ) : (
                  <ul className={styles.errors}>
                    {row.errors.map((error) => (
                      <li key={`${error.column}:${error.message}`}>
                        {t('import.cellError', {
                          line: row.line,
                          column: error.column,
                          message: error.message,
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
