/**
 * The socket: Node's http server on 127.0.0.1 turning each request into the pure API server's
 * ApiRequest (src/sim/apiserver), writing its answer, and keeping watch responses open
 * (chunked, one JSON event per line) until the client goes, `timeoutSeconds` passes, the stream
 * ends itself (410) or the server stops. `pushWatches()` sends what changed since the last call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApiRequest } from '../../sim/apiserver/types';
import type { ServeState } from '../../sim/apiserver/serveState';
import type { WatchStream } from '../../sim/apiserver/watch';
import { apiAnswer } from '../../sim/apiserver/handle';
import { statusBody } from '../../sim/apiserver/status';

interface OpenWatch {
  stream: WatchStream;
  res: ServerResponse;
  timer: NodeJS.Timeout | undefined;
}

/** The API server's maxRequestBodyBytes (3 MiB): a larger body is refused with 413. */
const MAX_BODY = 3 * 1024 * 1024;

/** Bytes of watch events a client may leave unread before its watch is closed. */
const MAX_UNREAD = 16 * 1024 * 1024;

export class ApiHttpServer {
  readonly server: Server;
  private readonly watches = new Set<OpenWatch>();

  constructor(
    private readonly state: ServeState,
    private readonly clock: () => number,
  ) {
    this.server = createServer((req, res) => this.onRequest(req, res));
    // kubectl keeps connections alive between requests; watches stay open for long.
    this.server.keepAliveTimeout = 30_000;
    this.server.requestTimeout = 0;
  }

  /** How many watches are open (the test of "closed watches are removed"). */
  get openWatches(): number {
    return this.watches.size;
  }

  listen(port: number): Promise<number> {
    return new Promise((resolvePort, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        const addr = this.server.address();
        resolvePort(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  /** Sends every open watch what changed since the last push. */
  pushWatches(): void {
    if (this.watches.size === 0) return;
    const ctx = this.state.context(this.clock());
    for (const w of this.watches) {
      const frames = w.stream.next(ctx);
      if (frames.length) w.res.write(frames.join(''));
      // A client that stops reading is dropped, as the watch cache terminates slow watchers,
      // instead of its events piling up in memory; it relists and watches again.
      if (w.stream.done || w.res.writableLength > MAX_UNREAD) this.close(w);
    }
  }

  /** Ends every watch and stops listening. */
  stop(): Promise<void> {
    for (const w of [...this.watches]) this.close(w);
    return new Promise((resolveStop) => {
      this.server.close(() => resolveStop());
      this.server.closeAllConnections();
    });
  }

  private close(w: OpenWatch): void {
    if (!this.watches.delete(w)) return;
    if (w.timer) clearTimeout(w.timer);
    w.res.end();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) {
        const status = statusBody(
          413,
          'RequestEntityTooLarge',
          `Request entity too large: limit is ${MAX_BODY}`,
        );
        res.writeHead(413, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(status));
        return;
      }
      try {
        // A protobuf body (kubectl's typed clients) is binary: one character per byte.
        const binary = /protobuf/.test(req.headers['content-type'] ?? '');
        this.answer(
          toApiRequest(req, Buffer.concat(chunks).toString(binary ? 'latin1' : 'utf8')),
          res,
        );
      } catch (e) {
        process.stderr.write(`sim serve: ${req.method} ${req.url}: ${String(e)}\n`);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Failure',
              message: `Internal error occurred: ${String(e)}`,
              reason: 'InternalError',
              code: 500,
            }),
          );
        } else res.end();
      }
    });
  }

  private answer(req: ApiRequest, res: ServerResponse): void {
    const answer = apiAnswer(this.state.context(this.clock()), req);
    if (!('watch' in answer)) {
      res.writeHead(answer.status, {
        'Content-Type': answer.contentType,
        'Cache-Control': 'no-cache, private',
      });
      res.end(answer.bytes ?? answer.body);
      return;
    }
    const { initial, stream, timeoutMs } = answer.watch;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    if (initial.length) res.write(initial.join(''));
    if (stream.done) {
      res.end();
      return;
    }
    const w: OpenWatch = { stream, res, timer: undefined };
    if (timeoutMs !== undefined) w.timer = setTimeout(() => this.close(w), timeoutMs);
    this.watches.add(w);
    res.on('close', () => this.close(w));
  }
}

function toApiRequest(req: IncomingMessage, body: string): ApiRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return { method: req.method ?? 'GET', path: url.pathname, query, headers, body };
}
