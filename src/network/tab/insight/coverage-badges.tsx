import { Badge, type BadgeProps, makeStyles } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import type { Coverage } from '../api/insight-endpoints.js';

type Cell = Coverage['cells'][number];

const useStyles = makeStyles({
  // A badge that wraps its text inside a narrow column stops looking like one.
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

const statusLook: Record<Cell['status'], { color: BadgeProps['color']; glyph: string }> = {
  ally: { color: 'success', glyph: '●' },
  'key-figure': { color: 'warning', glyph: '◐' },
  none: { color: 'subtle', glyph: '○' },
};

/** A cell's status as a badge with a glyph and text ("Bondgenoot (2)", "Alleen sleutelfiguur", "Niemand"). */
export function CoverageStatusBadge({ cell }: { cell: Pick<Cell, 'status' | 'allies'> }) {
  const t = useT();
  const styles = useStyles();
  const look = statusLook[cell.status];
  const text =
    cell.status === 'ally'
      ? t('coverage.status.ally', { count: cell.allies })
      : t(cell.status === 'key-figure' ? 'coverage.status.keyFigure' : 'coverage.status.none');
  return (
    <Badge
      className={styles.badge}
      appearance="tint"
      shape="rounded"
      color={look.color}
      icon={<span aria-hidden>{look.glyph}</span>}
    >
      {text}
    </Badge>
  );
}

/** "Gat": a relevant cell without an ally. */
export function GapBadge() {
  const t = useT();
  const styles = useStyles();
  return (
    <Badge
      className={styles.badge}
      appearance="filled"
      shape="rounded"
      color="danger"
      icon={<span aria-hidden>!</span>}
    >
      {t('coverage.gap')}
    </Badge>
  );
}
