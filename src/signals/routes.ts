import { z } from 'zod';
import { type AnyApiRoute, defineRoute } from '../identity/api-route.js';
import { administerMunicipality, staffOfAnyNetwork } from '../identity/policies.js';
import { addContact, listContacts } from './contact-service.js';
import type { SignalsDeps } from './deps.js';
import { changeFollowUp, listOpenFollowUps } from './follow-up-service.js';
import { networkOverviewQuery, networkOverviewSchema } from './overview-schemas.js';
import { readNetworkOverview } from './overview-service.js';
import { recordContacts, recordSignals, viewContacts, viewSignals } from './policies.js';
import {
  contactSchema,
  createContactSchema,
  createSignalSchema,
  createSignalThemeSchema,
  listSignalsQuery,
  networkIdParams,
  openFollowUpSchema,
  personIdParams,
  reportQuery,
  sfeerbeeldSchema,
  signalChoicesSchema,
  signalParams,
  signalSchema,
  signalThemeSchema,
  themeParams,
  thermometerQuery,
  thermometerSchema,
  updateFollowUpSchema,
  updateSignalSchema,
  updateSignalThemeSchema,
} from './schemas.js';
import { renderSfeerbeeldPdf } from './sfeerbeeld-pdf.js';
import { createSignal, getSignal, getSignalChoices, listSignals, updateSignal } from './signal-service.js';
import { addTheme, changeTheme, listThemes } from './theme-service.js';
import { readSfeerbeeld, readThermometer } from './thermometer-service.js';

const tags = ['signals'];

/** Signals, their follow-up, the contact log, the themes, the thermometer and the sfeerbeeld. */
export function signalRoutes(deps: SignalsDeps): AnyApiRoute[] {
  const { db } = deps;
  return [
    defineRoute({
      operationId: 'listSignalThemes',
      method: 'get',
      path: '/signal-themes',
      summary: 'The themes signals are grouped by, archived ones flagged',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      response: { status: 200, description: 'Themes', schema: z.array(signalThemeSchema) },
      handle: async () => listThemes(db),
    }),
    defineRoute({
      operationId: 'addSignalTheme',
      method: 'post',
      path: '/signal-themes',
      summary: 'Add a theme (administrators)',
      tags,
      access: 'signed-in',
      permission: administerMunicipality,
      body: createSignalThemeSchema,
      response: {
        status: 201,
        description: 'Every theme after the change',
        schema: z.array(signalThemeSchema),
      },
      handle: async ({ body }, context) => addTheme(db, context.origin, body, deps.now()),
    }),
    defineRoute({
      operationId: 'changeSignalTheme',
      method: 'patch',
      path: '/signal-themes/{code}',
      summary: 'Rename, reorder or archive a theme (administrators)',
      tags,
      access: 'signed-in',
      permission: administerMunicipality,
      params: themeParams,
      body: updateSignalThemeSchema,
      response: {
        status: 200,
        description: 'Every theme after the change',
        schema: z.array(signalThemeSchema),
      },
      handle: async ({ params, body }, context) =>
        changeTheme(db, context.origin, params.code, body, deps.now()),
    }),
    defineRoute({
      operationId: 'getSignalChoices',
      method: 'get',
      path: '/networks/{networkId}/signal-choices',
      summary:
        'What a signal may refer to: the network’s wijken, communities, people, staff and the themes (audited)',
      tags,
      access: 'signed-in',
      permission: viewSignals,
      params: networkIdParams,
      response: { status: 200, description: 'The choices', schema: signalChoicesSchema },
      handle: async ({ params }, context) =>
        getSignalChoices(db, context.origin, params.networkId, deps.now()),
    }),
    defineRoute({
      operationId: 'listSignals',
      method: 'get',
      path: '/networks/{networkId}/signals',
      summary:
        'The network’s signals with their follow-up, newest first; paged with `limit` and the cursor `beforeReceivedAt` + `beforeId` (the previous page’s last signal), up to 500 without `limit` (audited)',
      tags,
      access: 'signed-in',
      permission: viewSignals,
      params: networkIdParams,
      query: listSignalsQuery,
      response: { status: 200, description: 'Signals', schema: z.array(signalSchema) },
      handle: async ({ params, query }, context) =>
        listSignals(db, context.origin, context.access, params.networkId, query, deps.now()),
    }),
    defineRoute({
      operationId: 'createSignal',
      method: 'post',
      path: '/networks/{networkId}/signals',
      summary: 'Record a signal; its follow-up starts open, owned by you, due in 14 days (audited)',
      tags,
      access: 'signed-in',
      permission: recordSignals,
      params: networkIdParams,
      body: createSignalSchema,
      response: { status: 201, description: 'The signal', schema: signalSchema },
      handle: async ({ params, body }, context) =>
        createSignal(db, context.origin, context.access, params.networkId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'getSignal',
      method: 'get',
      path: '/networks/{networkId}/signals/{signalId}',
      summary: 'One signal with its follow-up (audited)',
      tags,
      access: 'signed-in',
      permission: viewSignals,
      params: signalParams,
      response: { status: 200, description: 'The signal', schema: signalSchema },
      handle: async ({ params }, context) =>
        getSignal(db, context.origin, context.access, params.networkId, params.signalId, deps.now()),
    }),
    defineRoute({
      operationId: 'updateSignal',
      method: 'patch',
      path: '/networks/{networkId}/signals/{signalId}',
      summary:
        'Correct a signal’s text, urgency, wijken, communities, themes, channel, from whom or receipt time: its receiver or the network’s coordinator; send the `version` you read, 409 `changed-meanwhile` when someone changed it since (audited)',
      tags,
      access: 'signed-in',
      permission: recordSignals,
      params: signalParams,
      body: updateSignalSchema,
      response: { status: 200, description: 'The signal after the change', schema: signalSchema },
      handle: async ({ params, body }, context) =>
        updateSignal(db, context.origin, context.access, params.networkId, params.signalId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'changeSignalFollowUp',
      method: 'patch',
      path: '/networks/{networkId}/signals/{signalId}/follow-up',
      summary: 'Change the follow-up: owner, status, actions, reason not taken up, fed back on (audited)',
      tags,
      access: 'signed-in',
      permission: recordSignals,
      params: signalParams,
      body: updateFollowUpSchema,
      response: { status: 200, description: 'The signal', schema: signalSchema },
      handle: async ({ params, body }, context) =>
        changeFollowUp(
          db,
          context.origin,
          context.access,
          params.networkId,
          params.signalId,
          body,
          deps.now(),
        ),
    }),
    defineRoute({
      operationId: 'listOpenSignalFollowUps',
      method: 'get',
      path: '/networks/{networkId}/signal-follow-ups',
      summary: 'Open and in-progress follow-ups of the network’s signals, overdue ones flagged (audited)',
      tags,
      access: 'signed-in',
      permission: viewSignals,
      params: networkIdParams,
      response: { status: 200, description: 'Open follow-ups', schema: z.array(openFollowUpSchema) },
      handle: async ({ params }, context) =>
        listOpenFollowUps(db, context.origin, params.networkId, deps.now()),
    }),
    defineRoute({
      operationId: 'listPersonContacts',
      method: 'get',
      path: '/people/{personId}/contacts',
      summary: 'A person’s contact log, newest first (audited)',
      tags,
      access: 'signed-in',
      permission: viewContacts,
      params: personIdParams,
      response: { status: 200, description: 'Contact notes', schema: z.array(contactSchema) },
      handle: async ({ params }, context) => listContacts(db, context.origin, params.personId, deps.now()),
    }),
    defineRoute({
      operationId: 'addPersonContact',
      method: 'post',
      path: '/people/{personId}/contacts',
      summary: 'Add a contact note: date, channel, gist (audited)',
      tags,
      access: 'signed-in',
      permission: recordContacts,
      params: personIdParams,
      body: createContactSchema,
      response: {
        status: 201,
        description: 'The contact log after the change',
        schema: z.array(contactSchema),
      },
      handle: async ({ params, body }, context) =>
        addContact(db, context.origin, context.access, params.personId, body, deps.now()),
    }),
    defineRoute({
      operationId: 'getThermometer',
      method: 'get',
      path: '/thermometer',
      summary:
        'Signals per wijk × theme over weeks or months with trends, and meeting mood per wijk; your networks (all for administrators), counts only (audited)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      query: thermometerQuery,
      response: { status: 200, description: 'The thermometer', schema: thermometerSchema },
      handle: async ({ query }, context) =>
        readThermometer(db, context.origin, context.access, query, deps.now()),
    }),
    defineRoute({
      operationId: 'getSfeerbeeld',
      method: 'get',
      path: '/sfeerbeeld',
      summary: 'The sfeerbeeld: per wijk and theme for a period, no names, small cells suppressed (audited)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      query: reportQuery,
      response: { status: 200, description: 'The sfeerbeeld', schema: sfeerbeeldSchema },
      handle: async ({ query }, context) =>
        readSfeerbeeld(db, context.origin, context.access, query, deps.now()),
    }),
    defineRoute({
      operationId: 'getSfeerbeeldPdf',
      method: 'get',
      path: '/sfeerbeeld.pdf',
      summary: 'The sfeerbeeld as a PDF for the crisis organisation, kerngroep and driehoek (audited)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      query: reportQuery,
      response: { status: 200, description: 'PDF (A4)', format: { kind: 'pdf', fileName: 'sfeerbeeld.pdf' } },
      handle: async ({ query }, context) => {
        const now = deps.now();
        const report = await readSfeerbeeld(
          db,
          context.origin,
          context.access,
          query,
          now,
          'signal.report-pdf',
        );
        return renderSfeerbeeldPdf({ report, locale: query.lang ?? 'nl', now });
      },
    }),
    defineRoute({
      operationId: 'getNetworkOverview',
      method: 'get',
      path: '/network-overview',
      summary:
        'Per network for a period (default the last three months, at most two years): meetings planned and held, signals and open or overdue follow-ups, coverage gaps, the next evaluation, call-outs and how many reached the network within the hour; your networks (all for administrators), counts only (audited)',
      tags,
      access: 'signed-in',
      permission: staffOfAnyNetwork,
      query: networkOverviewQuery,
      response: { status: 200, description: 'The overview', schema: networkOverviewSchema },
      handle: async ({ query }, context) =>
        readNetworkOverview(db, context.origin, context.access, query, deps.now()),
    }),
  ];
}
