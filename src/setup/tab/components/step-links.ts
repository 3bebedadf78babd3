import { hrefOf } from '../../../tab/routing/routes.js';
import type { SetupStep } from '../../constants.js';
import { setupHref } from '../setup-routes.js';

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
