import { describe, expect, it } from '@jest/globals';
import { telUrl } from '../../call-outs/bot/cards/call-out-card.js';
import { normaliseMobile } from '../../network/people/person-rules.js';
import { DEMO_NETWORKS, DEMO_STAFF } from './demo-data.js';
import { DEMO_MOBILE_PATTERN, demoMobile } from './demo-phones.js';

describe('demo phone numbers', () => {
  const peopleCount = DEMO_NETWORKS.flatMap((network) => network.people).length;
  const numbers = [
    ...Array.from({ length: peopleCount }, (_, i) => demoMobile(i + 1)),
    ...DEMO_STAFF.map((staff) => staff.phone),
  ];

  it("pass the app's own number rule and give the alert card a tel: link, every one", () => {
    for (const number of numbers) {
      expect(normaliseMobile(number)).toBe(number);
      expect(telUrl(number)).toBe(`tel:${number}`);
    }
  });

  it('stay inside the block reserved for fiction, and are all different', () => {
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(DEMO_MOBILE_PATTERN);
    expect(demoMobile(1)).toBe('+46701740605');
    expect(demoMobile(95)).toBe('+46701740699');
    expect(() => demoMobile(96)).toThrow(RangeError);
    expect(() => demoMobile(0)).toThrow(RangeError);
  });
});
