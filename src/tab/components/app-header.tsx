import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Me } from '../api/endpoints.js';
import { useT } from '../i18n/use-t.js';
import type { AppRoute } from '../routing/routes.js';
import { LanguageSwitch } from './language-switch.js';
import { MainNav } from './main-nav.js';
import { UserSummary } from './user-summary.js';

const useStyles = makeStyles({
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
  },
  brand: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalL },
  appName: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

/** The page header: app name, navigation and, once signed in, the user with their roles and sign-out. */
export function AppHeader({
  me,
  route = 'overview',
  onSignOut,
}: {
  me?: Me;
  route?: AppRoute;
  onSignOut?: () => void;
}) {
  const t = useT();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <div className={styles.brand}>
          <Text className={styles.appName}>{t('app.name')}</Text>
          {me && <MainNav me={me} route={route} />}
        </div>
        <div className={styles.tools}>
          {me && <UserSummary me={me} />}
          <LanguageSwitch />
          {onSignOut && <Button onClick={onSignOut}>{t('header.signOut')}</Button>}
        </div>
      </div>
    </header>
  );
}
