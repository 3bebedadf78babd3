import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Me } from '../api/endpoints.js';
import { useT } from '../i18n/use-t.js';
import type { AppRoute } from '../routing/routes.js';
import { LanguageSwitch } from './language-switch.js';
import { MainNav } from './main-nav.js';
import { UserSummary } from './user-summary.js';

/** Teams mobile and the narrow side panel: below this width the header packs into two short rows. */
const NARROW = '@media (max-width: 600px)';

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
    // Name and tools on the first row, the menu below on its own (wrapping) rows: 400 px wide kept it at 218 px.
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: 'auto minmax(0, 1fr)',
      gridTemplateAreas: '"name tools" "nav nav"',
      rowGap: tokens.spacingVerticalXS,
      columnGap: tokens.spacingHorizontalS,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    },
  },
  brand: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalL,
    [NARROW]: { display: 'contents' },
  },
  appName: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    [NARROW]: { gridArea: 'name', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  nav: { [NARROW]: { gridArea: 'nav', minWidth: 0 } },
  // The name gives way (ellipsis) before the language switch and sign-out do.
  user: { minWidth: 0, flexShrink: 1 },
  fixed: { flexShrink: 0 },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    [NARROW]: {
      gridArea: 'tools',
      flexWrap: 'nowrap',
      justifyContent: 'flex-end',
      gap: tokens.spacingHorizontalS,
      minWidth: 0,
    },
  },
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
          {me && (
            <div className={styles.nav}>
              <MainNav me={me} route={route} />
            </div>
          )}
        </div>
        <div className={styles.tools}>
          {me && (
            <div className={styles.user}>
              <UserSummary me={me} />
            </div>
          )}
          <div className={styles.fixed}>
            <LanguageSwitch />
          </div>
          {onSignOut && (
            <Button size="small" className={styles.fixed} onClick={onSignOut}>
              {t('header.signOut')}
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}
