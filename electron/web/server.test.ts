import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { freshCore, type TestCore } from '../core/testing';
import { startWebServer } from './server';

import { http as rawHttp, openStream, type Body } from './testing';

const http = rawHttp<Body>;

let core: TestCore;
let server: Server;
let port: number;
let root: string;
const SECRET = 'do-not-serve-this-file';
const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  http(port, 'POST', `/api/${method}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

beforeAll(async () => {
  core = await freshCore({ demo: true });
  // a renderer folder with a secret and a package.json beside it (never to be served)
  root = mkdtempSync(join(tmpdir(), 'ccd-web-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>ccd-index</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'console.log("ccd-app")');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: SECRET }));
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const started = await startWebServer({ core, port: 0, rendererDir: join(root, 'renderer') });
  server = started.server;
  port = started.port;
  expect(started.url).toBe(`http://127.0.0.1:${port}/`);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  core.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('web server: API', () => {
  it('listens on the loopback interface only', () => {
    const addr = server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('GET /api/health and GET /api/methods', async () => {
    const h = await http(port, 'GET', '/api/health');
    expect([h.status, h.json()]).toEqual([200, { ok: true }]);
    const m = await http(port, 'GET', '/api/methods');
    expect(m.json()).toEqual(methodNames);
  });

  it('public methods work without a token', async () => {
    const r = await post('setup.status', {});
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ ok: true, data: { initialized: true, companyName: '云岭通信有限公司', companyNameEn: 'Yunling Telecom Co., Ltd.', mode: 'demo' } });
  });

  it('session methods need a Bearer token from auth.signIn', async () => {
    const no = await post('partners.list', {});
    expect(no.status).toBe(401);
    expect(no.json().error.code).toBe('unauthenticated');
    const bad = await post('partners.list', {}, { authorization: 'Bearer not-a-token' });
    expect(bad.status).toBe(401);

    const s = await post('auth.signIn', { username: 'zhangwei', password: 'demo1234' });
    expect(s.status).toBe(200);
    const token = s.json().data.token;
    const ok = await post('partners.list', { limit: 5 }, { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    const page = ok.json().data;
    expect(page.rows).toHaveLength(5);
    expect(page.total).toBeLessThan(300); // zhangwei's scope, not the company
    expect(ok.headers['cache-control']).toBe('no-store');

    const wrong = await post('auth.signIn', { username: 'zhangwei', password: 'nope' });
    expect([wrong.status, wrong.json().error.code]).toEqual([401, 'invalid_credentials']);
    const forbidden = await post('channelTypes.create', { code: 'X', nameZh: '甲', nameEn: 'X' }, { authorization: `Bearer ${token}` });
    expect([forbidden.status, forbidden.json().error.code]).toEqual([403, 'forbidden']);
  });

  it('opens the event stream only with a ticket, never with the session token in the URL', async () => {
    const anon = await http(port, 'GET', '/api/events');
    expect([anon.status, anon.json().error.code]).toEqual([401, 'ticket_invalid']);
    const token = (await post('auth.signIn', { username: 'lina', password: 'demo1234' })).json().data.token;
    const byToken = await http(port, 'GET', `/api/events?token=${token}`);
    expect([byToken.status, byToken.json().error.code]).toEqual([401, 'ticket_invalid']);
    const ticket = (await post('auth.eventsTicket', {}, { authorization: `Bearer ${token}` })).json<{ data: { ticket: string } }>().data.ticket;
    const s = await openStream(port, ticket);
    expect(s.status).toBe(200);
    await s.next(/: connected/);
    s.close();
    const again = await http(port, 'GET', `/api/events?ticket=${ticket}`);
    expect([again.status, again.json().error.code]).toEqual([401, 'ticket_invalid']);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-origin Origin (CSRF)', async () => {
    const host = await http(port, 'POST', '/api/setup.status', { headers: { host: `evil.example:${port}` }, body: '{}' });
    expect(host.status).toBe(421);
    expect(host.json().error.code).toBe('forbidden');
    const otherPort = await http(port, 'GET', '/api/health', { headers: { host: `127.0.0.1:${port + 1}` } });
    expect(otherPort.status).toBe(421);
    const origin = await post('auth.signIn', { username: 'admin', password: 'demo1234' }, { origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect(origin.json().error.code).toBe('forbidden');
    const same = await post('setup.status', {}, { origin: `http://localhost:${port}`, host: `localhost:${port}` });
    expect(same.status).toBe(200);
  });

  it('answers malformed requests with codes, not crashes', async () => {
    const json = await http(port, 'POST', '/api/setup.status', { body: '{not json', headers: { 'content-type': 'application/json' } });
    expect([json.status, json.json().error.code]).toEqual([400, 'validation']);
    const get = await http(port, 'GET', '/api/setup.status');
    expect(get.status).toBe(405);
    const unknown = await post('partners.drop', {});
    expect([unknown.status, unknown.json().error.code]).toEqual([404, 'unknown_method']);
    const invalid = await post('auth.signIn', { username: '', password: 'x' });
    expect([invalid.status, invalid.json().error.code]).toEqual([400, 'validation']);
    expect((await http(port, 'GET', '/api/health')).status).toBe(200); // still serving
  });
});

describe('web server: static renderer', () => {
  it('serves files from the renderer folder and index.html for app routes', async () => {
    const index = await http(port, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.text).toContain('ccd-index');
    const route = await http(port, 'GET', '/partners/17');
    expect(route.text).toContain('ccd-index');
    const js = await http(port, 'GET', '/assets/app.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.text).toContain('ccd-app');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%2f..%2fsecret.txt',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/..%5csecret.txt',
    ]) {
      const r = await http(port, 'GET', path);
      expect([path, r.text.includes(SECRET)]).toEqual([path, false]);
      expect([path, r.status === 200 ? r.text.includes('ccd-index') : r.status]).toEqual([path, r.status === 200 ? true : 404]);
    }
  });

  it('says so when the renderer is not built', async () => {
    const started = await startWebServer({ core, port: 0, rendererDir: join(root, 'missing') });
    try {
      const r = await http(started.port, 'GET', '/');
      expect(r.status).toBe(503);
      expect(r.text).toMatch(/npm run build/);
    } finally {
      await new Promise((res) => started.server.close(res));
    }
  });
});
