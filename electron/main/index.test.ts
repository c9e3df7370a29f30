import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/api/errors';
import { CALL_CHANNEL } from './ipc';
import { CSP } from './window';

/**
 * The Electron shell with `electron` mocked: importing electron/main/index.ts must request the
 * single-instance lock, and once the app is ready open the core, register the IPC handler,
 * set the CSP header, deny permissions, and create a secure window.
 */
const m = vi.hoisted(() => {
  const state = {
    dataDir: '',
    lock: true,
    appListeners: new Map<string, (...a: unknown[]) => void>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as { options: Record<string, unknown>; webContents: Record<string, ReturnType<typeof vi.fn>> }[],
    headersHook: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    permissionHook: null as null | ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void),
  };
  const app = {
    isPackaged: false,
    setPath: vi.fn(),
    getPath: vi.fn(() => state.dataDir),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    on: vi.fn((event: string, l: (...a: unknown[]) => void) => void state.appListeners.set(event, l)),
    whenReady: vi.fn(() => Promise.resolve()),
  };
  class BrowserWindow {
    webContents = { setWindowOpenHandler: vi.fn(), on: vi.fn(), send: vi.fn() };
    once = vi.fn();
    loadURL = vi.fn(() => Promise.resolve());
    loadFile = vi.fn(() => Promise.resolve());
    constructor(public options: Record<string, unknown>) {
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
  }
  const ipcMain = {
    handle: vi.fn((ch: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void state.ipcHandlers.set(ch, h)),
    removeHandler: vi.fn(),
  };
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn((h: typeof state.headersHook) => void (state.headersHook = h)) },
      setPermissionRequestHandler: vi.fn((h: typeof state.permissionHook) => void (state.permissionHook = h)),
    },
  };
  const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) };
  return { state, electron: { app, BrowserWindow, ipcMain, session, Menu } };
});

vi.mock('electron', () => ({ ...m.electron, default: m.electron }));

beforeEach(() => {
  vi.resetModules();
  m.state.dataDir = mkdtempSync(join(tmpdir(), 'ccd-main-'));
  m.state.lock = true;
  m.electron.app.isPackaged = false;
  m.state.appListeners.clear();
  m.state.ipcHandlers.clear();
  m.state.windows.length = 0;
  vi.clearAllMocks();
});
afterEach(() => {
  m.state.appListeners.get('window-all-closed')?.(); // closes the core
  rmSync(m.state.dataDir, { recursive: true, force: true });
});

const ready = () => new Promise((r) => setTimeout(r, 0));

describe('electron/main/index.ts', () => {
  it('takes the single-instance lock, then wires the core to IPC and opens a secure window', async () => {
    await import('./index');
    expect(m.electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    await ready();

    expect(m.electron.ipcMain.handle).toHaveBeenCalledWith(CALL_CHANNEL, expect.any(Function));
    expect(m.state.windows).toHaveLength(1);
    const prefs = m.state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(m.state.windows[0]!.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(m.electron.Menu.setApplicationMenu).toHaveBeenCalled();

    // the CSP goes on every response; permission requests are refused
    const headers: unknown[] = [];
    m.state.headersHook!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => headers.push(r));
    expect(headers[0]).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] } });
    const perms: boolean[] = [];
    m.state.permissionHook!(null, 'media', (ok) => perms.push(ok));
    expect(perms).toEqual([false]);

    // the registered handler reaches a real core on the data folder, for our renderer only
    const handler = m.state.ipcHandlers.get(CALL_CHANNEL)!;
    const ours = pathToFileURL(join(process.cwd(), 'electron/renderer/index.html')).href;
    expect((await handler({ senderFrame: { url: ours } }, 'setup.status', {}, {})) as Envelope<unknown>).toEqual({
      ok: true,
      data: { initialized: false, companyName: null, companyNameEn: null, mode: null },
    });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'setup.status', {}, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a packaged build: no developer tools in the window or the menu; the renderer folder trusted exactly', async () => {
    m.electron.app.isPackaged = true;
    await import('./index');
    await ready();
    const prefs = m.state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs.devTools).toBe(false);
    const menu = JSON.stringify(m.electron.Menu.buildFromTemplate.mock.calls[0]![0]);
    expect(menu).not.toMatch(/toggleDevTools|viewMenu|reload/i);
    const handler = m.state.ipcHandlers.get(CALL_CHANNEL)!;
    const sibling = pathToFileURL(join(process.cwd(), 'electron/renderer-evil/index.html')).href;
    expect(await handler({ senderFrame: { url: sibling } }, 'setup.status', {}, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('quits at once when another instance holds the data folder', async () => {
    m.state.lock = false;
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    try {
      await expect(import('./index')).rejects.toThrow('exit 0');
      expect(m.electron.app.quit).toHaveBeenCalled();
      await ready();
      expect(m.electron.ipcMain.handle).not.toHaveBeenCalled();
      expect(m.state.windows).toHaveLength(0);
    } finally {
      exit.mockRestore();
    }
  });
});
