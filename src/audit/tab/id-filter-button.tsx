import { Button, makeStyles, Tooltip, tokens } from '@fluentui/react-components';
import { shortenId } from './short-id.js';

const useStyles = makeStyles({
  button: {
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightRegular,
  },
  name: {
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    fontWeight: tokens.fontWeightRegular,
    // As large as the other cells' text: the name is what the row is read by.
    fontSize: tokens.fontSizeBase300,
    textAlign: 'start',
  },
});

/**
 * A shortened id (or a name) in the audit table. The tooltip (also its spoken name) gives the full id; choosing it filters the
 * trail on that id, which is what one usually wants next.
 */
export function IdFilterButton(props: {
  id: string;
  /** Words to show instead of the shortened id (e.g. a staff member's name); the label still names the id. */
  text?: string;
  label: string;
  onFilter: () => void;
}) {
  const { id, label, onFilter } = props;
  const styles = useStyles();
  const { text, shortened } = shortenId(id);
  return (
    <Tooltip content={label} relationship="label">
      <Button
        appearance="transparent"
        size="small"
        className={props.text ? styles.name : styles.button}
        onClick={onFilter}
      >
        {props.text ?? text}
        {!props.text && shortened && <span aria-hidden>…</span>}
      </Button>
    </Tooltip>
  );
}
