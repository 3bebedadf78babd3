import {
  Badge,
  Body1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CallOutPreview } from '../api/call-out-endpoints.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Who a call-out would reach: the staff (card in Teams, or a phone call when unreachable) and the allies' callers. */
export function RecipientsPreview({ preview }: { preview: CallOutPreview }) {
  const t = useT();
  const styles = useStyles();
  const unreachable = preview.staff.filter((staff) => !staff.reachable).length;
  const networkName = (id: string) => preview.networks.find((network) => network.id === id)?.name ?? '';
  return (
    <div className={styles.root}>
      <Body1>
        {t('callOutPreview.summary', {
          networks: preview.networks.map((network) => network.name).join(', '),
          staff: preview.staff.length,
          allies: preview.allies.length,
        })}
      </Body1>
      {unreachable > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('callOutPreview.unreachableWarning', { count: unreachable })}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="h3" size={400} weight="semibold" className={styles.heading}>
        {t('callOutPreview.staff')}
      </Text>
      <Body1 className={styles.muted}>{t('callOutPreview.backupHint')}</Body1>
      {preview.staff.length === 0 ? (
        <Body1>{t('callOutPreview.noStaff')}</Body1>
      ) : (
        <Table aria-label={t('callOutPreview.staff')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('callOut.column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('callOut.column.reason')}</TableHeaderCell>
              <TableHeaderCell>{t('callOutPreview.column.reach')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.staff.map((staff) => (
              <TableRow key={staff.userId}>
                <TableCell>{staff.displayName}</TableCell>
                <TableCell>
                  {t('callOutPreview.reasonStaff', { network: networkName(staff.networkId) })}
                </TableCell>
                <TableCell>
                  {staff.reachable ? (
                    t('callOutPreview.reachable')
                  ) : (
                    <Badge appearance="tint" color="danger" shape="rounded">
                      {t('callOutPreview.unreachable')}
                    </Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text as="h3" size={400} weight="semibold" className={styles.heading}>
        {t('callOutPreview.allies')}
      </Text>
      {preview.allies.length === 0 ? (
        <Body1>{t('callOutPreview.noAllies')}</Body1>
      ) : (
        <Table aria-label={t('callOutPreview.allies')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('callOut.column.ally')}</TableHeaderCell>
              <TableHeaderCell>{t('callOut.column.network')}</TableHeaderCell>
              <TableHeaderCell>{t('callOut.column.caller')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.allies.map((ally) => (
              <TableRow key={ally.personId}>
                <TableCell>{ally.displayName ?? t('callOut.allyOtherNetwork')}</TableCell>
                <TableCell>{networkName(ally.networkId)}</TableCell>
                <TableCell>{ally.callerName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
