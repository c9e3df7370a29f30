import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopWorkers } from '../core/excel/worker/pool';
import { freshCore, type Caller, type TestCore } from '../core/testing';
import { CALL_CHANNEL, registerIpc, type InvokeEventLike } from './ipc';

/** The desktop adapter's files.saveAs: the core checks the file, the native dialog picks the place. */
let core: TestCore;
let admin: Caller;
let handler: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
let answer: string | null = null;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
  registerIpc(
    { handle: (_c, l) => (handler = l), removeHandler: () => {} },
    core,
    () => true,
    { saveFile: async () => answer },
  );
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const call = (method: string, input: unknown, token: string | null) => handler({ senderFrame: { url: 'file:///app/index.html' } }, method, input, { token });

describe('files.saveAs over IPC', () => {
  it('copies the file where the save dialog says, or reports that the user cancelled', async () => {
    expect(CALL_CHANNEL).toBe('ccd:call');
    const exp = await admin('excel.export', { kind: 'costTypes' });
    answer = null;
    expect(await call('files.saveAs', { fileId: exp.fileId }, admin.token)).toMatchObject({ ok: true, data: { saved: false } });
    answer = join(core.dir, 'chosen.xlsx');
    expect(await call('files.saveAs', { fileId: exp.fileId }, admin.token)).toMatchObject({ ok: true, data: { saved: true, path: answer } });
    expect(readFileSync(answer)).toEqual(readFileSync(core.files.open(admin.token, exp.fileId).path));
    // another user's file id, or no session: refused before any dialog
    const zhang = await core.as('zhangwei');
    answer = join(core.dir, 'never.xlsx');
    expect(await call('files.saveAs', { fileId: exp.fileId }, zhang.token)).toMatchObject({ ok: false, error: { code: 'file_not_found' } });
    expect(await call('files.saveAs', { fileId: exp.fileId }, null)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(existsSync(answer)).toBe(false);
    // the copy fails (no such folder): a generic message with the id of the log line, not the path
    const errors: Record<string, unknown>[] = [];
    const log = core.env.log;
    core.env.log = { info: () => {}, error: (_m, meta) => void errors.push(meta ?? {}) };
    answer = join(core.dir, 'no-such-folder', 'x.xlsx');
    const failed = (await call('files.saveAs', { fileId: exp.fileId }, admin.token)) as { ok: false; error: { code: string; message: string; params: { ref: string } } };
    core.env.log = log;
    expect(failed.error.code).toBe('internal');
    expect(failed.error.message).not.toContain('no-such-folder');
    expect(errors.find((m) => m.ref === failed.error.params.ref)?.error).toMatch(/no-such-folder/);
  });

  it('uploads through files.put (base64) like any call', async () => {
    const r = (await call('files.put', { name: 'a.csv', dataBase64: Buffer.from('编码\r\nA\r\n').toString('base64') }, admin.token)) as { ok: boolean; data: { size: number } };
    expect(r).toMatchObject({ ok: true, data: { name: 'a.csv', size: Buffer.byteLength('编码\r\nA\r\n') } });
  });
});
