import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
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

/**
 * Below this width the sheet's fixed columns no longer hold a phone number or a word like "Voorkeurskanaal" (the
 * demo sheet needs some 810 px of table on screen), so each row becomes a card of label/value lines instead: on a
 * phone in a crisis the name, the number and the back-up stay together without scrolling sideways. Screen only:
 * paper keeps the table.
 */
const STACKED = '@media screen and (max-width: 880px)';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    // Fixed columns, so the allies' and the key figures' tables line up on screen and on paper.
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    '@media print': { fontSize: '9.5pt', lineHeight: '1.3' },
    [STACKED]: { display: 'block' },
  },
  caption: {
    textAlign: 'start',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
    '@media print': { fontSize: '12pt' },
    [STACKED]: { display: 'block' },
  },
  // Stacked, the column headers stay for screen readers only: every value carries its own visible label.
  head: {
    [STACKED]: {
      display: 'block',
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    },
  },
  // One card per row; two or more side by side once there is room (a tablet, a wider side panel).
  body: {
    [STACKED]: {
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 20rem), 1fr))',
      columnGap: tokens.spacingHorizontalXXL,
    },
  },
  // A row that starts on one page ends on it: a number split over two sheets of paper gets misdialled.
  row: {
    breakInside: 'avoid',
    pageBreakInside: 'avoid',
    [STACKED]: {
      display: 'block',
      padding: `${tokens.spacingVerticalS} 0`,
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    },
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'start',
    verticalAlign: 'top',
    overflowWrap: 'break-word',
    '@media print': { padding: '1.5mm 2mm', borderBottom: '0.5pt solid #000' },
    // Label and value side by side; the value column is wide enough that words wrap between them, not inside.
    [STACKED]: {
      display: 'grid',
      gridTemplateColumns: '8.5rem minmax(0, 1fr)',
      columnGap: tokens.spacingHorizontalS,
      alignItems: 'baseline',
      padding: `${tokens.spacingVerticalXXS} 0`,
      borderBottomStyle: 'none',
    },
  },
  header: {
    fontWeight: tokens.fontWeightSemibold,
    '@media print': { fontSize: '8pt', borderBottom: '1pt solid #000' },
  },
  rowHeader: {
    fontWeight: tokens.fontWeightSemibold,
    [STACKED]: {
      display: 'block',
      fontSize: tokens.fontSizeBase400,
      lineHeight: tokens.lineHeightBase400,
      paddingBottom: tokens.spacingVerticalXS,
    },
  },
  // A cell's label, shown only when the row is stacked; hidden from screen readers, which have the column header.
  label: {
    display: 'none',
    [STACKED]: { display: 'block', color: tokens.colorNeutralForeground2 },
  },
  mobile: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  // A number never wraps inside (one line, one link); stacked, it is a size larger, to read and tap on a phone.
  number: {
    whiteSpace: 'nowrap',
    [STACKED]: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Column headers with their widths (percentages of the sheet's width). */
function HeaderRow({ columns }: { columns: readonly (readonly [MessageId, number])[] }) {
  const t = useT();
  const styles = useStyles();
  return (
    <thead className={styles.head}>
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

/**
 * A data cell with its column's label before the value; the label shows only when the row is stacked on a narrow
 * screen, and screen readers skip it (they announce the column header).
 */
function Cell({ label, className, children }: { label: MessageId; className?: string; children: ReactNode }) {
  const t = useT();
  const styles = useStyles();
  return (
    <td className={mergeClasses(styles.cell, className)}>
      <span className={styles.label} aria-hidden="true">
        {t(label)}
      </span>
      <div>{children}</div>
    </td>
  );
}

/** Staff of the network: organisation (by its configured name), role and who takes over. */
export function CrisisStaffTable({ staff }: { staff: CrisisSheet['staff'] }) {
  const t = useT();
  const organisationOf = useOrganisationName();
  const styles = useStyles();
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
      <tbody className={styles.body}>
        {staff.map((member) => (
          <tr key={`${member.displayName}-${member.role}`} className={styles.row}>
            <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>
              {member.displayName}
              {member.absentUntil && (
                <div className={styles.muted}>
                  {t('crisis.absentUntil', { date: dayAtNoon(member.absentUntil) })}
                </div>
              )}
            </th>
            <Cell label="crisis.phone" className={styles.mobile}>
              <PhoneLink number={member.phone} />
            </Cell>
            <Cell label="crisis.organisation">
              {organisationOf(member)}
              {member.jobTitle && <div className={styles.muted}>{member.jobTitle}</div>}
            </Cell>
            <Cell label="crisis.role">{t(roleMessage[member.role])}</Cell>
            <Cell label="crisis.backup">
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
            </Cell>
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
  return (
    <Link className={styles.number} href={`tel:${number.replace(/[^+\d]/g, '')}`}>
      {readableMobile(number)}
    </Link>
  );
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
      <tbody className={styles.body}>
        {contacts.map((contact) => (
          <tr key={`${contact.displayName}-${contact.mobile ?? ''}`} className={styles.row}>
            <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader)}>
              {contact.displayName}
            </th>
            <Cell label="crisis.mobile" className={styles.mobile}>
              <PhoneLink number={contact.mobile} />
            </Cell>
            <Cell label="crisis.channel">
              {contact.preferredChannel ? t(channelMessage[contact.preferredChannel]) : dash}
            </Cell>
            <Cell label="crisis.wijk">{contact.neighbourhood ?? dash}</Cell>
            <Cell label="crisis.communities">{contact.communities.join(', ') || dash}</Cell>
            <Cell label="crisis.availability">{contact.availability ?? dash}</Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
