import { describe, expect, it } from '@jest/globals';
import { backoffMs, ConnectorError, cardActivity, classifyFailure } from './card-sender.js';

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
