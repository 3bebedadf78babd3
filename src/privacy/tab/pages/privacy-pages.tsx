import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../../../tab/api/client.js';
import { AdminHeader } from '../../../tab/components/admin-header.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { NotFoundPage } from '../../../tab/pages/not-found-page.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { usePathname } from '../../../tab/routing/use-pathname.js';
import { type PrivacyPage, privacyFromPath, privacyHref } from '../privacy-tab-routes.js';
import { PersonPrivacyPage } from './person-privacy-page.js';
import { RegisterPage } from './register-page.js';
import { RetentionPage } from './retention-page.js';

const useStyles = makeStyles({
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalM} 0 0`,
    padding: 0,
  },
  link: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
    ':hover': { textDecorationLine: 'none', backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
    ':hover': {
      backgroundColor: tokens.colorBrandBackgroundHover,
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
});

const PAGES: {
  page: PrivacyPage;
  label: 'privacy.page.retention' | 'privacy.page.register' | 'privacy.page.person';
}[] = [
  { page: 'retention', label: 'privacy.page.retention' },
  { page: 'register', label: 'privacy.page.register' },
  { page: 'person', label: 'privacy.page.person' },
];

/** The links between the three privacy pages, under the Beheer header. */
function PrivacyNav({ current }: { current: PrivacyPage }) {
  const t = useT();
  const styles = useStyles();
  const search = window.location.search;
  return (
    <nav aria-label={t('privacy.navLabel')}>
      <ul className={styles.links}>
        {PAGES.map((item) => (
          <li key={item.page}>
            <RouterLink
              href={privacyHref(item.page, search)}
              aria-current={item.page === current ? 'page' : undefined}
              className={mergeClasses(styles.link, item.page === current && styles.current)}
            >
              {t(item.label)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Beheer → Privacy (issue 18): retention periods, the processing register, and one person's rights. */
export function PrivacyPages({ api }: { api: ApiClient }) {
  const t = useT();
  const page = privacyFromPath(usePathname());
  const label = PAGES.find((item) => item.page === page)?.label ?? 'privacy.page.retention';
  useDocumentTitle(
    `${t('admin.title', { page: t('privacy.documentTitle', { page: t(label) }) })} – ${t('app.name')}`,
  );
  if (!page) return <NotFoundPage />;
  return (
    <>
      <AdminHeader page="privacy" intro={t('privacy.intro')} />
      <PrivacyNav current={page} />
      {page === 'retention' && <RetentionPage api={api} />}
      {page === 'register' && <RegisterPage api={api} />}
      {page === 'person' && <PersonPrivacyPage api={api} />}
    </>
  );
}
