import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

const run = promisify(execFile);

/** A throwaway CA and a server certificate it signed for 127.0.0.1, made by the openssl CLI. */
export interface LoopbackCertificates {
  caCertificate: string;
  serverCertificate: string;
  serverKey: string;
}

const SERVER_EXTENSIONS = [
  'subjectAltName=IP:127.0.0.1',
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=serverAuth',
].join('\n');

/** Creates a one-day CA and a 127.0.0.1 server certificate in a temporary folder, then removes the folder. */
export async function makeLoopbackCertificates(): Promise<LoopbackCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'bondgenoten-tls-'));
  const file = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    await run('openssl', [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.crt'),
      '-days',
      '1',
      '-subj',
      '/CN=Bondgenoten test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ]);
    await run('openssl', [
      'req',
      ...ec,
      '-keyout',
      file('server.key'),
      '-out',
      file('server.csr'),
      '-subj',
      '/CN=127.0.0.1',
    ]);
    await writeFile(file('server.ext'), SERVER_EXTENSIONS);
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      file('server.csr'),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-out',
      file('server.crt'),
      '-days',
      '1',
      '-extfile',
      file('server.ext'),
    ]);
    const [caCertificate, serverCertificate, serverKey] = await Promise.all(
      ['ca.crt', 'server.crt', 'server.key'].map((name) => readFile(file(name), 'utf8')),
    );
    return {
      caCertificate: caCertificate ?? '',
      serverCertificate: serverCertificate ?? '',
      serverKey: serverKey ?? '',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An msal network client that trusts `caCertificate`, records every URL msal asks for, and only reaches `allowedOrigin`. */
export interface RecordingNetworkClient extends INetworkModule {
  urls: string[];
}

/**
 * Builds msal's `system.networkClient` for tests. msal-node 7 sends through the global `fetch`,
 * whose trust store cannot take an extra CA once the process runs (NODE_EXTRA_CA_CERTS is read at
 * start-up), so this client speaks HTTPS with node:https and the throwaway CA. Anything outside
 * `allowedOrigin` is refused, so no discovery request can leave the machine unnoticed.
 */
export function recordingNetworkClient(caCertificate: string, allowedOrigin: string): RecordingNetworkClient {
  const urls: string[] = [];
  const send = <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ) => {
    urls.push(url);
    if (new URL(url).origin !== allowedOrigin) {
      return Promise.reject(new Error(`test network client refused ${method} ${new URL(url).origin}`));
    }
    return new Promise<NetworkResponse<T>>((resolve, reject) => {
      const req = request(url, { method, headers: options?.headers, ca: caCertificate, timeout }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = Object.fromEntries(
            Object.entries(res.headers).map(([name, value]) => [
              name,
              Array.isArray(value) ? value.join(', ') : (value ?? ''),
            ]),
          );
          try {
            resolve({
              headers,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T,
              status: res.statusCode ?? 0,
            });
          } catch (error) {
            reject(error);
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(method === 'POST' ? (options?.body ?? '') : undefined);
    });
  };
  return {
    urls,
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
