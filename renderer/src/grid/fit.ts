import type { GridApi, GridState } from 'ag-grid-community';
import { gridMemory } from './memory';

/**
 * Column widths follow the content and the language: the first time a grid shows data in a
 * language, every column is sized to its header and cells; if that leaves space on the right,
 * the columns share it. Later visits (and a switch back) keep the widths the user left.
 */
const sized = new Map<string, GridState['columnSizing']>();
gridMemory.onReset(() => sized.clear());

export function rememberedWidths(key: string): GridState['columnSizing'] | undefined {
  return sized.get(key);
}

export function rememberWidths(key: string, state: GridState): void {
  if (sized.has(key) && state.columnSizing) sized.set(key, state.columnSizing);
}

export function fitColumnsOnce<T>(key: string, api: GridApi<T>, host: HTMLElement | null): void {
  if (sized.has(key) || api.isDestroyed()) return;
  api.autoSizeAllColumns();
  const room = host?.clientWidth ?? 0;
  const used = api.getAllDisplayedColumns().reduce((sum, c) => sum + c.getActualWidth(), 0);
  if (room > 0 && used < room - 24) api.sizeColumnsToFit();
  sized.set(key, api.getState().columnSizing);
}
