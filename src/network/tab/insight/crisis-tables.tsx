import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { roleMessage } from '../../../tab/components/labels.js';
import { useOrganisationName } from '../../../tab/components/organisation-names.js';
import { readableMobile } from '../../../tab/components/readable-mobile.js';
import { dayAtNoon } from '../../../tab/i18n/amsterdam-time.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CrisisContact, CrisisSheet } from '../api/insight-endpoints.js';

const channelMessage: Record<NonNullable<CrisisContact['preferredChannel']>, MessageId> = {
  phone: 'crisis.channel.phone',
  sms: 'crisis.channel.sms',
  whatsapp: 'crisis.channel.whatsapp',
  email: 'crisis.channel.email',
};

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    // Fixed columns, so the allies' and the key figures' tables line up on screen and on paper.
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    '@media print': { fontSize: '9.5pt', lineHeight: '1.3' },
  },
  caption: {
    textAlign: 'start',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
    '@media print': { fontSize: '12pt' },
  },
  // A row that starts on one page ends on it: a number split over two sheets of paper gets misdialled.
  row: { breakInside: 'avoid', pageBreakInside: 'avoid' },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'start',
    verticalAlign: 'top',
    overflowWrap: 'break-word',
    '@media print': { padding: '1.5mm 2mm', borderBottom: '0.5pt solid #000' },
  },
  header: {
    fontWeight: tokens.fontWeightSemibold,
    '@media print': { fontSize: '8pt', borderBottom: '1pt solid #000' },
  },
  rowHeader: { fontWeight: tokens.fontWeightSemibold },
  mobile: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Column headers with their widths (percentages of the sheet's width). */
function HeaderRow({ columns }: { columns: readonly (readonly [MessageId, number])[] }) {
  const t = useT();
  const styles = useStyles();
  return (
    <thead>
      <tr>
        {columns.map(([id, width]) => (
          <th
            key={id}
            scope="col"
            className={mergeClasses(styles.cell, styles.header)}
            style={{ width: `${width}%` }}
          >
            {t(id)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Staff of the network: organisation (by its configured name), role and who takes over. */
export function CrisisStaffTable({ staff }: { staff: CrisisSheet['staff'] }) {
  const t = useT();
  const organisationOf = useOrganisationName();
  const styles = useStyles();
  const cell = styles.cell;
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{t('crisis.staff')}</caption>
      <HeaderRow
        columns={[
          ['crisis.name', 20],
          ['crisis.phone', 16],
          ['crisis.organisation', 28],
          ['crisis.role', 12],
          ['crisis.backup', 24],
        ]}
      />
      <tbody>
        {staff.map((member) => (
          <tr key={`${member.displayName}-${member.role}`} className={styles.row}>
            <th scope="row" className={mergeClasses(cell, styles.rowHeader)}>
              {member.displayName}
              {member.absentUntil && (
                <div className={styles.muted}>
                  {t('crisis.absentUntil', { date: dayAtNoon(member.absentUntil) })}
                </div>
              )}
            </th>
            <td className={mergeClasses(cell, styles.mobile)}>
              <PhoneLink number={member.phone} />
            </td>
            <td className={cell}>
              {organisationOf(member)}
              {member.jobTitle && <div className={styles.muted}>{member.jobTitle}</div>}
            </td>
            <td className={cell}>{t(roleMessage[member.role])}</td>
            <td className={cell}>
              {member.backup ? (
                <>
                  {member.backup}
                  {member.backupPhone && (
                    <div className={styles.mobile}>
                      <PhoneLink number={member.backupPhone} />
                    </div>
                  )}
                </>
              ) : (
                <span className={styles.muted}>{t('crisis.noBackup')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A number as a `tel:` link, readable on paper; "no number" when there is none. */
function PhoneLink({ number }: { number: string | null }) {
  const t = useT();
  const styles = useStyles();
  if (!number) return <span className={styles.muted}>{t('crisis.noMobile')}</span>;
  return <Link href={`tel:${number.replace(/[^+\d]/g, '')}`}>{readableMobile(number)}</Link>;
}

/** Allies or key figures: how to reach them (mobile as a `tel:` link) and what they stand for. */
export function CrisisContactTable({
  title,
  contacts,
}: {
  title: MessageId;
  contacts: readonly CrisisContact[];
}) {
  const t = useT();
  const styles = useStyles();
  const cell = styles.cell;
  const dash = t('crisis.unknown');
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{t(title)}</caption>
      <HeaderRow
        columns={[
          ['crisis.name', 20],
          ['crisis.mobile', 15],
          ['crisis.channel', 16],
          ['crisis.wijk', 13],
          ['crisis.communities', 20],
          ['crisis.availability', 16],
        ]}
      />
      <tbody>
        {contacts.map((contact) => (
          <tr key={`${contact.displayName}-${contact.mobile ?? ''}`} className={styles.row}>
            <th scope="row" className={mergeClasses(cell, styles.rowHeader)}>
              {contact.displayName}
            </th>
            <td className={mergeClasses(cell, styles.mobile)}>
              <PhoneLink number={contact.mobile} />
            </td>
            <td className={cell}>
              {contact.preferredChannel ? t(channelMessage[contact.preferredChannel]) : dash}
            </td>
            <td className={cell}>{contact.neighbourhood ?? dash}</td>
            <td className={cell}>{contact.communities.join(', ') || dash}</td>
            <td className={cell}>{contact.availability ?? dash}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
