import { Button, makeStyles, Tooltip, tokens } from '@fluentui/react-components';
import { shortenId } from './short-id.js';

const useStyles = makeStyles({
  button: {
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightRegular,
  },
});

/**
 * A shortened id in the audit table. The tooltip (also its spoken name) gives the full id; choosing it filters the
 * trail on that id, which is what one usually wants next.
 */
export function IdFilterButton({ id, label, onFilter }: { id: string; label: string; onFilter: () => void }) {
  const styles = useStyles();
  const { text, shortened } = shortenId(id);
  return (
    <Tooltip content={label} relationship="label">
      <Button appearance="transparent" size="small" className={styles.button} onClick={onFilter}>
        {text}
        {shortened && <span aria-hidden>…</span>}
      </Button>
    </Tooltip>
  );
}
