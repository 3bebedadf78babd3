import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { callOutListHref } from '../../call-outs/tab/call-out-routes.js';
import { yearCalendarHref } from '../../meetings/tab/meeting-routes.js';
import { thermometerHref } from '../../signals/tab/signal-routes.js';
import type { Me } from '../api/endpoints.js';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';
import { type AppRoute, hrefOf, isAdminRoute } from '../routing/routes.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    // On a phone the menu wraps onto a second short row: a one-row menu scrolling sideways showed "Crisisoproe…" cut
    // off at 400 px, with nothing to say more items lay beyond it.
    '@media (max-width: 600px)': {
      columnGap: tokens.spacingHorizontalM,
      rowGap: tokens.spacingVerticalXXS,
    },
  },
  link: {
    display: 'inline-block',
    whiteSpace: 'nowrap',
    paddingBottom: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    // The link-hover colour: high contrast pairs the neutral hover colours with a highlighted background instead.
    ':hover': { textDecorationLine: 'none', color: tokens.colorBrandForegroundLinkHover },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

/** The main menu: the network map for everyone; search, meetings and call-outs for staff; "Beheer" for administrators. */
export function MainNav({ me, route }: { me: Me; route: AppRoute }) {
  const t = useT();
  const styles = useStyles();
  const search = window.location.search;
  const items = [
    {
      key: 'overview',
      href: hrefOf('overview', search),
      label: t('nav.overview'),
      current: route === 'overview',
    },
    // Search, meetings and call-outs look only inside one's own networks; without a role there is nothing there.
    ...(me.roles.length > 0
      ? [
          {
            key: 'search',
            href: hrefOf('search', search),
            label: t('nav.search'),
            current: route === 'search',
          },
          {
            key: 'meetings',
            href: yearCalendarHref(search),
            label: t('nav.meetings'),
            current: route === 'meetings' && window.location.pathname.startsWith('/overleggen'),
          },
          {
            key: 'call-outs',
            href: callOutListHref(search),
            label: t('nav.callOuts'),
            current: route === 'call-outs',
          },
        ]
      : []),
    // The thermometer: staff see their networks', administrators every network's counts (no names).
    ...(me.roles.length > 0 || me.isAdministrator
      ? [
          {
            key: 'signals',
            href: thermometerHref(search),
            label: t('nav.signals'),
            current: route === 'signals',
          },
        ]
      : []),
    ...(me.isAdministrator
      ? [{ key: 'admin', href: hrefOf('roles', search), label: t('nav.admin'), current: isAdminRoute(route) }]
      : []),
  ];
  return (
    <nav aria-label={t('nav.label')}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.key}>
            <RouterLink
              href={item.href}
              aria-current={item.current ? 'page' : undefined}
              className={mergeClasses(styles.link, item.current && styles.current)}
            >
              {item.label}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
