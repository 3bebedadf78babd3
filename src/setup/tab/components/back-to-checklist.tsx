import { makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { setupHref } from '../setup-routes.js';

const useStyles = makeStyles({ root: { marginTop: tokens.spacingVerticalM } });

/** The way back from a setup step to the checklist. */
export function BackToChecklist() {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <RouterLink href={setupHref('checklist', window.location.search)}>{t('setup.back')}</RouterLink>
    </div>
  );
}
