import { Body1, makeStyles, mergeClasses, Title1, tokens } from '@fluentui/react-components';
import { privacyHref } from '../../privacy/tab/privacy-tab-routes.js';
import { setupHref } from '../../setup/tab/setup-routes.js';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';
import { hrefOf } from '../routing/routes.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0 },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} 0`,
    marginBottom: `calc(-1 * ${tokens.strokeWidthThin})`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { textDecorationLine: 'none', color: tokens.colorBrandForegroundLinkHover },
  },
  current: { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorCompoundBrandStroke },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '800px' },
});

/**
 * The top of a Beheer page: "Beheer" with the page's name, the links between the Beheer pages, and an intro.
 * `heading` names a page inside a tab (a setup step) in the h1 while that tab stays the current one.
 */
export function AdminHeader({
  page,
  intro,
  heading,
}: {
  page: 'setup' | 'roles' | 'audit' | 'call-out-settings' | 'privacy';
  intro: string;
  heading?: string;
}) {
  const t = useT();
  const styles = useStyles();
  const search = window.location.search;
  // Inrichting first: on day one it is where an administrator starts.
  const pages = [
    { route: 'setup', label: t('admin.setup'), href: setupHref('checklist', search) },
    { route: 'roles', label: t('admin.roles'), href: hrefOf('roles', search) },
    { route: 'audit', label: t('admin.audit'), href: hrefOf('audit', search) },
    {
      route: 'call-out-settings',
      label: t('admin.callOutSettings'),
      href: hrefOf('call-out-settings', search),
    },
    { route: 'privacy', label: t('admin.privacy'), href: privacyHref('retention', search) },
  ] as const;
  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.title}>
        {t('admin.title', { page: heading ?? pages.find((item) => item.route === page)?.label ?? '' })}
      </Title1>
      <nav aria-label={t('admin.navLabel')}>
        <ul className={styles.tabs}>
          {pages.map((item) => (
            <li key={item.route}>
              <RouterLink
                href={item.href}
                aria-current={item.route === page ? 'page' : undefined}
                className={mergeClasses(styles.tab, item.route === page && styles.current)}
              >
                {item.label}
              </RouterLink>
            </li>
          ))}
        </ul>
      </nav>
      <Body1 className={styles.intro}>{intro}</Body1>
    </div>
  );
}
