import { describe, expect, it } from '@jest/globals';
import type { SharedCardView } from '../call-out-views.js';
import { answerLinkMail, answerLinkUrl } from './answer-link-content.js';
import { hashAnswerLinkToken, isAnswerLinkToken, newAnswerLinkToken } from './answer-link-token.js';

const CALL_OUT = '0b6a3c3e-4d1f-4f5e-9a53-7d1c2b3a4e5f';
const CATALOG = 'a1b2c3d4-0000-4000-8000-000000000001';

const view = (overrides: Partial<SharedCardView['base']> = {}): SharedCardView['base'] => ({
  callOutId: CALL_OUT,
  version: 1,
  status: 'open',
  kind: 'tension',
  urgency: 'immediate',
  summary: 'Fictieve spanning <na> een voetbalwedstrijd',
  ask: 'Bel je bondgenoten',
  places: ['Centrum Haven', 'Poort'],
  communities: [],
  startedAt: '2026-03-02T18:05:00.000Z',
  goalAt: '2026-03-02T19:05:00.000Z',
  tally: { coming: 0, callingAllies: 0, unavailable: 0, pending: 2 },
  progress: { recipients: 2, sent: 1, unreachable: 1, answered: 0 },
  answers: [{ displayName: 'Fictieve Collega', answer: 'coming', note: 'Fictieve notitie', etaMinutes: 5 }],
  meeting: null,
  ...overrides,
});

describe('the answer link token', () => {
  it('is 256 random bits, base64url, and only its SHA-256 is kept', () => {
    const { token, hash } = newAnswerLinkToken();
    expect(isAnswerLinkToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashAnswerLinkToken(token));
    expect(newAnswerLinkToken().token).not.toBe(token);
    expect(isAnswerLinkToken(`${token}=`)).toBe(false);
  });
});

describe('answerLinkUrl', () => {
  it('is the tab page with the token in the fragment in the local run', () => {
    expect(
      answerLinkUrl({ publicUrl: 'http://localhost:3978/', teamsAppCatalogId: null }, CALL_OUT, 'T'),
    ).toBe(`http://localhost:3978/crisisoproepen/${CALL_OUT}#antwoordlink=T`);
  });

  it('is a Teams deep link to the personal tab carrying that page when the catalog id is known', () => {
    const url = new URL(
      answerLinkUrl({ publicUrl: 'https://app.example.org', teamsAppCatalogId: CATALOG }, CALL_OUT, 'T'),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${CATALOG}/home`);
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({
      subEntityId: `/crisisoproepen/${CALL_OUT}#antwoordlink=T`,
    });
    expect(url.searchParams.get('webUrl')).toBe(
      `https://app.example.org/crisisoproepen/${CALL_OUT}#antwoordlink=T`,
    );
  });
});

describe('answerLinkMail', () => {
  it('says what, where, when and the ask, escaped, with the link; no other staff member’s answer or note', () => {
    const mail = answerLinkMail({ address: 'fictief@example.org', name: 'Fictieve Agent' }, view(), {
      url: 'https://app.example.org/x#antwoordlink=T',
      expiresAt: new Date('2026-03-03T18:05:00.000Z'),
    });
    expect(mail.subject).toBe('Crisisoproep: Spanning in Centrum Haven, Poort');
    expect(mail.to).toEqual([{ address: 'fictief@example.org', name: 'Fictieve Agent' }]);
    expect(mail.html).toContain('Fictieve spanning &lt;na&gt; een voetbalwedstrijd');
    expect(mail.html).toContain('Bel je bondgenoten');
    expect(mail.html).toContain('19:05');
    expect(mail.html).toContain('href="https://app.example.org/x#antwoordlink=T"');
    expect(mail.html).not.toContain('Fictieve Collega');
    expect(mail.html).not.toContain('Fictieve notitie');
    expect(mail.text).toContain('Geef hier je antwoord');
  });

  it('adds the meeting when one is set', () => {
    const mail = answerLinkMail(
      { address: 'fictief@example.org', name: null },
      view({ meeting: { joinUrl: 'https://teams.example.org/join/1', start: '2026-03-02T18:30:00.000Z' } }),
      { url: 'https://app.example.org/x', expiresAt: new Date('2026-03-03T18:05:00.000Z') },
    );
    expect(mail.html).toContain('Bijeenkomst: vanaf 19:30 uur');
    expect(mail.html).toContain('https://teams.example.org/join/1');
    expect(mail.html).toContain('Beste collega');
  });
});
