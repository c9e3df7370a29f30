import { useEffect, useRef } from 'react';
import type { ReasonMode } from './DetailPane';

export interface QueueKeys {
  move: (delta: number) => void;
  open: () => void;
  approve: () => void;
  ask: (mode: Extract<ReasonMode, 'reject' | 'return'>) => void;
  toggle: () => void;
  bulk: () => void;
}

/** Which queue command a key press is, or null (typing in a field or a dialog owns the keyboard). */
export type QueueCommand = 'down' | 'up' | 'open' | 'approve' | 'bulk' | 'reject' | 'return' | 'toggle';
export function queueCommand(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): QueueCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = e.key;
  if (k === 'j' || k === 'J') return e.shiftKey ? null : 'down';
  if (k === 'k' || k === 'K') return e.shiftKey ? null : 'up';
  if (k === 'Enter') return 'open';
  if (k === 'a' || k === 'A') return e.shiftKey ? 'bulk' : 'approve';
  if ((k === 'r' || k === 'R') && !e.shiftKey) return 'reject';
  if ((k === 't' || k === 'T') && !e.shiftKey) return 'return';
  if (k === ' ') return 'toggle';
  return null;
}

/**
 * The queue's keyboard (window, capture phase, so the grid does not see these keys first).
 * Arrow keys stay the grid's own; keys typed into a field or while a dialog is open are left alone.
 */
export function useQueueKeys(keys: QueueKeys) {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [contenteditable="true"]') || (target.tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')))) return;
      if (target?.closest('a') && e.key === 'Enter') return;
      const cmd = queueCommand(e);
      if (!cmd) return;
      e.preventDefault();
      e.stopPropagation();
      const k = ref.current;
      if (cmd === 'down') k.move(1);
      else if (cmd === 'up') k.move(-1);
      else if (cmd === 'reject' || cmd === 'return') k.ask(cmd);
      else if (cmd === 'open') k.open();
      else if (cmd === 'approve') k.approve();
      else if (cmd === 'bulk') k.bulk();
      else k.toggle();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
