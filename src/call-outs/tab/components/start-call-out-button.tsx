import { Button } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import type { Me } from '../../../tab/api/endpoints.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { navigate } from '../../../tab/routing/use-pathname.js';
import { mayStartCallOut } from '../call-out-access.js';
import { newCallOutHref } from '../call-out-routes.js';

// The tab shell asks these before any call-out code has downloaded, so they live in a module of their own.
export { mayFollowCallOuts, mayStartCallOut } from '../call-out-access.js';

/** The prominent "Crisisoproep starten": a link that looks like a primary button, opening the start form in place. */
export function StartCallOutButton({ me }: { me: Me }) {
  const t = useT();
  if (!mayStartCallOut(me)) return null;
  const href = newCallOutHref(window.location.search);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <Button as="a" appearance="primary" href={href} onClick={follow}>
      {t('callOutList.start')}
    </Button>
  );
}
