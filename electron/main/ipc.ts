import type { Core } from '../core/index';
import type { Envelope } from '../../shared/api/errors';

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

/**
 * Routes renderer calls to the core. Only frames showing our own renderer may call (Electron
 * security checklist: validate the sender of every IPC message).
 */
export function registerIpc(ipcMain: IpcMainLike, core: Core, isTrustedUrl: (url: string) => boolean): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method, input, meta) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) return refused('Untrusted sender');
    if (typeof method !== 'string') return refused('Bad call');
    const token = (meta as { token?: unknown } | undefined)?.token;
    return core.invoke(method, input, { token: typeof token === 'string' ? token : null });
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
