import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { methodNames } from '../../shared/api/contract';
import { ApiError, type Envelope } from '../../shared/api/errors';
import { unexpectedError } from '../core/errors';
import type { Core } from '../core/index';

/**
 * Browser mode: the same core behind HTTP on 127.0.0.1 only.
 *   POST /api/<method>   JSON in (at most 1 MB, see JSON_LIMIT), JSON envelope out; `Authorization: Bearer <token>`
 *   GET  /api/health     liveness
 *   GET  /api/methods    the contract's method names
 *   GET  /api/events?ticket=…   server-sent events for the ticket's user (ticket from `auth.eventsTicket`)
 *   POST /api/upload?name=<file name>     raw file body → { fileId } (Excel import; Authorization header)
 *   GET  /api/download/<fileId>?ticket=…  a file the core produced (the URL `files.saveAs` answers)
 *   everything else      the built renderer (index.html for unknown paths)
 * The session token travels only in the Authorization header, never in a URL: the two requests a
 * browser makes without our headers (a download link, EventSource) carry single-use tickets.
 * Requests whose Host or Origin is not this loopback server are refused (DNS rebinding, CSRF).
 * An unexpected failure answers a generic message with an id, logged with the details.
 */
export interface WebServerOptions {
  core: Core;
  port: number;
  rendererDir: string;
  /** uploads (raw file bodies); the Excel limits refuse large files again in the core */
  maxBodyBytes?: number;
  /** JSON bodies of API calls (default JSON_LIMIT; the bulk methods get their own) */
  maxJsonBytes?: number;
  /** how often an open event stream checks that its session still holds (default 5 s) */
  sessionCheckMs?: number;
}

/**
 * JSON bodies are limited before they are read: by Content-Length up front, and by counting while
 * reading (chunked bodies). 1 MB is far above any form; the one bulk method gets room for its own
 * cap (budgetVersions.saveLines takes up to 50,000 rows of ~200 bytes).
 */
const JSON_LIMIT = 1024 * 1024;
const BULK_JSON_LIMITS: Record<string, number> = { 'budgetVersions.saveLines': 16 * 1024 * 1024 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const STATUS: Record<string, number> = {
  validation: 400,
  unknown_method: 404,
  not_found: 404,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  forbidden: 403,
  out_of_scope: 403,
  user_inactive: 403,
  stale: 409,
  conflict: 409,
  duplicate: 409,
  throttled: 429,
  file_not_found: 404,
  file_too_large: 413,
  too_large: 413,
  ticket_invalid: 401,
  internal: 500,
};

export const statusFor = (env: Envelope<unknown>) => (env.ok ? 200 : (STATUS[env.error.code] ?? 422));

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(json);
}

const tooLarge = () => new ApiError('too_large', 'The request is too large');

/** The body as text, refused once it passes `limit`: by its declared length before reading, else while reading. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startWebServer(opts: WebServerOptions): Promise<{ server: Server; url: string; port: number }> {
  const { core } = opts;
  const root = resolve(opts.rendererDir);
  const limit = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const jsonLimit = (method: string) => Math.max(opts.maxJsonBytes ?? JSON_LIMIT, BULK_JSON_LIMITS[method] ?? 0);
  const checkMs = opts.sessionCheckMs ?? 5000;
  /** open event streams by session, so a sign-out through this server ends them at once */
  const streams = new Map<string, Set<() => void>>();
  let port = opts.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, { ok: false, error: { code: 'forbidden', message: 'Bad host' } });
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^https?:\/\//, ''))) {
        return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-origin request refused' } });
      }
      if (url.pathname === '/api/health') return send(res, 200, { ok: true });
      if (url.pathname === '/api/methods') return send(res, 200, methodNames);
      if (url.pathname === '/api/events') return events(req, res, url);
      if (url.pathname === '/api/upload') return await upload(req, res, url);
      if (url.pathname.startsWith('/api/download/')) return download(req, res, url);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'validation', message: 'Use POST' } });
        const method = decodeURIComponent(url.pathname.slice(5));
        const raw = await readBody(req, jsonLimit(method));
        let input: unknown = {};
        if (raw.trim()) {
          try {
            input = JSON.parse(raw);
          } catch {
            return send(res, 400, { ok: false, error: { code: 'validation', message: 'Body is not JSON' } });
          }
        }
        const token = bearer(req);
        const ac = new AbortController();
        res.on('close', () => !res.writableEnded && ac.abort());
        const env = await core.invoke(method, input, { token, signal: ac.signal });
        if (method === 'auth.signOut' && env.ok && token) endStreams(core.events.tokenHashOf(token));
        return send(res, statusFor(env), env);
      }
      return serveStatic(url.pathname, res);
    } catch (e) {
      fail(res, e, req.url);
    }
  });

  const bearer = (req: IncomingMessage) => {
    const auth = req.headers.authorization;
    return auth?.startsWith('Bearer ') ? auth.slice(7) : null;
  };
  /** An ApiError answers as itself; anything else as a generic message with the id it is logged under. */
  const fail = (res: ServerResponse, e: unknown, route?: string) => {
    let error = e instanceof ApiError ? e.toJSON() : null;
    if (!error) {
      error = unexpectedError().toJSON();
      core.env.log.error('web server error', { ref: error.params?.ref, route: route?.replace(/\?.*$/, ''), error: (e as Error)?.stack ?? String(e) });
    }
    const env: Envelope<never> = { ok: false, error };
    if (!res.headersSent) send(res, statusFor(env), env, error.code === 'too_large' ? { connection: 'close' } : {});
    else res.destroy();
  };

  /** The raw body is streamed to a temporary file (hashed on the way); nothing is read before the session checks out. */
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'validation', message: 'Use POST' } });
    const size = Number(req.headers['content-length'] ?? 0);
    if (size > limit) return send(res, 413, { ok: false, error: { code: 'file_too_large', message: 'The file is too large' } });
    try {
      const ref = await core.files.upload(bearer(req), url.searchParams.get('name') ?? 'upload', req);
      send(res, 200, { ok: true, data: ref });
    } catch (e) {
      fail(res, e, req.url);
    }
  }

  function download(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET') return send(res, 405, { ok: false, error: { code: 'validation', message: 'Use GET' } });
    try {
      const f = core.files.redeem(url.searchParams.get('ticket'), decodeURIComponent(url.pathname.slice('/api/download/'.length)));
      const ascii = f.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      res.writeHead(200, {
        'content-type': f.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/octet-stream',
        'content-length': String(f.size),
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(f.path).on('error', (e) => fail(res, e, req.url)).pipe(res);
    } catch (e) {
      fail(res, e, req.url);
    }
  }

  function endStreams(tokenHash: string) {
    for (const end of [...(streams.get(tokenHash) ?? [])]) end();
  }

  /**
   * The event stream of one session: only its user's events; it ends when the session does —
   * at once on a sign-out through this server, else at the next check (expiry, a password
   * change elsewhere, the user deactivated). The client then asks for a fresh ticket, which a
   * dead session cannot get.
   */
  function events(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET') return send(res, 405, { ok: false, error: { code: 'validation', message: 'Use GET' } });
    let stream: { userId: number; tokenHash: string };
    try {
      stream = core.events.open(url.searchParams.get('ticket'));
    } catch (e) {
      return fail(res, e, req.url);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const off = core.on((e, userId) => userId === stream.userId && res.write(`data: ${JSON.stringify(e)}\n\n`));
    let sincePing = 0;
    const check = setInterval(() => {
      if (!core.events.alive(stream.tokenHash)) return end();
      sincePing += checkMs;
      if (sincePing >= 15_000) {
        sincePing = 0;
        res.write(': ping\n\n');
      }
    }, checkMs);
    const ends = streams.get(stream.tokenHash) ?? new Set<() => void>();
    streams.set(stream.tokenHash, ends);
    function end() {
      off();
      clearInterval(check);
      ends.delete(end);
      if (!ends.size) streams.delete(stream.tokenHash);
      if (!res.writableEnded) res.end();
    }
    ends.add(end);
    req.on('close', end);
  }

  function serveStatic(pathname: string, res: ServerResponse) {
    let file = normalize(join(root, decodeURIComponent(pathname)));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 404, { ok: false });
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('The renderer is not built. Run: npm run build');
    }
    const ext = extname(file);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    createReadStream(file).pipe(res);
  }

  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : opts.port;
      res({ server, url: `http://127.0.0.1:${port}/`, port });
    });
  });
}
