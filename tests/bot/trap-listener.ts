import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP listener on every local address (dual-stack `::`) that only counts connections: the target of
 * hostile service URLs that reach this machine through spellings the allow-list must refuse (0.0.0.0,
 * 127.1, 0x7f000001, user@127.0.0.1, [::ffff:127.0.0.1]). Any connection means the bot followed one.
 */
export interface TrapListener {
  port: number;
  connections: number;
  close(): Promise<void>;
}

/** Starts the trap on a free port. */
export async function startTrapListener(): Promise<TrapListener> {
  const sockets = new Set<Socket>();
  const trap = { connections: 0 };
  const server: Server = createServer((socket) => {
    trap.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return trap.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Service URLs that all lead to this machine (or a cloud metadata service) and must all be refused. */
export function hostileServiceUrls(port: number): string[] {
  return [
    'http://169.254.169.254/latest/meta-data/',
    'http://0xA9FEA9FE/latest/meta-data/',
    'http://2852039166/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'https://example.com/',
    'https://smba.trafficmanager.net.evil.example/',
    `http://0.0.0.0:${port}/`,
    `http://127.1:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://2130706433:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://user@127.0.0.1:${port}/`,
    `http://user:secret@localhost:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::]:${port}/`,
    `http://[0:0:0:0:0:0:0:1]:${port}/`,
    `http://127.0.0.1%2f@evil.example:${port}/`,
    `ftp://127.0.0.1:${port}/`,
    `file:///etc/passwd`,
    `http://127.0.0.1:${port}\\@evil.example/`,
  ];
}
