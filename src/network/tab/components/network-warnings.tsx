import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import type { NetworkWarning } from '../api/network-endpoints.js';
import { warningText } from '../people/person-labels.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const severe = new Set<NetworkWarning['code']>(['no-gemeente-staff', 'no-politie-staff', 'over-hard-limit']);

/** " (Petra Lindeboom, …)" for a warning about particular staff members, else nothing. */
function namesOf(warning: NetworkWarning, staff: { userId: string; displayName: string }[]): string {
  const names = staff.filter((member) => warning.userIds.includes(member.userId)).map((m) => m.displayName);
  return names.length > 0 ? ` (${names.join(', ')})` : '';
}

/** What the network's staff should fix, one message bar per warning; missing staff and the hard limit weigh most. */
export function NetworkWarnings(props: {
  warnings: NetworkWarning[];
  /** The network's staff, to name those a warning is about (e.g. who has no back-up). */
  staff: { userId: string; displayName: string }[];
}) {
  const { warnings, staff } = props;
  const t = useT();
  const styles = useStyles();
  if (warnings.length === 0) return null;
  return (
    <div className={styles.list}>
      {warnings.map((warning) => (
        <MessageBar key={warning.code} intent={severe.has(warning.code) ? 'error' : 'warning'}>
          <MessageBarBody>
            {warningText(warning, t)}
            {namesOf(warning, staff)}
            {warning.code === 'staff-without-backup' && `. ${t('networkWarning.staff-without-backup.help')}`}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
