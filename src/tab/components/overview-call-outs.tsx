import {
  Body1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { listOpenCallOuts } from '../../call-outs/tab/api/call-out-endpoints.js';
import { callOutHref, callOutListHref } from '../../call-outs/tab/call-out-routes.js';
import { kindMessage, urgencyMessage } from '../../call-outs/tab/components/call-out-labels.js';
import {
  mayFollowCallOuts,
  StartCallOutButton,
} from '../../call-outs/tab/components/start-call-out-button.js';
import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { useAsync } from '../hooks/use-async.js';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalL,
  },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * On the overview: "Crisisoproep starten" where it cannot be missed, and every open call-out the user may see.
 * Nothing is asked of the API for someone without a role (it would refuse, and log the refusal).
 */
export function OverviewCallOuts({ api, me }: { api: ApiClient; me: Me }) {
  if (!mayFollowCallOuts(me)) return null;
  return <OpenCallOutsBar api={api} me={me} />;
}

function OpenCallOutsBar({ api, me }: { api: ApiClient; me: Me }) {
  const t = useT();
  const styles = useStyles();
  const { state } = useAsync(useCallback(() => listOpenCallOuts(api), [api]));
  const open = state.status === 'done' ? state.value : [];
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <StartCallOutButton me={me} />
        <Body1>
          <RouterLink href={callOutListHref(window.location.search)}>
            {state.status === 'done'
              ? t('callOutList.openCount', { count: open.length })
              : t('callOutList.title')}
          </RouterLink>
        </Body1>
      </div>
      {open.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('callOutList.running', { count: open.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {open.slice(0, 5).map((callOut) => (
                <li key={callOut.id}>
                  <RouterLink href={callOutHref(callOut.id, window.location.search)}>
                    {`${t(kindMessage[callOut.kind])} (${t(urgencyMessage[callOut.urgency])}): ${callOut.summary.slice(0, 80)}`}
                  </RouterLink>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
