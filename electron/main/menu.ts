import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. A packaged build has no developer tools: its View menu keeps zoom and
 * full screen but not Reload / Toggle Developer Tools (Electron's `viewMenu` role has both), and
 * its window is made with `devTools: false` (window.ts), which also disables the keyboard shortcut.
 */
export function menuTemplate(packaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = packaged
    ? { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] }
    : { role: 'viewMenu' };
  return [{ role: 'fileMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}
