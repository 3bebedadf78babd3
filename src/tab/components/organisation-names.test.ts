import { describe, expect, it } from '@jest/globals';
import { createIntl } from 'react-intl';
import type { StaffTenant } from '../api/endpoints.js';
import { messagesEn } from '../i18n/messages.en.js';
import { type MessageId, messagesNl } from '../i18n/messages.nl.js';
import type { Translate } from '../i18n/use-t.js';
import { organisationName } from './organisation-names.js';

function translator(locale: 'nl' | 'en'): Translate {
  const intl = createIntl({ locale, messages: locale === 'nl' ? messagesNl : messagesEn });
  return (id: MessageId, values) => intl.formatMessage({ id }, values);
}

const HOME = '11111111-1111-4111-8111-111111111111';
const POLICE = '44444444-4444-4444-8444-444444444444';
const OTHER_POLICE = '55555555-5555-4555-8555-555555555555';
const tenants: StaffTenant[] = [
  { tenantId: HOME, organisation: 'gemeente', name: 'Gemeente Havenstad', home: true },
  { tenantId: POLICE, organisation: 'politie', name: 'Politie Eenheid Havenstad', home: false },
  { tenantId: OTHER_POLICE, organisation: 'politie', name: null, home: false },
];

describe('the organisation a staff member is shown with', () => {
  const nl = translator('nl');
  it('is their tenant’s configured name, whatever the case of the tenant id', () => {
    expect(organisationName(nl, tenants, { tenantId: HOME, organisation: 'gemeente' })).toBe(
      'Gemeente Havenstad',
    );
    expect(organisationName(nl, tenants, { tenantId: POLICE.toUpperCase(), organisation: 'politie' })).toBe(
      'Politie Eenheid Havenstad',
    );
  });

  it('is the plain word for an unnamed or unknown tenant, or while the tenants are not loaded', () => {
    expect(organisationName(nl, tenants, { tenantId: OTHER_POLICE, organisation: 'politie' })).toBe(
      'Politie',
    );
    expect(organisationName(translator('en'), [], { tenantId: POLICE, organisation: 'politie' })).toBe(
      'Police',
    );
    expect(organisationName(nl, tenants, { tenantId: HOME, organisation: null })).toBe(
      'Geen organisatie vastgelegd',
    );
  });

  it('never calls a police guest in the municipality’s tenant by the municipality’s name', () => {
    expect(organisationName(nl, tenants, { tenantId: HOME, organisation: 'politie' })).toBe('Politie');
  });
});
