import type { ReactNode } from 'react';
import { ErrorState } from '../../tab/components/error-state.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import type { AsyncState } from '../../tab/hooks/use-async.js';
import { BackToNetwork } from './back-to-network.js';

/**
 * The frame every continuity page (absence, hand-over, introduction) shares: the spinner while its data loads,
 * then the link back to the network above either the error with a retry or the page itself (`children`, given the
 * loaded value).
 */
export function NetworkSubPage<T>(props: {
  state: AsyncState<T>;
  networkId: string;
  networkName: string | null;
  /** The page's column layout. */
  className: string;
  onRetry: () => void;
  children: (value: T) => ReactNode;
}) {
  const { state } = props;
  if (state.status === 'loading') return <LoadingState />;
  return (
    <div className={props.className}>
      <BackToNetwork networkId={props.networkId} networkName={props.networkName} />
      {state.status === 'failed' ? (
        <ErrorState error={state.error} onRetry={props.onRetry} />
      ) : (
        props.children(state.value)
      )}
    </div>
  );
}
