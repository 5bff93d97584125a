import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, closes idle keep-alive sockets. */
  close(): Promise<void>;
}

/** Listens on host:port (port 0 = any free port) and tracks sockets so shutdown can drain them. */
export async function listen(app: Express, host: string, port: number): Promise<RunningServer> {
  const active = new Map<Socket, number>();
  let closing = false;
  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // A request that arrives while draining is answered and its connection closed.
  server.on('connection', (socket: Socket) => {
    active.set(socket, 0);
    socket.on('close', () => active.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    if (closing) res.setHeader('Connection', 'close');
    res.on('finish', () => {
      const n = (active.get(socket) ?? 1) - 1;
      active.set(socket, n);
      if (closing && n === 0) socket.destroySoon();
    });
  });
  server.on('clientError', answerClientError);
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${boundPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        server.close((err) => (err ? reject(err) : resolve()));
        for (const [socket, inFlight] of active) if (inFlight === 0) socket.destroySoon();
      }),
  };
}

/**
 * Requests Node's HTTP parser refuses (oversized headers, malformed request lines or chunking) never
 * reach Express. Node's default answer is a bare status line; this gives the same status with a body in
 * Magento's error shape (the reason phrase as message, as the front controller does for 413), so every
 * answer a client gets from the service parses the same way.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({ message: STATUS_CODES[status] ?? 'Bad Request' });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
