import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { methodNames } from '../../shared/api/contract';
import { isApiErrorShape, type Envelope } from '../../shared/api/errors';
import type { Core } from '../core/index';

/**
 * Browser mode: the same core behind HTTP on 127.0.0.1 only.
 *   POST /api/<method>   JSON in, JSON envelope out; `Authorization: Bearer <token>`
 *   GET  /api/health     liveness
 *   GET  /api/methods    the contract's method names
 *   GET  /api/events?token=  server-sent events (progress of long jobs), signed-in users only
 *   POST /api/upload?name=<file name>     raw file body → { fileId } (Excel import; session required)
 *   GET  /api/download/<fileId>?token=…   a file the core produced (export, template, error report)
 *   everything else      the built renderer (index.html for unknown paths)
 * Requests whose Host or Origin is not this loopback server are refused (DNS rebinding, CSRF).
 */
export interface WebServerOptions {
  core: Core;
  port: number;
  rendererDir: string;
  maxBodyBytes?: number;
}

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
  internal: 500,
};

export const statusFor = (env: Envelope<unknown>) => (env.ok ? 200 : (STATUS[env.error.code] ?? 422));

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(json);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startWebServer(opts: WebServerOptions): Promise<{ server: Server; url: string; port: number }> {
  const { core } = opts;
  const root = resolve(opts.rendererDir);
  const limit = opts.maxBodyBytes ?? 64 * 1024 * 1024;
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
      if (url.pathname === '/api/events') {
        // EventSource cannot send headers: the session token comes as a query parameter.
        const me = await core.invoke('auth.me', {}, { token: url.searchParams.get('token') });
        if (!me.ok) return send(res, 401, me);
        return events(req, res);
      }
      if (url.pathname === '/api/upload') return await upload(req, res, url);
      if (url.pathname.startsWith('/api/download/')) return download(req, res, url);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'validation', message: 'Use POST' } });
        const method = decodeURIComponent(url.pathname.slice(5));
        const raw = await readBody(req, limit);
        let input: unknown = {};
        if (raw.trim()) {
          try {
            input = JSON.parse(raw);
          } catch {
            return send(res, 400, { ok: false, error: { code: 'validation', message: 'Body is not JSON' } });
          }
        }
        const auth = req.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
        const ac = new AbortController();
        res.on('close', () => !res.writableEnded && ac.abort());
        const env = await core.invoke(method, input, { token, signal: ac.signal });
        return send(res, statusFor(env), env);
      }
      return serveStatic(url.pathname, res);
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      if (status === 500) core.env.log.error('web server error', { error: (e as Error).stack });
      if (!res.headersSent) send(res, status, { ok: false, error: { code: status === 413 ? 'too_large' : 'internal', message: (e as Error).message } });
    }
  });

  const bearer = (req: IncomingMessage, url: URL) => {
    const auth = req.headers.authorization;
    return auth?.startsWith('Bearer ') ? auth.slice(7) : url.searchParams.get('token');
  };
  const fail = (res: ServerResponse, e: unknown) => {
    const error = isApiErrorShape(e) ? { code: e.code, message: e.message, params: e.params } : { code: 'internal', message: 'Unexpected error' };
    if (error.code === 'internal') core.env.log.error('file route error', { error: (e as Error)?.stack ?? String(e) });
    const env: Envelope<never> = { ok: false, error };
    if (!res.headersSent) send(res, statusFor(env), env);
    else res.destroy();
  };

  /** The raw body is streamed to a temporary file (hashed on the way); nothing is read before the session checks out. */
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'validation', message: 'Use POST' } });
    const size = Number(req.headers['content-length'] ?? 0);
    if (size > limit) return send(res, 413, { ok: false, error: { code: 'file_too_large', message: 'The file is too large' } });
    try {
      const ref = await core.files.upload(bearer(req, url), url.searchParams.get('name') ?? 'upload', req);
      send(res, 200, { ok: true, data: ref });
    } catch (e) {
      fail(res, e);
    }
  }

  function download(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET') return send(res, 405, { ok: false, error: { code: 'validation', message: 'Use GET' } });
    try {
      const f = core.files.open(bearer(req, url), decodeURIComponent(url.pathname.slice('/api/download/'.length)));
      const ascii = f.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      res.writeHead(200, {
        'content-type': f.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/octet-stream',
        'content-length': String(f.size),
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(f.path).on('error', (e) => fail(res, e)).pipe(res);
    } catch (e) {
      fail(res, e);
    }
  }

  function events(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const off = core.on((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      off();
      clearInterval(ping);
    });
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
