import { useEffect, useRef } from 'react';
import { isDesktop } from '../api/client';

/**
 * Leaving a page with unsaved work asks first. A page registers a guard while it has unsaved
 * changes; the shell's navigation and sign-out call `guardLeave`, which lets the guard ask (it
 * calls `proceed` if the user agrees) or goes on at once when no guard is set. In a browser,
 * closing or reloading the tab asks too (the desktop window does not block closing).
 */
type Guard = (proceed: () => void) => void;
let current: Guard | null = null;

export function guardLeave(proceed: () => void): void {
  if (current) current(proceed);
  else proceed();
}

export const leaveGuarded = () => current !== null;

/** While `active`, navigation away asks through `ask` (which calls `proceed` to leave). */
export function useLeaveGuard(active: boolean, ask: (proceed: () => void) => void): void {
  const askRef = useRef(ask);
  askRef.current = ask;
  useEffect(() => {
    if (!active) return;
    const guard: Guard = (proceed) => askRef.current(proceed);
    current = guard;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    if (!isDesktop()) window.addEventListener('beforeunload', onUnload);
    return () => {
      if (current === guard) current = null;
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [active]);
}
