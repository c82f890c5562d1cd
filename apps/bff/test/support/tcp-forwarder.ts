import net from 'node:net';

/**
 * A loopback port that refuses connections (nothing listens: ECONNREFUSED) until `open(target)`, and
 * then forwards each connection to the target: how a test makes SES refuse connections, then return.
 */
export interface TcpForwarder {
  port: number;
  url: string;
  open(target: { host: string; port: number }): Promise<void>;
  close(): Promise<void>;
}

/** A loopback port that is free now (nothing listens on it afterwards). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function closedForwarder(): Promise<TcpForwarder> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    open(target) {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
        }
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      const listening = server;
      return new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', () => resolve());
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      const listening = server;
      if (!listening?.listening) return Promise.resolve();
      return new Promise<void>((resolve) => listening.close(() => resolve()));
    },
  };
}
