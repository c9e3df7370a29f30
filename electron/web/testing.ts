import { request } from 'node:http';

/** Test support for the HTTP adapter: raw requests and event streams. */

/** The parts of a response body the tests read (envelope or plain JSON). */
export interface Body {
  ok: boolean;
  error: { code: string };
  data: { token: string; rows: unknown[]; total: number };
}

/** Raw HTTP, so the test controls every header (Host, Origin) and the exact request path. */
export function http<D = unknown>(port: number, method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string; json: <T = D>() => T }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: <T,>() => JSON.parse(text) as T });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** An event stream read as it arrives: `next` waits until the text so far matches, `ended` until the server closes it. */
export function openStream(port: number, ticket: string) {
  return new Promise<{ status: number; text: () => string; next: (re: RegExp) => Promise<void>; ended: Promise<void>; close: () => void }>((resolve, reject) => {
    let text = '';
    const waiters: (() => void)[] = [];
    const req = request({ host: '127.0.0.1', port, path: `/api/events?ticket=${ticket}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      const ended = new Promise<void>((r) => res.on('close', r));
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        waiters.splice(0).forEach((w) => w());
      });
      resolve({
        status: res.statusCode!,
        text: () => text,
        next: (re) => new Promise<void>((r) => {
          const check = () => (re.test(text) ? r() : waiters.push(check));
          check();
        }),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

