import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options: renderer isolated from Node and from the preload's world,
 * sandboxed, no Node integration anywhere, no webview tags. The CSP is set in index.html and
 * as a response header (see index.ts).
 */
export function secureWindowOptions(preloadPath: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f5f6f8',
    title: 'Channel Cost Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // a packaged build opens no developer tools, by menu or shortcut (menu.ts)
      devTools: !packaged,
    },
  };
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Navigation and new windows are denied; external links could open in the OS browser later. */
export interface WebContentsLike {
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (e: { preventDefault(): void }, url: string) => void): unknown;
}

export function lockDown(contents: WebContentsLike, isTrustedUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const block = (e: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url)) e.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
}
