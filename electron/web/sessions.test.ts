import { request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../core/context';
import { freshCore, type Caller, type TestCore } from '../core/testing';
import { startWebServer } from './server';
import { http, openStream } from './testing';

/**
 * Browser mode and sessions: the event stream carries only its user's events and ends with the
 * session; JSON bodies are limited before they are read; an unexpected failure answers a generic
 * message with an id that is in the log.
 */
let core: TestCore;
let server: Server;
let port: number;
let lina: Caller;
let zhang: Caller;
const logged: { msg: string; meta?: Record<string, unknown> }[] = [];
const capture: Logger = { info: () => {}, error: (msg, meta) => void logged.push({ msg, meta }) };

beforeAll(async () => {
  core = await freshCore({ demo: true });
  core.env.log = capture;
  [lina, zhang] = [await core.as('lina'), await core.as('zhangwei')];
  const s = await startWebServer({ core, port: 0, rendererDir: core.dir, sessionCheckMs: 60_000 });
  server = s.server;
  port = s.port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  core.dispose();
});

const post = (p: number, method: string, body: string, headers: Record<string, string> = {}) =>
  http<{ ok: boolean; error: { code: string; message: string; params?: { ref?: string } } }>(p, 'POST', `/api/${method}`, { body, headers: { 'content-type': 'application/json', ...headers } });
const streamOf = async (c: Caller, p = port) => openStream(p, (await c('auth.eventsTicket', {})).ticket);

describe('event stream', () => {
  it("carries only its own user's events", async () => {
    const [ls, zs] = [await streamOf(lina), await streamOf(zhang)];
    core.env.emit({ type: 'changed', entity: 'for-lina' }, lina.userId);
    core.env.emit({ type: 'changed', entity: 'for-zhang' }, zhang.userId);
    // a real job's progress goes to the user who started it
    const jobId = 'a'.repeat(32);
    await zhang('excel.export', { kind: 'partners', locale: 'zh-CN', jobId });
    await zs.next(new RegExp(`"jobId":"${jobId}".*"phase":"done"`));
    await ls.next(/for-lina/);
    expect(zs.text()).toContain('for-zhang');
    expect(zs.text()).not.toContain('for-lina');
    expect(ls.text()).not.toContain('for-zhang');
    expect(ls.text()).not.toContain(jobId);
    ls.close();
    zs.close();
  });

  it('ends at once when its session signs out through the server', async () => {
    const other = await core.as('lina');
    const s = await streamOf(other);
    await s.next(/: connected/);
    const out = await post(port, 'auth.signOut', '{}', { authorization: `Bearer ${other.token}` });
    expect(out.status).toBe(200);
    await s.ended; // the check interval is a minute: only the sign-out can have ended it
    // and no new ticket for a signed-out session
    await expect(other('auth.eventsTicket', {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('ends when its session expires or is ended elsewhere (checked every sessionCheckMs)', async () => {
    const quick = await startWebServer({ core, port: 0, rendererDir: core.dir, sessionCheckMs: 50 });
    try {
      const other = await core.as('lina');
      const s = await streamOf(other, quick.port);
      const kept = await streamOf(lina, quick.port);
      await s.next(/: connected/);
      core.env.db.$client.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ? AND token_hash <> (SELECT token_hash FROM sessions WHERE user_id = ? ORDER BY created_at LIMIT 1)").run(lina.userId, lina.userId);
      await s.ended;
      await new Promise((r) => setTimeout(r, 200));
      core.env.emit({ type: 'changed', entity: 'still-here' }, lina.userId);
      await kept.next(/still-here/); // the other session of the same user keeps its stream
      kept.close();
    } finally {
      await new Promise((r) => quick.server.close(r));
    }
  });
});

describe('JSON bodies', () => {
  it('refuses a body declared larger than 1 MB before reading it', async () => {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/auth.me', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.write('{"a":"'); // and never the rest: the answer must not wait for it
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.code).toBe('too_large');
  });

  it('refuses a chunked body once it passes 1 MB, and lets the bulk budget save have more', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/auth.me', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.slice(i, i + 64 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    const fine = await post(port, 'auth.me', JSON.stringify({ pad: 'x'.repeat(900 * 1024) }), { authorization: `Bearer ${lina.token}` });
    expect(fine.json().error?.code).not.toBe('too_large');
    const bulk = await post(port, 'budgetVersions.saveLines', big, { authorization: `Bearer ${lina.token}` });
    expect(bulk.json().error.code).not.toBe('too_large'); // read, then judged by its schema and role
  });
});

describe('unexpected errors', () => {
  it('answer a generic message with an id the log has, never the failure itself', async () => {
    const spy = vi.spyOn(core.files, 'redeem').mockImplementation(() => {
      throw new Error('EACCES: /secret/place/channel-cost-desk.sqlite');
    });
    try {
      const r = await http<{ error: { code: string; message: string; params: { ref: string } } }>(port, 'GET', `/api/download/${'b'.repeat(32)}?ticket=abc`);
      expect(r.status).toBe(500);
      const { error } = r.json();
      expect(error.code).toBe('internal');
      expect(error.params.ref).toMatch(/^[0-9a-f]{10}$/);
      expect(r.text).not.toContain('secret');
      const entry = logged.find((l) => l.meta?.ref === error.params.ref)!;
      expect(String(entry.meta!.error)).toContain('/secret/place');
      expect(entry.meta!.route).toBe(`/api/download/${'b'.repeat(32)}`); // the ticket is not logged
    } finally {
      spy.mockRestore();
    }
    // through the dispatcher: a failing handler
    const other = await freshCore({ demo: false });
    other.env.log = capture;
    const s = await startWebServer({ core: other, port: 0, rendererDir: other.dir });
    try {
      other.env.db.$client.close();
      const r = await post(s.port, 'setup.status', '{}');
      expect(r.status).toBe(500);
      const { error } = r.json();
      expect(error.code).toBe('internal');
      expect(error.message).not.toMatch(/database|connection/i);
      const entry = logged.find((l) => l.meta?.ref === error.params!.ref)!;
      expect(entry.meta).toMatchObject({ method: 'setup.status' });
      expect(String(entry.meta!.error)).toMatch(/database connection is not open/);
    } finally {
      await new Promise((r) => s.server.close(r));
      other.close = () => {};
      other.dispose();
    }
  });
});
