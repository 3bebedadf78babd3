/** The fictional demo coordinator the bench signs in as. */
export const DEMO_COORDINATOR = 'Sanne Verhoef';

/** The session cookie's name and value, as a browser or a load generator sends it back. */
export interface SessionCookie {
  name: string;
  value: string;
}

/** Signs in through the local sign-in API as the demo staff member with this name. */
export async function signInLocally(baseUrl: string, displayName = DEMO_COORDINATOR): Promise<SessionCookie> {
  const staffResponse = await fetch(`${baseUrl}/api/v1/auth/local/staff`);
  if (!staffResponse.ok) throw new Error(`GET /api/v1/auth/local/staff answered ${staffResponse.status}`);
  const staff = (await staffResponse.json()) as { id: string; displayName: string }[];
  const member = staff.find((candidate) => candidate.displayName === displayName);
  if (!member) throw new Error(`no demo staff member named ${displayName}`);
  return signInLocallyAs(baseUrl, member.id);
}

/** Signs in through the local sign-in API as the staff member with this user id. */
export async function signInLocallyAs(baseUrl: string, userId: string): Promise<SessionCookie> {
  const response = await fetch(`${baseUrl}/api/v1/auth/local/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (response.status !== 201) throw new Error(`local sign-in answered ${response.status}, not 201`);
  const [pair = ''] = (response.headers.get('set-cookie') ?? '').split(';');
  const separator = pair.indexOf('=');
  if (separator < 1) throw new Error('local sign-in set no session cookie');
  return { name: pair.slice(0, separator), value: pair.slice(separator + 1) };
}
