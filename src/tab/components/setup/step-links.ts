import type { SetupStep } from '../../../setup/constants.js';
import { hrefOf } from '../../routing/routes.js';
import { setupHref } from '../../routing/setup-routes.js';

/** Where each checklist step is done: the Inrichting pages, and the existing Beheer pages for staff and escalation. */
export function stepHref(step: SetupStep, search: string): string {
  switch (step) {
    case 'municipality':
    case 'areas':
    case 'communities':
    case 'organisations':
    case 'networks':
      return setupHref(step, search);
    case 'staff':
      return hrefOf('roles', search);
    case 'escalation':
      return hrefOf('call-out-settings', search);
  }
}
