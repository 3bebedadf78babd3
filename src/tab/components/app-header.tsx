import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Me } from '../api/endpoints.js';
import { useT } from '../i18n/use-t.js';
import { LanguageSwitch } from './language-switch.js';
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
  navLink: {
    display: 'inline-block',
    paddingBottom: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`,
    ':hover': { textDecorationLine: 'none', color: tokens.colorNeutralForeground1Hover },
  },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

/** The page header: app name, navigation and, once signed in, the user with their roles and sign-out. */
export function AppHeader({ me, onSignOut }: { me?: Me; onSignOut?: () => void }) {
  const t = useT();
  const styles = useStyles();
  // Keep the query (e.g. ?inTeams=1) so following the link inside Teams stays in Teams mode.
  const overviewHref = `/${window.location.search}`;
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <div className={styles.brand}>
          <Text className={styles.appName}>{t('app.name')}</Text>
          {me && (
            <nav aria-label={t('nav.label')}>
              <Link href={overviewHref} aria-current="page" className={styles.navLink}>
                {t('nav.overview')}
              </Link>
            </nav>
          )}
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
