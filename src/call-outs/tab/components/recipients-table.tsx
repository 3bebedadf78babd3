import {
  Badge,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CallOutRecipient } from '../api/call-out-endpoints.js';
import { answerMessage, deliveryMessage, needsPhoneCall, reasonMessage } from './call-out-labels.js';

const useStyles = makeStyles({
  // The row stands out in every theme: a danger background plus a thick left border, and the words say it too.
  phone: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorStatusDangerBorder2}`,
  },
  note: { display: 'block', color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap' },
});

const answerColor = { coming: 'success', 'calling-allies': 'brand', unavailable: 'subtle' } as const;

/** The staff recipients: why they were alerted, whether the card arrived (unreachable ones to phone), and their answer. */
export function RecipientsTable({ recipients }: { recipients: CallOutRecipient[] }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  return (
    <Table aria-label={t('callOut.recipients.title')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('callOut.column.name')}</TableHeaderCell>
          <TableHeaderCell>{t('callOut.column.reason')}</TableHeaderCell>
          <TableHeaderCell>{t('callOut.column.delivery')}</TableHeaderCell>
          <TableHeaderCell>{t('callOut.column.answer')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {recipients.map((recipient) => {
          const phone = needsPhoneCall(recipient);
          return (
            <TableRow
              key={recipient.userId}
              className={mergeClasses(phone && styles.phone)}
              data-needs-phone-call={phone || undefined}
            >
              <TableCell>{recipient.displayName}</TableCell>
              <TableCell>{t(reasonMessage[recipient.reason])}</TableCell>
              <TableCell>
                {recipient.delivery === null ? (
                  t('callOut.delivery.none')
                ) : phone ? (
                  <Badge appearance="filled" color="danger" shape="rounded">
                    {t('callOut.delivery.phone', { state: t(deliveryMessage[recipient.delivery]) })}
                  </Badge>
                ) : (
                  t(deliveryMessage[recipient.delivery])
                )}
              </TableCell>
              <TableCell>
                {recipient.answer ? (
                  <>
                    <Badge appearance="tint" shape="rounded" color={answerColor[recipient.answer.answer]}>
                      {t(answerMessage[recipient.answer.answer])}
                    </Badge>{' '}
                    <Text size={200}>
                      {intl.formatTime(recipient.answer.answeredAt, { timeStyle: 'short' })}
                      {recipient.answer.etaMinutes !== null &&
                        ` · ${t('callOut.eta', { minutes: recipient.answer.etaMinutes })}`}
                    </Text>
                    {recipient.answer.note && <Text className={styles.note}>{recipient.answer.note}</Text>}
                  </>
                ) : (
                  t('callOut.answer.none')
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
