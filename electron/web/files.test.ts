import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopWorkers } from '../core/excel/worker/pool';
import { freshCore, type Caller, type TestCore } from '../core/testing';
import { startWebServer } from './server';

/** Browser mode's file routes: upload for imports, download of produced files. */
let core: TestCore;
let server: Server;
let base: string;
let admin: Caller;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
  const s = await startWebServer({ core, port: 0, rendererDir: core.dir });
  server = s.server;
  base = s.url;
});
afterAll(async () => {
  server.close();
  core.dispose();
  await stopWorkers();
});

const csv = '编码,名称,渠道类型,所属组织,星级\r\nWEB1,网页导入,TERMINAL,KM-WH-01,3\r\n';

describe('upload and download routes', () => {
  it('uploads a file for an import only with a session', async () => {
    const anon = await fetch(`${base}api/upload?name=a.csv`, { method: 'POST', body: csv });
    expect(anon.status).toBe(401);
    const res = await fetch(`${base}api/upload?name=${encodeURIComponent('渠道.csv')}`, { method: 'POST', body: csv, headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; data: { fileId: string; name: string; size: number } };
    expect(body.data).toMatchObject({ name: '渠道.csv', size: Buffer.byteLength(csv) });
    const ins = await fetch(`${base}api/excel.inspect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fileId: body.data.fileId, kind: 'partners' }),
    });
    expect(((await ins.json()) as { data: { format: string } }).data.format).toBe('csv');
  });

  it('downloads a produced file with its name, by a single-use ticket for that file — never by the session token', async () => {
    const exp = await admin('excel.export', { kind: 'channelTypes', locale: 'zh-CN' });
    const { downloadUrl } = await admin('files.saveAs', { fileId: exp.fileId });
    expect(downloadUrl).toMatch(new RegExp(`^/api/download/${exp.fileId}\\?ticket=[A-Za-z0-9_-]{32}$`));
    expect(downloadUrl).not.toContain(admin.token);
    const ok = await fetch(`${base}${downloadUrl.slice(1)}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(ok.headers.get('content-disposition')).toBe(`attachment; filename="${exp.name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(exp.name)}`);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(readFileSync(core.files.open(admin.token, exp.fileId).path));
    const codeOf = async (path: string) => {
      const r = await fetch(`${base}${path}`);
      return [r.status, ((await r.json()) as { error: { code: string } }).error.code];
    };
    // used once: gone
    expect(await codeOf(downloadUrl.slice(1))).toEqual([401, 'ticket_invalid']);
    // the session token in the URL opens nothing
    expect(await codeOf(`api/download/${exp.fileId}?token=${admin.token}`)).toEqual([401, 'ticket_invalid']);
    expect(await codeOf(`api/download/${exp.fileId}`)).toEqual([401, 'ticket_invalid']);
    // a ticket names its file: another file of the same user is not opened with it (and it is used up)
    const other = await admin('excel.export', { kind: 'costTypes', locale: 'zh-CN' });
    const forOther = (await admin('files.saveAs', { fileId: other.fileId })).downloadUrl;
    expect(await codeOf(forOther.slice(1).replace(other.fileId, exp.fileId))).toEqual([401, 'ticket_invalid']);
    expect(await codeOf(forOther.slice(1))).toEqual([401, 'ticket_invalid']);
    // another user cannot get a ticket for the file
    const zhang = await core.as('zhangwei');
    await expect(zhang('files.saveAs', { fileId: exp.fileId })).rejects.toMatchObject({ code: 'file_not_found' });
    // a ticket dies with its session
    const late = (await admin('files.saveAs', { fileId: exp.fileId })).downloadUrl;
    await admin('auth.signOut', {});
    expect(await codeOf(late.slice(1))).toEqual([401, 'unauthenticated']);
  });
});
