import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The renderer's only door to the app: `call` and `on`, over one channel each.
 * ipcRenderer itself is never exposed.
 */
const CALL_CHANNEL = 'ccd:call';
const EVENT_CHANNEL = 'ccd:event';

contextBridge.exposeInMainWorld('api', {
  call: (method: string, input: unknown, meta?: { token?: string | null }) =>
    ipcRenderer.invoke(CALL_CHANNEL, method, input, { token: meta?.token ?? null }),
  on: (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
