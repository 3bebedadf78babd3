import { describe, expect, it } from '@jest/globals';
import { cardResult } from './card-action.js';
import { dialogCard } from './dialog-card.js';
import type { InvokeRouter } from './invoke-router.js';
import type { MessageAction, MessageActionTurn } from './message-action.js';
import { createMessageActionRouter } from './message-action-router.js';

const TENANT = '9e3b7c2a-4d1f-4a8e-b6c5-2f0d1e9a7b34';
const USER = '5a1c8e3f-7b2d-4c9e-a0f6-3d8b2e1c4f70';

function invoke(name: string, value: unknown) {
  return {
    type: 'invoke',
    name,
    id: 'activity-1',
    locale: 'nl-NL',
    from: { id: '29:x', aadObjectId: USER },
    conversation: { id: '19:c@thread.tacv2', conversationType: 'channel' },
    channelData: { tenant: { id: TENANT } },
    value,
  } as never;
}

const opened: MessageActionTurn[] = [];
const routed: unknown[] = [];
const action: MessageAction = {
  commandId: 'echo',
  title: (locale) => `Echo ${locale}`,
  open: async (turn) => {
    opened.push(turn);
    return {
      type: 'AdaptiveCard',
      refresh: { action: { type: 'Action.Execute', verb: 'echo.status' } },
      body: [
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Execute', title: 'Go', verb: 'echo.go', data: { n: 1 } }],
        },
      ],
    };
  },
  verbPrefixes: ['echo.'],
};
const routeInvoke: InvokeRouter = async (activity) => {
  routed.push(activity);
  return cardResult({
    type: 'AdaptiveCard',
    body: [],
    answered: (activity.value as { action: unknown }).action,
  });
};
const route = createMessageActionRouter([action], routeInvoke);

describe('dialogCard', () => {
  it('turns every Action.Execute into an Action.Submit carrying its verb, and drops refresh', () => {
    const card = {
      type: 'AdaptiveCard',
      refresh: { action: { type: 'Action.Execute', verb: 'a.status' } },
      body: [
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Execute', title: 'X', verb: 'a.go', style: 'positive' }],
        },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://example.org/' }],
    };
    expect(dialogCard(card)).toEqual({
      type: 'AdaptiveCard',
      body: [
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Submit', title: 'X', style: 'positive', data: { dialogVerb: 'a.go' } }],
        },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://example.org/' }],
    });
    expect(card.refresh).toBeDefined();
  });
});

describe('the message action router', () => {
  it('leaves every other activity to the other routers', async () => {
    expect(await route(invoke('adaptiveCard/action', {}))).toBeNull();
    expect(await route(invoke('composeExtension/query', { commandId: 'echo' }))).toBeNull();
  });

  it('opens the dialog with the message as plain text, seen by the actor alone', async () => {
    const value = {
      commandId: 'echo',
      messagePayload: { body: { contentType: 'html', content: '<p>a &amp; b</p>' } },
    };
    const answer = await route(invoke('composeExtension/fetchTask', value));
    expect(answer).toMatchObject({ task: { type: 'continue', value: { title: 'Echo nl' } } });
    expect(opened.at(-1)).toMatchObject({
      messageText: 'a & b',
      conversationType: 'dialog',
      actor: { tenantId: TENANT, aadObjectId: USER },
    });
    const content = JSON.stringify(answer);
    expect(content).toContain('"dialogVerb":"echo.go"');
    expect(content).not.toContain('Action.Execute');
  });

  it('hands a submit to the invoke router as the button’s Action.Execute, only for the action’s own verbs', async () => {
    const answer = await route(
      invoke('composeExtension/submitAction', {
        commandId: 'echo',
        data: { dialogVerb: 'echo.go', n: 2, text: 'x' },
      }),
    );
    expect(routed.at(-1)).toMatchObject({
      name: 'adaptiveCard/action',
      conversation: { conversationType: 'dialog' },
      value: {
        action: { type: 'Action.Execute', verb: 'echo.go', data: { n: 2, text: 'x' } },
        trigger: 'manual',
      },
    });
    expect(JSON.stringify(answer)).toContain('"answered"');
    const count = routed.length;
    const refused = await route(
      invoke('composeExtension/submitAction', { commandId: 'echo', data: { dialogVerb: 'other.go' } }),
    );
    expect(JSON.stringify(refused)).toContain('Deze actie ken ik niet');
    expect(routed).toHaveLength(count);
  });
});
