import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { freshCore, type TestCore } from '../core/testing';
import { CALL_CHANNEL, registerIpc, type IpcMainLike, type InvokeEventLike } from './ipc';

// The IPC adapter must not need Electron at run time (it receives ipcMain): importing
// 'electron' from it would hit this factory and fail the file.
vi.mock('electron', () => {
  throw new Error('ipc.ts must not import electron');
});

const TRUSTED = pathToFileURL('/app/out/renderer/index.html').href;
const isTrusted = (url: string) => url === TRUSTED;

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const call = (url: string | null, ...args: unknown[]) => {
    const h = handlers.get(CALL_CHANNEL);
    if (!h) throw new Error('no handler registered');
    return h({ senderFrame: url === null ? null : { url } }, ...args) as Promise<Envelope<unknown>>;
  };
  return { ipc, handlers, call };
}

let core: TestCore;
let token: string;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  token = (await core.as('admin')).token;
});
afterAll(() => core.dispose());

describe('registerIpc', () => {
  it('forwards every contract method with its input and the token to core.invoke', async () => {
    const { ipc, call } = fakeIpcMain();
    const invoke = vi.fn(async () => ({ ok: true as const, data: 'fine' }));
    registerIpc(ipc, { ...core, invoke }, isTrusted);
    for (const m of methodNames) {
      const input = { probe: m };
      expect(await call(TRUSTED, m, input, { token })).toEqual({ ok: true, data: 'fine' });
      expect(invoke).toHaveBeenLastCalledWith(m, input, { token });
    }
    expect(invoke).toHaveBeenCalledTimes(methodNames.length);
  });

  it('every contract method is served by the real core behind the handler', async () => {
    const { ipc, call } = fakeIpcMain();
    registerIpc(ipc, core, isTrusted);
    // signing out last keeps the token valid for the others
    const names = [...methodNames.filter((m) => m !== 'auth.signOut'), 'auth.signOut'];
    for (const m of names) {
      const env = await call(TRUSTED, m, {}, { token });
      if (!env.ok) expect([m, env.error.code]).not.toEqual([m, 'unknown_method']);
    }
    expect(await call(TRUSTED, 'system.health', {}, {})).toMatchObject({ ok: true, data: { ok: true } });
    // a name outside the contract is answered as such (so the check above can fail)
    expect(await call(TRUSTED, 'partners.drop', {}, { token })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses untrusted senders and malformed calls without reaching the core', async () => {
    const { ipc, call } = fakeIpcMain();
    const invoke = vi.fn(core.invoke);
    registerIpc(ipc, { ...core, invoke }, isTrusted);
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', '', null]) {
      expect(await call(url, 'partners.list', {}, { token })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const method of [42, null, undefined, { name: 'partners.list' }, ['partners.list']]) {
      expect(await call(TRUSTED, method, {}, { token })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('passes a missing or non-string token as none: the call is unauthenticated', async () => {
    const { ipc, call } = fakeIpcMain();
    const invoke = vi.fn(core.invoke);
    registerIpc(ipc, { ...core, invoke }, isTrusted);
    for (const meta of [undefined, {}, { token: 123 }, { token: { value: token } }]) {
      expect(await call(TRUSTED, 'auth.me', {}, meta)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(invoke).toHaveBeenLastCalledWith('auth.me', {}, { token: null });
    }
  });

  it('the returned function removes the handler', () => {
    const { ipc, handlers } = fakeIpcMain();
    const off = registerIpc(ipc, core, isTrusted);
    expect(handlers.has(CALL_CHANNEL)).toBe(true);
    off();
    expect(handlers.has(CALL_CHANNEL)).toBe(false);
  });
});
