import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';
const entraEnv = {
  AAD_CLIENT_ID: CLIENT,
  AAD_CLIENT_SECRET: 'secret',
  AAD_TENANT_ID: TENANT,
  PUBLIC_URL: 'https://bondgenoten.example.org',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to a local run: loopback, port 3978, PGlite, demo seed, local sign-in', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      authMode: 'local',
      database: { kind: 'pglite', dataDir: '.data/pglite' },
      seedDemo: true,
      bot: null,
      aad: null,
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    });
  });

  it('uses PostgreSQL and does not seed when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db.internal:5432/bondgenoten' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://app@db.internal:5432/bondgenoten' });
    expect(config.seedDemo).toBe(false);
  });

  it('seeds the demo only for local sign-in: never in Entra mode, and refuses SEED_DEMO=true there', () => {
    expect(loadConfig({ SEED_DEMO: 'true', DATABASE_URL: 'postgres://app@127.0.0.1/x' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig(entraEnv).seedDemo).toBe(false);
    expect(loadConfig({ ...entraEnv, SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ ...entraEnv, DATABASE_URL: 'postgres://app@db.internal/x' }).seedDemo).toBe(false);
    expect(problemsOf({ ...entraEnv, SEED_DEMO: 'true' })).toContain(
      'SEED_DEMO: the fictional demo data is only',
    );
    expect(problemsOf({ ...entraEnv, AUTH_MODE: 'entra', SEED_DEMO: 'yes' })).toContain('SEED_DEMO:');
  });

  it('names a malformed variable in one clear message', () => {
    expect(problemsOf({ PORT: 'eighty' })).toMatch(/^Invalid configuration:\n {2}PORT: must be a number/);
    expect(problemsOf({ PORT: '70000' })).toContain('PORT: must be between 1 and 65535');
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toContain('DATABASE_URL: must be a postgres://');
    expect(problemsOf({ AAD_ALLOWED_TENANTS: `${TENANT},nope`, ...entraEnv })).toContain(
      'AAD_ALLOWED_TENANTS: "nope" is not a GUID',
    );
  });

  it('keeps callers five seconds by default; ACCESS_CACHE_SECONDS sets it, 0 turns the cache off', () => {
    expect(loadConfig({}).accessCacheSeconds).toBe(5);
    expect(loadConfig({ ACCESS_CACHE_SECONDS: '' }).accessCacheSeconds).toBe(5);
    expect(loadConfig({ ACCESS_CACHE_SECONDS: '0' }).accessCacheSeconds).toBe(0);
    expect(loadConfig({ ACCESS_CACHE_SECONDS: '30' }).accessCacheSeconds).toBe(30);
    expect(problemsOf({ ACCESS_CACHE_SECONDS: '301' })).toContain(
      'ACCESS_CACHE_SECONDS: must be between 0 and 300',
    );
    expect(problemsOf({ ACCESS_CACHE_SECONDS: 'soon' })).toContain('ACCESS_CACHE_SECONDS: must be a number');
  });

  it('lists every problem at once', () => {
    const message = problemsOf({ PORT: '0', LOG_LEVEL: 'loud' });
    expect(message).toContain('PORT:');
    expect(message).toContain('LOG_LEVEL:');
  });

  it('switches to Entra sign-in when the AAD settings are present, and listens on all interfaces', () => {
    const config = loadConfig(entraEnv);
    expect(config.authMode).toBe('entra');
    expect(config.host).toBe('0.0.0.0');
    expect(config.aad).toMatchObject({ clientId: CLIENT, allowedTenants: [TENANT] });
  });

  it('requires the Entra settings that production needs', () => {
    const message = problemsOf({ AUTH_MODE: 'entra' });
    expect(message).toContain('AAD_CLIENT_ID: required when AUTH_MODE is entra');
    expect(message).toContain('PUBLIC_URL: required when AUTH_MODE is entra');
  });

  it('requires https for the authority and Graph outside loopback tests', () => {
    expect(problemsOf({ ...entraEnv, AAD_AUTHORITY_HOST: 'http://login.example.org' })).toContain(
      'AAD_AUTHORITY_HOST: must be an https URL',
    );
    expect(problemsOf({ ...entraEnv, AAD_AUTHORITY_HOST: 'http://127.0.0.1:9999' })).toContain(
      'AAD_AUTHORITY_HOST',
    );
    const config = loadConfig({
      ...entraEnv,
      NODE_ENV: 'test',
      AAD_AUTHORITY_HOST: 'http://127.0.0.1:9999/',
    });
    expect(config.aad?.authorityHost).toBe('http://127.0.0.1:9999');
  });

  it('requires bot id and password together, and a tenant for a single-tenant bot', () => {
    expect(problemsOf({ BOT_ID: CLIENT })).toContain(
      'BOT_PASSWORD: BOT_ID and BOT_PASSWORD are set together',
    );
    expect(problemsOf({ BOT_ID: CLIENT, BOT_PASSWORD: 'x' })).toContain(
      'BOT_TENANT_ID: required for a SingleTenant bot',
    );
    expect(loadConfig({ BOT_ID: CLIENT, BOT_PASSWORD: 'x', BOT_TENANT_ID: TENANT }).bot).toMatchObject({
      appId: CLIENT,
      type: 'SingleTenant',
    });
  });
});

describe('the local sign-in guard', () => {
  it('refuses local sign-in in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain(
      'AUTH_MODE: local sign-in is refused when NODE_ENV=production',
    );
  });

  it('refuses local sign-in on a non-loopback address', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toContain('HOST: local sign-in only listens on loopback');
    expect(problemsOf({ AUTH_MODE: 'local', HOST: '192.0.2.10' })).toContain(
      'HOST: local sign-in only listens on loopback',
    );
  });

  it('refuses local sign-in while any AAD setting is present', () => {
    expect(problemsOf({ AUTH_MODE: 'local', AAD_CLIENT_ID: CLIENT })).toContain(
      'AUTH_MODE: local sign-in is refused while AAD_CLIENT_ID is set',
    );
    expect(problemsOf({ AUTH_MODE: 'local', AAD_CLIENT_SECRET: 's' })).toContain('AAD_CLIENT_SECRET');
  });

  it('allows local sign-in on each loopback name', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost'])
      expect(loadConfig({ HOST: host }).authMode).toBe('local');
  });

  it('allows the Teams service hosts by default and takes BOT_SERVICE_URL_HOSTS as a host list', () => {
    expect(loadConfig(entraEnv).botServiceUrlHosts).toContain('smba.trafficmanager.net');
    expect(
      loadConfig({
        ...entraEnv,
        BOT_SERVICE_URL_HOSTS: ' SMBA.trafficmanager.net, smba.infra.gcc.teams.microsoft.com ',
      }).botServiceUrlHosts,
    ).toEqual(['smba.trafficmanager.net', 'smba.infra.gcc.teams.microsoft.com']);
    expect(problemsOf({ ...entraEnv, BOT_SERVICE_URL_HOSTS: 'https://smba.trafficmanager.net/' })).toContain(
      'BOT_SERVICE_URL_HOSTS: must be a comma-separated list of host names',
    );
  });
});
