import type { GridState } from 'ag-grid-community';

/**
 * What a grid remembers while the app runs: its last state (sort, filters, columns, scroll) so
 * that leaving a page and coming back, or switching the language, finds it as it was. Cleared on
 * sign-out so the next user starts clean.
 */
const states = new Map<string, GridState>();
const resetListeners = new Set<() => void>();

export const gridMemory = {
  get: (gridId: string) => states.get(gridId),
  set: (gridId: string, state: GridState) => void states.set(gridId, state),
  onReset: (l: () => void) => void resetListeners.add(l),
};

export function resetGridMemory(): void {
  states.clear();
  resetListeners.forEach((l) => l());
}
