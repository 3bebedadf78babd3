import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { type CardVerbFamily, cardResult } from './card-action.js';
import { createInvokeRouter } from './invoke-router.js';

const TENANT = '9e3b7c2a-4d1f-4a8e-b6c5-2f0d1e9a7b34';
const USER = '5a1c8e3f-7b2d-4c9e-a0f6-3d8b2e1c4f70';

/** A family that answers with what it was given, so each test sees how the router routed. */
function echoFamily(prefix: string, answersUnreadableVerbs = false): CardVerbFamily {
  return {
    prefix,
    answersUnreadableVerbs,
    verbs: [
      {
        verb: `${prefix}go`,
        dataSchema: z.object({ n: z.number() }),
        handle: async (action) =>
          cardResult({ handled: action.verb, data: action.data, actor: action.actor }),
      },
    ],
    refuse: async (refusal) =>
      cardResult({ refused: refusal.reason, verb: refusal.verb, issues: refusal.issues.length, prefix }),
  };
}

function invoke(value: unknown, fields: Record<string, unknown> = {}) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: 'activity-1',
    locale: 'en-US',
    from: { id: '29:x', aadObjectId: USER },
    conversation: { id: 'a:1', conversationType: 'personal' },
    channelData: { tenant: { id: TENANT } },
    value,
    ...fields,
  } as never;
}

const execute = (verb: unknown, data: unknown, trigger = 'manual') => ({
  action: { type: 'Action.Execute', verb, data },
  trigger,
});

const route = createInvokeRouter([echoFamily('a.'), echoFamily('b.', true)]);

describe('the invoke router', () => {
  it('hands a known verb its parsed data and the actor', async () => {
    expect(await route(invoke(execute('a.go', { n: 1 })))).toEqual(
      cardResult({ handled: 'a.go', data: { n: 1 }, actor: { tenantId: TENANT, aadObjectId: USER } }),
    );
  });

  it("refuses data the verb's schema rejects, an unknown verb and a non-Execute action in the verb's family", async () => {
    expect(await route(invoke(execute('a.go', { n: 'one' })))).toMatchObject({
      value: { refused: 'data', verb: 'a.go', issues: 1, prefix: 'a.' },
    });
    expect(await route(invoke(execute('a.stop', { n: 1 })))).toMatchObject({
      value: { refused: 'verb', verb: 'a.stop', prefix: 'a.' },
    });
    const submit = { action: { type: 'Action.Submit', verb: 'a.go', data: { n: 1 } } };
    expect(await route(invoke(submit))).toMatchObject({ value: { refused: 'envelope', prefix: 'a.' } });
  });

  it('gives actions without a readable verb to the family that answers them', async () => {
    expect(await route(invoke(undefined))).toMatchObject({ value: { refused: 'envelope', prefix: 'b.' } });
    expect(await route(invoke(execute(42, {})))).toMatchObject({ value: { verb: null, prefix: 'b.' } });
  });

  it('returns null for verbs no family claims and for other invokes', async () => {
    expect(await route(invoke(execute('c.go', { n: 1 })))).toBeNull();
    expect(await route(invoke(execute('a.go', { n: 1 }), { name: 'task/fetch' }))).toBeNull();
    expect(await createInvokeRouter([echoFamily('a.')])(invoke(undefined))).toBeNull();
  });
});
