import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/use-t.js';

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
});

/** A centred spinner with a spoken label, for anything that is still loading. */
export function LoadingState() {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Spinner label={t('app.loading')} />
    </div>
  );
}
