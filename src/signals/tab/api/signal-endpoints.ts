import type { z } from 'zod';
import type { ApiClient } from '../../../tab/api/client.js';
import type { NetworkOverview } from '../../overview-schemas.js';
import type {
  contactSchema,
  createContactSchema,
  createSignalSchema,
  openFollowUpSchema,
  Sfeerbeeld,
  Signal,
  SignalTheme,
  signalChoicesSchema,
  Thermometer,
  updateFollowUpSchema,
  updateSignalSchema,
} from '../../schemas.js';

export type { NetworkOverview } from '../../overview-schemas.js';
export type { Sfeerbeeld, Signal, SignalTheme, Thermometer } from '../../schemas.js';
export type SignalChoices = z.infer<typeof signalChoicesSchema>;
export type CreateSignal = z.input<typeof createSignalSchema>;
export type UpdateFollowUp = z.input<typeof updateFollowUpSchema>;
export type UpdateSignal = z.input<typeof updateSignalSchema>;
export type OpenFollowUp = z.infer<typeof openFollowUpSchema>;
export type PersonContact = z.infer<typeof contactSchema>;
export type CreateContact = z.input<typeof createContactSchema>;

const net = (networkId: string) => `/networks/${encodeURIComponent(networkId)}`;
const query = (values: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
};

/** `GET /signal-themes`. */
export const listSignalThemes = (api: ApiClient) => api.get<SignalTheme[]>('/signal-themes');

/** `GET /networks/{id}/signal-choices`: wijken, communities, people, staff, themes (audited). */
export const getSignalChoices = (api: ApiClient, networkId: string) =>
  api.get<SignalChoices>(`${net(networkId)}/signal-choices`);

/**
 * `GET /networks/{id}/signals` (audited): a page of at most `limit`, after `before` (the previous page's last
 * signal) when given.
 */
export const listSignals = (
  api: ApiClient,
  networkId: string,
  options: { openOnly: boolean; limit: number; before?: Pick<Signal, 'id' | 'receivedAt'> | undefined },
) =>
  api.get<Signal[]>(
    `${net(networkId)}/signals?${query({
      status: options.openOnly ? 'open' : undefined,
      limit: String(options.limit),
      beforeReceivedAt: options.before?.receivedAt,
      beforeId: options.before?.id,
    })}`,
  );

/** `POST /networks/{id}/signals` (audited). */
export const createSignal = (api: ApiClient, networkId: string, signal: CreateSignal) =>
  api.post<Signal>(`${net(networkId)}/signals`, signal);

/** `PATCH /networks/{id}/signals/{signalId}`: correct its fields, with the version read (audited). */
export const updateSignal = (api: ApiClient, networkId: string, signalId: string, change: UpdateSignal) =>
  api.patch<Signal>(`${net(networkId)}/signals/${encodeURIComponent(signalId)}`, change);

/** `PATCH /networks/{id}/signals/{signalId}/follow-up` (audited). */
export const changeFollowUp = (api: ApiClient, networkId: string, signalId: string, change: UpdateFollowUp) =>
  api.patch<Signal>(`${net(networkId)}/signals/${encodeURIComponent(signalId)}/follow-up`, change);

/** `GET /networks/{id}/signal-follow-ups`: open and overdue follow-ups (audited). */
export const listOpenFollowUps = (api: ApiClient, networkId: string) =>
  api.get<OpenFollowUp[]>(`${net(networkId)}/signal-follow-ups`);

/** `GET /people/{id}/contacts` (audited). */
export const listContacts = (api: ApiClient, personId: string) =>
  api.get<PersonContact[]>(`/people/${encodeURIComponent(personId)}/contacts`);

/** `POST /people/{id}/contacts` (audited). */
export const addContact = (api: ApiClient, personId: string, contact: CreateContact) =>
  api.post<PersonContact[]>(`/people/${encodeURIComponent(personId)}/contacts`, contact);

export interface ThermometerFilter {
  from: string;
  to: string;
  grain: 'week' | 'month';
  networkId?: string | undefined;
  wijkId?: string | undefined;
  theme?: string | undefined;
}

/** `GET /thermometer` (audited). */
export const getThermometer = (api: ApiClient, filter: ThermometerFilter) =>
  api.get<Thermometer>(`/thermometer?${query({ ...filter })}`);

/** `GET /sfeerbeeld` (audited). */
export const getSfeerbeeld = (
  api: ApiClient,
  filter: { from: string; to: string; networkId?: string | undefined },
) => api.get<Sfeerbeeld>(`/sfeerbeeld?${query(filter)}`);

/** `GET /network-overview`: per network, counts only (audited); the server's three months when no period. */
export const getNetworkOverview = (
  api: ApiClient,
  period: { from?: string | undefined; to?: string | undefined },
) => api.get<NetworkOverview>(`/network-overview${query(period) ? `?${query(period)}` : ''}`);

/** The path of `GET /sfeerbeeld.pdf`. */
export const sfeerbeeldPdfPath = (filter: {
  from: string;
  to: string;
  networkId?: string | undefined;
  lang: string;
}) => `/sfeerbeeld.pdf?${query(filter)}`;
