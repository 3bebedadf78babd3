import {
  Body1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import { listLocalStaff } from '../api/endpoints.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { StaffList } from '../components/staff-list.js';
import { useAsync } from '../hooks/use-async.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useT } from '../i18n/use-t.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '640px',
    margin: '0 auto',
  },
  title: { margin: 0 },
});

/** Local demo sign-in: a banner that all data is fictional, and the demo staff to sign in as. */
export function SignInPage({
  api,
  onSignIn,
}: {
  api: ApiClient;
  onSignIn: (userId: string) => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('signIn.title')} – ${t('app.name')}`);
  const { state, retry } = useAsync(useCallback(() => listLocalStaff(api), [api]));
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const signIn = async (userId: string) => {
    setBusyId(userId);
    setFailure(null);
    try {
      await onSignIn(userId);
    } catch (error) {
      setFailure(error);
      setBusyId(null);
    }
  };

  return (
    <div className={styles.root}>
      <Title1 as="h1" className={styles.title}>
        {t('signIn.title')}
      </Title1>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('signIn.demoBannerTitle')}</MessageBarTitle> {t('signIn.demoBannerBody')}
        </MessageBarBody>
      </MessageBar>
      <Body1>{t('signIn.intro')}</Body1>
      {failure !== null && <ErrorState title={t('signIn.failed')} error={failure} />}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'done' &&
        (state.value.length === 0 ? (
          <Body1>{t('signIn.noStaff')}</Body1>
        ) : (
          <StaffList staff={state.value} busyId={busyId} onChoose={signIn} />
        ))}
    </div>
  );
}
