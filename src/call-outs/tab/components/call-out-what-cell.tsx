import { Caption1, makeStyles, TableCell, tokens } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { CallOutKind } from '../api/call-out-endpoints.js';
import { callOutHref } from '../call-out-routes.js';
import { kindMessage } from './call-out-labels.js';

/** The styles the call-out tables (open and closed) share. */
export const useCallOutTableStyles = makeStyles({
  whatColumn: { width: '40%' },
  what: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  kind: { color: tokens.colorNeutralForeground2 },
  summary: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  numbers: { fontVariantNumeric: 'tabular-nums' },
});

/** A call-out table's first cell: its summary as the link to its page, and its kind below. */
export function CallOutWhatCell({
  callOut,
}: {
  callOut: { id: string; summary: string; kind: CallOutKind };
}) {
  const t = useT();
  const styles = useCallOutTableStyles();
  return (
    <TableCell>
      <div className={styles.what}>
        {/* The summary names the link: several call-outs of one kind stay distinguishable. */}
        <RouterLink href={callOutHref(callOut.id, window.location.search)} className={styles.summary}>
          {callOut.summary}
        </RouterLink>
        <Caption1 className={styles.kind}>{t(kindMessage[callOut.kind])}</Caption1>
      </div>
    </TableCell>
  );
}
