import dgram from 'node:dgram';
import net from 'node:net';
import {
  buildErrorResponse,
  buildResponse,
  type DnsAnswer,
  DnsFormatError,
  type DnsQuestion,
  parseQuery,
} from './dns-message.js';

/** Answers one question from the emulator's hosted zones. */
export type DnsAnswerSource = (question: DnsQuestion) => DnsAnswer;

export interface RunningDnsServer {
  port: number;
  close(): Promise<void>;
}

function answerFor(message: Buffer, source: DnsAnswerSource, maxBytes: number): Buffer | undefined {
  try {
    const question = parseQuery(message);
    if (question.klass !== 1) {
      return buildResponse(question, { rcode: 'REFUSED', authoritative: false, answers: [], authority: [] });
    }
    return buildResponse(question, source(question), maxBytes);
  } catch (error) {
    return buildErrorResponse(message, error instanceof DnsFormatError ? 'FORMERR' : 'SERVFAIL');
  }
}

/**
 * A DNS server on UDP and TCP (same port) that answers authoritatively from the emulator's Route 53
 * zones, so `dig @127.0.0.1 -p 10053 …` and Node's resolver see what "public DNS" holds.
 */
export async function startDnsServer(options: {
  host: string;
  port: number;
  source: DnsAnswerSource;
}): Promise<RunningDnsServer> {
  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        const response = answerFor(message, options.source, 65535);
        if (response) {
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(response.length);
          socket.write(Buffer.concat([prefix, response]));
        }
      }
    });
    socket.on('error', () => socket.destroy());
    socket.setTimeout(10_000, () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(options.port, options.host, () => resolve());
  });
  const port = (tcp.address() as net.AddressInfo).port;

  const udp = dgram.createSocket(options.host.includes(':') ? 'udp6' : 'udp4');
  udp.on('message', (message, rinfo) => {
    const response = answerFor(message, options.source, 512);
    if (response) udp.send(response, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, options.host, () => resolve());
  });

  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}
