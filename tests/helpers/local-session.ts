import type { DEMO_STAFF } from '../../src/server/seed/demo-data.js';

/** Signs in on a local-mode test server as the demo staff member with this name; returns the cookie header. */
export async function signInAs(
  baseUrl: string,
  displayName: (typeof DEMO_STAFF)[number]['displayName'],
): Promise<string> {
  const staff = (await (await fetch(`${baseUrl}/api/v1/auth/local/staff`)).json()) as {
    id: string;
    displayName: string;
  }[];
  const member = staff.find((candidate) => candidate.displayName === displayName);
  if (!member) throw new Error(`no demo staff member named ${displayName}`);
  const response = await fetch(`${baseUrl}/api/v1/auth/local/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: member.id }),
  });
  if (response.status !== 201) throw new Error(`sign-in failed with ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** fetch with the session cookie and JSON body, as the tab sends it. */
export async function callApi(
  baseUrl: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests assert the parsed body's shape directly
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie,
      'x-bondgenoten-client': 'tab',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: type.includes('json') ? JSON.parse(text) : text,
    headers: response.headers,
  };
}
