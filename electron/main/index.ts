import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { DatabaseDamagedError, startCore } from '../core/backup/start';
import type { Core } from '../core/index';
import { EVENT_CHANNEL, registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { rendererUrlMatcher } from './trust';
import { CSP, lockDown, secureWindowOptions } from './window';

/**
 * The Electron shell, kept thin: lifecycle, one window, menu, the IPC adapter. Everything else
 * is the core, which runs the same way in plain Node (browser mode, tests).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const dataArg = process.argv.find((a) => a.startsWith('--data='))?.slice(7);
if (dataArg) app.setPath('userData', resolve(dataArg));
const dataDir = app.getPath('userData');

// One instance per data folder: Electron's lock lives in userData, which is the data folder.
if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '../renderer/index.html');
// the dev server's origin, or the built renderer's folder (with its trailing separator)
const isTrustedUrl = rendererUrlMatcher(rendererUrl ?? pathToFileURL(join(here, '../renderer/')).href);

/** An Electron-ABI build of better-sqlite3, if one was built (README: desktop app). */
function electronNativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(here, '../../resources/native/electron/better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

let core: Core | null = null;
let win: BrowserWindow | null = null;

function createWindow() {
  win = new BrowserWindow(secureWindowOptions(join(here, '../preload/index.cjs'), app.isPackaged));
  lockDown(win.webContents, isTrustedUrl);
  win.once('ready-to-show', () => win?.show());
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererFile);
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  try {
    core = await startCore({ dataDir, nativeBinding: electronNativeBinding() });
  } catch (e) {
    // a damaged database: say what happened and the way out (restore a backup), and stop
    if (!(e instanceof DatabaseDamagedError)) throw e;
    dialog.showErrorBox('Channel Cost Desk', e.message);
    app.quit();
    return;
  }
  registerIpc(ipcMain, core, isTrustedUrl, {
    saveFile: async (name) => {
      const opts = { defaultPath: join(app.getPath('downloads'), name), filters: [{ name: 'Excel', extensions: ['xlsx'] }] };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  });
  core.on((e) => BrowserWindow.getAllWindows().forEach((w) => w.webContents.send(EVENT_CHANNEL, e)));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged)));
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => {
  core?.close();
  core = null;
  if (process.platform !== 'darwin') app.quit();
});
