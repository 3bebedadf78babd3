import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { useT } from '../../tab/i18n/use-t.js';
import { type ChainVerdict, verifyAuditTrail } from './audit-endpoints.js';

/** The outcome of "Keten controleren": the chain is intact (with the rows checked), broken (naming the row), or unknown. */
export type ChainCheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'failed'; error: unknown }
  | { status: 'done'; verdict: ChainVerdict };

/** "Keten controleren": runs the server's check of the whole hash chain and keeps its verdict. */
export function useChainCheck(api: ApiClient): { state: ChainCheckState; check: () => Promise<void> } {
  const [state, setState] = useState<ChainCheckState>({ status: 'idle' });
  const check = useCallback(async () => {
    setState({ status: 'checking' });
    try {
      setState({ status: 'done', verdict: await verifyAuditTrail(api) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api]);
  return { state, check };
}

/** The verdict of the hash-chain check as a message bar (a spinner while it runs). */
export function ChainVerdictMessage({ state }: { state: ChainCheckState }) {
  const t = useT();
  if (state.status === 'checking') {
    return <Spinner size="tiny" labelPosition="after" label={t('audit.chain.checking')} />;
  }
  if (state.status === 'failed') return <ErrorState title={t('audit.chain.failed')} error={state.error} />;
  if (state.status !== 'done') return null;
  const { verdict } = state;
  if (verdict.valid) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>{t('audit.chain.validTitle')}</MessageBarTitle>
          {t('audit.chain.validBody', { rows: verdict.rowsChecked })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {verdict.firstBrokenSeq === null
            ? t('audit.chain.brokenTitle')
            : t('audit.chain.brokenAtTitle', { seq: verdict.firstBrokenSeq })}
        </MessageBarTitle>
        {verdict.message}
      </MessageBarBody>
    </MessageBar>
  );
}
