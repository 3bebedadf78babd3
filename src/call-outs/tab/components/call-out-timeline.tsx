import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { saveFile } from '../../../tab/api/save-file.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { AMSTERDAM_ZONE } from '../../../tab/i18n/amsterdam-time.js';
import { localeFromTag } from '../../../tab/i18n/locale.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type CallOutDetail,
  callOutTimelinePath,
  getCallOutTimeline,
  type TimelineEvent,
} from '../api/call-out-endpoints.js';
import { timelineMessage } from './call-out-labels.js';

const useStyles = makeStyles({
  time: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/**
 * A download of the timeline (CSV or PDF) for the after-action review: a plain link with the session cookie
 * (local run), through fetch and a Blob with a Teams bearer token.
 */
function TimelineDownload({
  api,
  path,
  fileName,
  label,
  onFailed,
}: {
  api: ApiClient;
  path: string;
  fileName: string;
  label: string;
  onFailed: (title: string, error: unknown) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  if (api.signedWith === 'cookie') {
    return (
      <Button as="a" href={api.url(path)} download>
        {label}
      </Button>
    );
  }
  const download = async () => {
    setBusy(true);
    try {
      const file = await api.download(path, fileName);
      saveFile(file.blob, file.fileName);
    } catch (error) {
      onFailed(t('callOutTimeline.downloadFailed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button disabledFocusable={busy} onClick={download}>
      {label}
    </Button>
  );
}

/**
 * Every send, delivery, answer, escalation and call, oldest first. The API gives ids only; names come from the
 * call-out itself (recipients and call list), so nothing beyond what the page already shows is revealed.
 * Read again whenever the call-out's version changes.
 */
export function CallOutTimeline(props: {
  api: ApiClient;
  callOut: CallOutDetail;
  onFailed: (title: string, error: unknown) => void;
}) {
  const { api, callOut, onFailed } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const { id, version } = callOut;
  const locale = localeFromTag(intl.locale);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version means new events.
  const load = useAsync(useCallback(() => getCallOutTimeline(api, id), [api, id, version]));
  // The last events read stay shown while a newer version loads, so the table does not blink on every poll.
  const shown = useRef<TimelineEvent[] | null>(null);
  if (load.state.status === 'done') shown.current = load.state.value;
  const events = shown.current;

  const userName = (userId: string | null) => {
    if (!userId) return '';
    return (
      callOut.recipients.find((recipient) => recipient.userId === userId)?.displayName ??
      callOut.callList.find((entry) => entry.callerUserId === userId)?.callerName ??
      ''
    );
  };
  const personName = (personId: string | null) => {
    if (!personId) return '';
    const entry = callOut.callList.find((candidate) => candidate.personId === personId);
    return entry ? (entry.displayName ?? t('callOut.allyOtherNetwork')) : '';
  };

  return (
    <>
      <div className={styles.actions}>
        <TimelineDownload
          api={api}
          path={callOutTimelinePath(id, 'csv', locale)}
          fileName="crisisoproep-tijdlijn.csv"
          label={t('callOutTimeline.download')}
          onFailed={onFailed}
        />
        <TimelineDownload
          api={api}
          path={callOutTimelinePath(id, 'pdf', locale)}
          fileName="crisisoproep-tijdlijn.pdf"
          label={t('callOutTimeline.downloadPdf')}
          onFailed={onFailed}
        />
      </div>
      {events === null && load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && <ErrorState error={load.state.error} onRetry={load.retry} />}
      {events && (
        <Table aria-label={t('callOutTimeline.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('callOutTimeline.column.time')}</TableHeaderCell>
              <TableHeaderCell>{t('callOutTimeline.column.event')}</TableHeaderCell>
              <TableHeaderCell>{t('callOutTimeline.column.who')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((event, index) => {
              const message = timelineMessage(event.kind);
              const who = [userName(event.userId), personName(event.personId)].filter(Boolean).join(' → ');
              return (
                // Events have no id of their own; the list only grows, so the position is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                <TableRow key={index}>
                  <TableCell className={styles.time}>
                    <time dateTime={event.at}>
                      {intl.formatTime(event.at, { timeStyle: 'medium', timeZone: AMSTERDAM_ZONE })}
                    </time>
                  </TableCell>
                  <TableCell>{message ? t(message) : event.kind}</TableCell>
                  <TableCell>{who}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
