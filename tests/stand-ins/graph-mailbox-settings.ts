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

/** A mailbox: the tenant its user lives in, and its automatic replies. */
export interface StandInMailbox {
  tenantId: string;
  setting: AutomaticRepliesSetting;
}

/** One request as the stand-in saw it: the tenant of its bearer token (null when the token was refused). */
export interface MailboxSettingsRequest {
  method: string;
  path: string;
  tenantId: string | null;
  status: number;
}

/**
 * A loopback stand-in for `GET /v1.0/users/{id}/mailboxSettings/automaticRepliesSetting`, serving the mailboxes of
 * several tenants as Graph does: the bearer token is checked (401 otherwise) and names its tenant (`tid`); a user
 * is found only in the token's own tenant (404 `ResourceNotFound` for a user of another tenant, as Graph cannot see
 * across tenants), a user without a mailbox answers 404 `MailboxNotEnabledForRESTAPI`, and a token without the
 * MailboxSettings.Read application role (or any read while `denied`) 403 `ErrorAccessDenied`, each in Graph's
 * error body.
 */
export interface MailboxSettingsStandIn {
  baseUrl: string;
  /** `http://127.0.0.1:<port>`: the resource Graph tokens must be issued for. */
  origin: string;
  /** Mailboxes by user object id. */
  mailboxes: Map<string, StandInMailbox>;
  /** When true, every read is refused as without the application permission. */
  denied: boolean;
  requests: MailboxSettingsRequest[];
  close(): Promise<void>;
}

/** The claims the stand-in reads from a valid token. */
export interface MailboxTokenClaims {
  tid: string;
  roles?: string[];
}

/** Starts the stand-in; `verifyToken` gives a bearer token's claims, or null when it is not valid for Graph. */
export async function startMailboxSettingsStandIn(options: {
  verifyToken: (token: string, audience: string) => Promise<MailboxTokenClaims | null>;
}): Promise<MailboxSettingsStandIn> {
  const mailboxes = new Map<string, StandInMailbox>();
  const requests: MailboxSettingsRequest[] = [];
  const state = { denied: false };
  let origin = '';

  const answer = (req: IncomingMessage, claims: MailboxTokenClaims | null): GraphAnswer => {
    if (!claims) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const match = /^\/v1\.0\/users\/([^/]+)\/mailboxSettings\/automaticRepliesSetting$/.exec(path);
    if (!match?.[1] || req.method !== 'GET')
      return graphError(400, 'BadRequest', 'Resource not found for the segment.');
    if (state.denied || !claims.roles?.includes('MailboxSettings.Read'))
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const mailbox = mailboxes.get(decodeURIComponent(match[1]));
    if (mailbox && mailbox.tenantId !== claims.tid)
      return graphError(404, 'ResourceNotFound', 'User not found');
    if (!mailbox)
      return graphError(
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      );
    return {
      status: 200,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${match[1]}')/mailboxSettings/automaticRepliesSetting`,
        ...mailbox.setting,
      },
    };
  };

  const claimsOf = (req: IncomingMessage): Promise<MailboxTokenClaims | null> => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return bearer ? options.verifyToken(bearer, origin) : Promise.resolve(null);
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const claims = await claimsOf(req);
      const { status, body, headers } = answer(req, claims);
      requests.push({ method: req.method ?? '', path: req.url ?? '', tenantId: claims?.tid ?? null, status });
      res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1.0`,
    origin,
    mailboxes,
    get denied() {
      return state.denied;
    },
    set denied(value: boolean) {
      state.denied = value;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
