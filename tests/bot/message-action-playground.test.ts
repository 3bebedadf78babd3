import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeBotHandler } from '../../src/server/compose.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The message action end to end through Microsoft 365 Agents Playground (@microsoft/m365agentsplayground): the
 * playground builds the `composeExtension/fetchTask` and `composeExtension/submitAction` invokes itself (as its
 * UI does for an action command on a message; its `/_conversation/v1/invoke` endpoint is what that UI calls),
 * sends them to the local bot, and returns the bot's task response. The signal it creates is read back through
 * the API. The playground takes its mock Teams context (Sanne Verhoef) from .m365agentsplayground.yml.
 */
let server: TestServer;
let playground: ChildProcess | undefined;
let invokeUrl: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForPlayground(url: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (playground?.exitCode !== null) throw new Error('the Agents Playground stopped');
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the Agents Playground did not answer');
}

/** A message in the playground's team channel, as its UI hands it to an action command. */
const MESSAGE = {
  id: '1700000000000',
  messageType: 'message',
  createdDateTime: '2026-03-01T09:15:00.000Z',
  importance: 'normal',
  locale: 'nl-nl',
  from: { user: { id: 'user-id-joris', displayName: 'Joris Amrani', userIdentityType: 'aadUser' } },
  body: { contentType: 'html', content: '<p>Fictief: jongeren op <b>scooters</b> bij het winkelcentrum</p>' },
  attachments: [],
  mentions: [],
  reactions: [],
};
const TEXT = 'Fictief: jongeren op scooters bij het winkelcentrum';

/** The task response the playground hands back from the bot. */
interface TaskResponse {
  task?: { type: string; value: { card: { content: unknown } } };
}

async function invoke(name: string, value: Record<string, unknown>) {
  const response = await fetch(invokeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      from: { id: 'user-id-sanne' },
      conversation: { id: 'team-id' },
      value: { commandId: 'createSignal', commandContext: 'message', messagePayload: MESSAGE, ...value },
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as TaskResponse,
  };
}

type Node = Record<string, unknown>;
function nodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const item of value) nodes(item, out);
  else if (value !== null && typeof value === 'object') {
    out.push(value as Node);
    for (const item of Object.values(value)) nodes(item, out);
  }
  return out;
}

beforeAll(async () => {
  const port = await freePort();
  // The bot as main.ts composes it without bot credentials: unauthenticated, for the playground only.
  server = await startTestServer({ env: { PLAYGROUND_PORT: String(port) }, botHandler: composeBotHandler });
  const cli = 'node_modules/@microsoft/m365agentsplayground/cli.js';
  playground = spawn(
    process.execPath,
    [cli, '-e', `${server.url}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: 'ignore' },
  );
  playground.unref();
  await waitForPlayground(`http://127.0.0.1:${port}/`);
  invokeUrl = `http://127.0.0.1:${port}/_conversation/v1/invoke`;
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (playground && playground.exitCode === null) {
    const exited = new Promise((resolve) => playground?.once('exit', resolve));
    playground.kill('SIGTERM');
    await exited;
  }
});

describe('Maak signaal through the Agents Playground', () => {
  it('answers fetchTask with the prefilled dialog and submitAction records the signal', async () => {
    const fetched = await invoke('composeExtension/fetchTask', {});
    expect(fetched.status).toBe(200);
    expect(fetched.body.task?.type).toBe('continue');
    const card = fetched.body.task?.value.card.content;
    const inputs = nodes(card).filter((node) => /^Input\./.test(String(node.type)));
    expect(inputs.find((input) => input.id === 'text')?.value).toBe(TEXT);

    const filled = Object.fromEntries(
      inputs.map((input) => [
        String(input.id),
        String(input.value ?? (input.choices as { value: string }[] | undefined)?.[0]?.value ?? ''),
      ]),
    );
    const button = nodes(card).find((node) => node.type === 'Action.Submit');
    const submitted = await invoke('composeExtension/submitAction', {
      data: { ...filled, ...(button?.data as Node) },
    });
    expect(submitted.status).toBe(200);
    const confirmation = nodes(submitted.body.task?.value.card.content);
    expect(confirmation.some((node) => node.type === 'FactSet')).toBe(true);

    const [networkId] = String(filled.wijk).split('|');
    const cookie = await signInAs(server.url, 'Sanne Verhoef');
    const list = await callApi(server.url, cookie, 'GET', `/api/v1/networks/${networkId}/signals`);
    expect(list.status).toBe(200);
    expect(list.body.map((signal: { text: string }) => signal.text)).toEqual([TEXT]);
  });
});
