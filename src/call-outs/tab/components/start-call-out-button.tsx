import { Button } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import type { Me } from '../../../tab/api/endpoints.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { navigate } from '../../../tab/routing/use-pathname.js';
import { newCallOutHref } from '../call-out-routes.js';

/** Whoever may start a call-out: coordinators and members of a network, and administrators (as the API rules). */
export const mayStartCallOut = (me: Me) =>
  me.isAdministrator || me.roles.some((role) => role.role === 'coordinator' || role.role === 'member');

/** Whoever may see call-outs: anyone with a role in a network, and administrators. */
export const mayFollowCallOuts = (me: Me) => me.isAdministrator || me.roles.length > 0;

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
