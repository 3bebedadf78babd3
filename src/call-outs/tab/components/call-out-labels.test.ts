import { describe, expect, it } from '@jest/globals';
import { expectSaying } from '../../../../tests/helpers/expect-saying.js';
import { messagesEn } from '../../../tab/i18n/messages.en.js';
import { messagesNl } from '../../../tab/i18n/messages.nl.js';
import { CALL_OUT_EVENT_KINDS } from '../../constants.js';
import { timelineMessage } from './call-out-labels.js';

describe('timeline event kinds in words', () => {
  // appendEvent takes only CALL_OUT_EVENT_KINDS, so this list is every kind the code can write.
  it.each(CALL_OUT_EVENT_KINDS)('the tab names "%s" in Dutch and English, never by its code', (kind) => {
    const id = timelineMessage(kind);
    expectSaying(id, `no tab message for ${kind}`).not.toBeNull();
    if (!id) return;
    for (const text of [messagesNl[id], messagesEn[id]]) expect(text.trim()).not.toMatch(/^$|^[a-z-]+$/);
    expect(messagesNl[id]).not.toContain(kind);
    expect(messagesNl[id]).not.toBe(messagesEn[id]);
  });

  it('leaves a kind it does not know to be shown as named', () => {
    expect(timelineMessage('fictief-onbekend-soort')).toBeNull();
    expect(timelineMessage('toString')).toBeNull();
  });
});
