import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GraphAnswer, graphError } from './graph-wire.js';

/** Graph's `automaticRepliesSetting` as a mailbox holds it, reply texts included (the app must not keep them). */
export interface AutomaticRepliesSetting {
  status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  externalAudience: 'none' | 'contactsOnly' | 'all';
  scheduledStartDateTime: { dateTime: string; timeZone: string };
  scheduledEndDateTime: { dateTime: string; timeZone: string };
  internalReplyMessage: string;
  externalReplyMessage: string;
}

/**
 * A loopback stand-in for `GET /v1.0/users/{id}/mailboxSettings/automaticRepliesSetting`: the bearer token is
 * checked (401 otherwise), a user without a mailbox answers 404 `MailboxNotEnabledForRESTAPI`, and a tenant
 * that has not granted MailboxSettings.Read answers 403 `ErrorAccessDenied`, each in Graph's error body.
 */
export interface MailboxSettingsStandIn {
  baseUrl: string;
  /** Mailboxes by user object id. */
  mailboxes: Map<string, AutomaticRepliesSetting>;
  /** When true, every read is refused as without the application permission. */
  denied: boolean;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startMailboxSettingsStandIn(options: {
  token: string;
}): Promise<MailboxSettingsStandIn> {
  const mailboxes = new Map<string, AutomaticRepliesSetting>();
  const requests: { method: string; path: string }[] = [];
  const state = { denied: false };

  const answer = (req: IncomingMessage): GraphAnswer => {
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const match = /^\/v1\.0\/users\/([^/]+)\/mailboxSettings\/automaticRepliesSetting$/.exec(path);
    if (!match?.[1] || req.method !== 'GET')
      return graphError(400, 'BadRequest', 'Resource not found for the segment.');
    if (state.denied)
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const setting = mailboxes.get(decodeURIComponent(match[1]));
    if (!setting)
      return graphError(
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      );
    return {
      status: 200,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${match[1]}')/mailboxSettings/automaticRepliesSetting`,
        ...setting,
      },
    };
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '' });
    const { status, body, headers } = answer(req);
    res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    mailboxes,
    get denied() {
      return state.denied;
    },
    set denied(value: boolean) {
      state.denied = value;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
