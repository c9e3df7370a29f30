import { copyFile } from 'node:fs/promises';
import type { Core } from '../core/index';
import { ApiError, type Envelope } from '../../shared/api/errors';
import { unexpectedError } from '../core/errors';

/** The one IPC channel for calls and the one for pushed events. */
export const CALL_CHANNEL = 'ccd:call';
export const EVENT_CHANNEL = 'ccd:event';

/** The subset of Electron's IpcMain / IpcMainInvokeEvent the adapter uses (mockable in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

const refused = (message: string): Envelope<never> => ({ ok: false, error: { code: 'forbidden', message } });

/** What the desktop shell lends the adapter: the native save dialog (path chosen, or null). */
export interface DesktopDialogs {
  saveFile(suggestedName: string): Promise<string | null>;
}

/**
 * `files.saveAs` in the desktop app: the core checks the session and that the file is the
 * caller's (the same call as in a browser), then the native save dialog asks where to put it and
 * the file is copied there. The renderer never sees a path it did not choose.
 */
async function saveAs(core: Core, dialogs: DesktopDialogs, input: unknown, token: string | null): Promise<Envelope<unknown>> {
  const checked = await core.invoke('files.saveAs', input, { token });
  if (!checked.ok) return checked;
  const file = core.files.open(token, (input as { fileId: string }).fileId);
  const target = await dialogs.saveFile(file.name);
  if (!target) return { ok: true, data: { ...(checked.data as object), saved: false } };
  await copyFile(file.path, target);
  return { ok: true, data: { ...(checked.data as object), saved: true, path: target } };
}

/**
 * Routes renderer calls to the core. Only frames showing our own renderer may call (Electron
 * security checklist: validate the sender of every IPC message). Uploads for an import travel as
 * an ordinary call (`files.put`, the bytes in base64); downloads go through `files.saveAs`.
 */
export function registerIpc(ipcMain: IpcMainLike, core: Core, isTrustedUrl: (url: string) => boolean, dialogs?: DesktopDialogs): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method, input, meta) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) return refused('Untrusted sender');
    if (typeof method !== 'string') return refused('Bad call');
    const raw = (meta as { token?: unknown } | undefined)?.token;
    const token = typeof raw === 'string' ? raw : null;
    if (method === 'files.saveAs' && dialogs) {
      try {
        return await saveAs(core, dialogs, input, token);
      } catch (e) {
        if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
        const error = unexpectedError().toJSON();
        core.env.log.error('save dialog error', { ref: error.params?.ref, error: (e as Error)?.stack ?? String(e) });
        return { ok: false, error };
      }
    }
    return core.invoke(method, input, { token });
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
