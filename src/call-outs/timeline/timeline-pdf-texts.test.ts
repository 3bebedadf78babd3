import { describe, expect, it } from '@jest/globals';
import { CALL_OUT_EVENT_KINDS } from '../constants.js';
import { TIMELINE_PDF_TEXTS } from './timeline-pdf-texts.js';
import { eventText } from './timeline-words.js';

describe('timeline event kinds in the exports', () => {
  // appendEvent takes only CALL_OUT_EVENT_KINDS, so this list is every kind the code can write.
  it.each(CALL_OUT_EVENT_KINDS)('the exports (PDF, CSV) name "%s" in Dutch and English', (kind) => {
    for (const texts of [TIMELINE_PDF_TEXTS.nl, TIMELINE_PDF_TEXTS.en])
      expect(texts.events[kind]?.trim() ?? '').not.toMatch(/^$|^[a-z-]+$/);
    expect(TIMELINE_PDF_TEXTS.nl.events[kind]).not.toContain(kind);
  });

  it('prints a kind it does not know as named', () => {
    expect(eventText(TIMELINE_PDF_TEXTS.nl, 'fictief-onbekend-soort')).toBe('fictief-onbekend-soort');
    expect(eventText(TIMELINE_PDF_TEXTS.en, 'toString')).toBe('toString');
  });
});
