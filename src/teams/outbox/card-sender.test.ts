import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import {
  backoffMs,
  ConnectorError,
  cardActivity,
  classifyFailure,
  createConnectorCardSender,
  reportingWrite,
} from './card-sender.js';

describe('classifyFailure', () => {
  it('waits out a 429 for its Retry-After, and one second without one', () => {
    expect(classifyFailure(new ConnectorError(429, 3_000, 'TooManyRequests'))).toEqual({
      kind: 'throttled',
      retryAfterMs: 3_000,
    });
    expect(classifyFailure(new ConnectorError(429, null, 'TooManyRequests'))).toEqual({
      kind: 'throttled',
      retryAfterMs: 1_000,
    });
  });

  it('retries 412, 5xx and network errors, and gives up on other 4xx with the reason', () => {
    for (const status of [412, 500, 502, 503, 504])
      expect(classifyFailure(new ConnectorError(status, null, 'x')).kind).toBe('retry');
    expect(classifyFailure(new TypeError('fetch failed'))).toEqual({ kind: 'retry' });
    expect(classifyFailure(new ConnectorError(403, null, 'BotNotInConversationRoster'))).toEqual({
      kind: 'give-up',
      reason: '403 BotNotInConversationRoster',
    });
    expect(classifyFailure(new ConnectorError(404, null, 'ConversationNotFound')).kind).toBe('give-up');
  });
});

describe('backoffMs', () => {
  it('grows exponentially with full jitter and stays under its cap', () => {
    expect(backoffMs(1, () => 1)).toBe(500);
    expect(backoffMs(4, () => 1)).toBe(4_000);
    expect(backoffMs(30, () => 1)).toBe(60_000);
    expect(backoffMs(3, () => 0.5)).toBe(1_000);
    expect(backoffMs(3, () => 0)).toBe(50);
  });
});

describe('cardActivity', () => {
  it('carries the card as the only content, without text (Teams would split it into two messages)', () => {
    expect(cardActivity({ type: 'AdaptiveCard' })).toEqual({
      type: 'message',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } },
      ],
    });
  });
});

describe('reportingWrite', () => {
  it('reports when each request is written, before the connector answers, and only for requests made inside it', async () => {
    let arrivedAt = 0;
    let answer: () => void = () => undefined;
    const server = createServer((req: IncomingMessage, res) => {
      arrivedAt = performance.now();
      req.resume();
      // The answer waits, so a report can only come from the write, not from the reply.
      answer = () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"activity-1"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const sender = createConnectorCardSender(async () => null);
      const written: number[] = [];
      const before = performance.now();
      const sent = reportingWrite(
        (at) => written.push(at),
        () => sender.sendActivity({ serviceUrl: url, conversationId: 'a:fictief' }, cardActivity({})),
      );
      while (arrivedAt === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(written).toHaveLength(1);
      expect(written[0]).toBeGreaterThanOrEqual(before);
      expect(written[0]).toBeLessThanOrEqual(arrivedAt);
      answer();
      await expect(sent).resolves.toEqual({ activityId: 'activity-1' });
      // A request outside reportingWrite reports to nobody.
      arrivedAt = 0;
      const outside = sender.sendActivity({ serviceUrl: url, conversationId: 'a:fictief' }, cardActivity({}));
      while (arrivedAt === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      answer();
      await outside;
      expect(written).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
