/**
 * The Bot Connector hosts Teams sends as an activity's `serviceUrl`: the public cloud (regional paths such
 * as /emea/, /amer/, /teams/ on one host), GCC, GCC High and DoD. Source: Microsoft 365 Agents SDK,
 * `TeamsServiceEndpoints` (https://microsoft.github.io/Agents-for-js/variables/_microsoft_agents-hosting.TeamsServiceEndpoints.html).
 */
export const TEAMS_SERVICE_URL_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Where the bot may send replies and cards: the listed hosts over https, and loopback where allowed. */
export interface ServiceUrlPolicy {
  /** Host names accepted over https on the default port (BOT_SERVICE_URL_HOSTS). */
  hosts: readonly string[];
  /** Loopback over http(s) on any port: the Agents Playground locally, connector stand-ins in tests. */
  loopback: boolean;
}

/**
 * The policy for a configuration: local mode talks only to the playground on loopback; otherwise only the
 * configured Teams hosts, plus loopback stand-ins when NODE_ENV=test (as for GRAPH_BASE_URL).
 */
export function serviceUrlPolicyFor(config: {
  authMode: 'local' | 'entra';
  nodeEnv: string;
  botServiceUrlHosts: readonly string[];
}): ServiceUrlPolicy {
  if (config.authMode === 'local') return { hosts: [], loopback: true };
  return { hosts: config.botServiceUrlHosts, loopback: config.nodeEnv === 'test' };
}

// scheme://authority rest — parsed by hand as well, so that what WHATWG URL normalises away
// (0xA9FEA9FE, 2852039166, 127.1, user@host) can be compared with what was sent.
const RAW_URL = /^(https?):\/\/([^/?#\\]*)([/?#].*)?$/i;

function hasSpaceOrControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Why a `serviceUrl` is refused, or null when the policy allows it. Strict: no user info, no numeric or
 * otherwise normalised host spellings, https only for non-loopback hosts and on the default port.
 */
export function serviceUrlRefusal(value: unknown, policy: ServiceUrlPolicy): string | null {
  if (typeof value !== 'string' || value.length > 2048 || hasSpaceOrControl(value))
    return 'must be the URL of the channel service';
  const raw = RAW_URL.exec(value);
  if (!raw) return 'must be an http(s) URL';
  const [, scheme = '', authority = ''] = raw;
  if (authority.includes('@')) return 'must not carry user information';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http(s) URL';
  }
  const rawHost = authority.replace(/:\d*$/, '').toLowerCase();
  if (rawHost !== url.hostname) return 'must name its host plainly (no numeric or encoded spellings)';
  if (policy.loopback && LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (!policy.hosts.includes(url.hostname)) return 'is not a channel service host this app talks to';
  if (scheme.toLowerCase() !== 'https' || url.port !== '') return 'must be https on the default port';
  return null;
}
