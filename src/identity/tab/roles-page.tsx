import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { type AreaOverview, getAreaOverview, type Me } from '../../tab/api/endpoints.js';
import { AdminHeader } from '../../tab/components/admin-header.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { useT } from '../../tab/i18n/use-t.js';
import { DirectorySearch } from './directory-search.js';
import { ExternalColleagueForm } from './external-colleague-form.js';
import { listStaff, listStaffTenants, type StaffTenant } from './role-endpoints.js';
import type { NetworkOption } from './staff-actions.js';
import { StaffTable } from './staff-table.js';
import { useStaffActions } from './use-staff-actions.js';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXXL,
  },
  heading: { margin: 0 },
});

const NO_TENANTS: StaffTenant[] = [];

/** Every network in the overview, sorted by name, for the "add a role" picker. */
function networksOf(overview: AreaOverview): NetworkOption[] {
  return overview.municipalities
    .flatMap((municipality) => municipality.districts.flatMap((district) => district.networks))
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Beheer – Rollen: add colleagues from the directory, and manage who holds which role and who administers. */
export function RolesPage({
  api,
  me,
  onMeChanged,
}: {
  api: ApiClient;
  me: Me;
  onMeChanged: () => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('admin.title', { page: t('admin.roles') })} – ${t('app.name')}`);
  const staff = useAsync(useCallback(() => listStaff(api), [api]));
  const areas = useAsync(useCallback(() => getAreaOverview(api), [api]));
  const networks = useMemo(
    () => (areas.state.status === 'done' ? networksOf(areas.state.value) : []),
    [areas.state],
  );
  // The tenants name organisations ("Politie Eenheid Havenstad"); without them the page says Gemeente/Politie.
  const tenantList = useAsync(useCallback(() => listStaffTenants(api), [api]));
  const tenants = tenantList.state.status === 'done' ? tenantList.state.value : NO_TENANTS;
  const otherTenants = useMemo(() => tenants.filter((tenant) => !tenant.home), [tenants]);
  const feedback = useFeedback();
  const actions = useStaffActions({ api, me, reload: staff.refresh, onMeChanged, feedback });

  return (
    <>
      <AdminHeader page="roles" intro={t('roles.intro')} />
      <section className={styles.section} aria-labelledby="directory-heading">
        <Text as="h2" size={500} weight="semibold" id="directory-heading" className={styles.heading}>
          {t('directory.title')}
        </Text>
        <DirectorySearch api={api} tenants={tenants} onAdd={actions.addFromDirectory} />
      </section>
      <section className={styles.section} aria-labelledby="external-heading">
        <Text as="h2" size={500} weight="semibold" id="external-heading" className={styles.heading}>
          {t('external.title')}
        </Text>
        {tenantList.state.status === 'loading' && <LoadingState />}
        {tenantList.state.status === 'failed' && (
          <ErrorState error={tenantList.state.error} onRetry={tenantList.retry} />
        )}
        {tenantList.state.status === 'done' && (
          <ExternalColleagueForm tenants={otherTenants} networks={networks} actions={actions} />
        )}
      </section>
      <section className={styles.section} aria-labelledby="staff-heading">
        <Text as="h2" size={500} weight="semibold" id="staff-heading" className={styles.heading}>
          {t('roles.table.title')}
        </Text>
        {areas.state.status === 'failed' && (
          <ErrorState title={t('roles.networksFailed')} error={areas.state.error} onRetry={areas.retry} />
        )}
        {staff.state.status === 'loading' && <LoadingState />}
        {staff.state.status === 'failed' && <ErrorState error={staff.state.error} onRetry={staff.retry} />}
        {staff.state.status === 'done' && (
          <StaffTable staff={staff.state.value} tenants={tenants} networks={networks} actions={actions} />
        )}
      </section>
      {feedback.toaster}
    </>
  );
}
