import { type Channel, channel } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/**
 * Records where every TCP client socket of this process goes (Node's `net.client.socket` diagnostics
 * channel): the address it connected to, or the one its connection failed at, or the host it looked up.
 * The bot runs in this process, so a connection it makes anywhere shows up here, whatever library makes it.
 */
export interface OutboundWatch {
  destinations: string[];
  stop(): void;
}

/** Starts recording; `stop()` unsubscribes. */
export function watchOutbound(): OutboundWatch {
  const destinations: string[] = [];
  const sockets: Channel = channel('net.client.socket');
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    let seen = false;
    const note = (where: string) => {
      seen = true;
      destinations.push(where);
    };
    socket.once('lookup', (_error, address, _family, host) => note(`lookup ${host} ${address}`));
    socket.once('connect', () => note(`${socket.remoteAddress}:${socket.remotePort}`));
    socket.once('error', (error: NodeJS.ErrnoException & { address?: string; port?: number }) => {
      if (error.address) note(`${error.address}:${error.port}`);
    });
    socket.once('close', () => {
      if (!seen) note('unknown');
    });
  };
  sockets.subscribe(onSocket);
  return { destinations, stop: () => sockets.unsubscribe(onSocket) };
}
