import {
  Badge,
  Body1,
  Button,
  Card,
  CardHeader,
  makeStyles,
  Text,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../tab/api/client.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { NotFoundOrError } from '../../tab/components/not-found-or-error.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { useT } from '../../tab/i18n/use-t.js';
import { getLocalOutbox, type LocalOutboxItem } from './local-outbox-endpoints.js';

const useStyles = makeStyles({
  title: { margin: 0 },
  intro: {
    display: 'block',
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalL}`,
    maxWidth: '720px',
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  text: { whiteSpace: 'pre-wrap', margin: 0, fontFamily: tokens.fontFamilyBase },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Offers an invitation as a file, so a calendar app can open it. */
function downloadIcs(item: LocalOutboxItem) {
  const url = URL.createObjectURL(new Blob([item.ics ?? ''], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = item.fileName ?? 'uitnodiging.ics';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Lokale postbus (local run only): the embedded calendar's .ics invitations and the e-mails the app would
 * have sent, newest first, limited to what the signed-in demo user may see. With a tenant the API has no
 * such route, and this page shows its "not found".
 */
export function LocalOutboxPage({ api }: { api: ApiClient }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  useDocumentTitle(`${t('localOutbox.title')} – ${t('app.name')}`);
  const load = useAsync(useCallback(() => getLocalOutbox(api), [api]));
  return (
    <>
      <Title1 as="h1" className={styles.title}>
        {t('localOutbox.title')}
      </Title1>
      <Body1 className={styles.intro}>{t('localOutbox.intro')}</Body1>
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && (
        <NotFoundOrError
          error={load.state.error}
          title={t('localOutbox.title')}
          body={t('localOutbox.loadFailed')}
          onRetry={load.retry}
        />
      )}
      {load.state.status === 'done' && load.state.value.length === 0 && (
        <Body1>{t('localOutbox.empty')}</Body1>
      )}
      {load.state.status === 'done' && load.state.value.length > 0 && (
        <ul className={styles.list} style={{ listStyle: 'none', padding: 0 }}>
          {load.state.value.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              <Card>
                <CardHeader
                  header={
                    <Text weight="semibold">
                      <Badge
                        appearance="tint"
                        shape="rounded"
                        color={item.kind === 'mail' ? 'brand' : 'informative'}
                      >
                        {t(item.kind === 'mail' ? 'localOutbox.kind.mail' : 'localOutbox.kind.calendar')}
                      </Badge>{' '}
                      {item.subject}
                    </Text>
                  }
                  description={
                    <Body1 className={styles.meta}>
                      <time dateTime={item.createdAt}>
                        {intl.formatDate(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                      </time>
                      {' · '}
                      {t('localOutbox.to', { recipients: item.recipients.join(', ') })}
                    </Body1>
                  }
                  action={
                    item.ics ? (
                      <Button appearance="secondary" onClick={() => downloadIcs(item)}>
                        {t('localOutbox.download')}
                      </Button>
                    ) : undefined
                  }
                />
                {item.text && <pre className={styles.text}>{item.text}</pre>}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
