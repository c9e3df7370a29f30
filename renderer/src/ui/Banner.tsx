import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n';

export interface Message {
  kind: 'ok' | 'warn' | 'error';
  /**
   * The text, or a function giving it in the current language. A function is re-run when the
   * user switches language, so the banner follows; a plain string stays in the language it was
   * written in, and a toast holding one closes at the switch (one language at a time).
   */
  text: string | (() => string);
}

/** The text of a message in the current language (or the one it was written in). */
export const messageText = (m: Message): string => (typeof m.text === 'function' ? m.text() : m.text);

/**
 * One line of feedback above a grid or in a dialog. A success note that can close is a toast: it
 * overlays the page (bottom right) instead of pushing the grid down, and fades after a few
 * seconds. Warnings and errors stay in the flow until their cause is gone or they are dismissed.
 */
export function Banner({ message, onClose, testId }: { message: Message | null; onClose?: () => void; testId?: string }) {
  const { t, i18n } = useTranslation();
  const toast = message?.kind === 'ok' && !!onClose;
  // the language each message was first shown in
  const shownIn = useRef<{ message: Message; lang: string } | null>(null);
  if (message && shownIn.current?.message !== message) shownIn.current = { message, lang: i18n.language };
  const written = shownIn.current?.lang ?? i18n.language;
  const stale = !!message && typeof message.text === 'string' && written !== i18n.language;
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => onClose?.(), 4000);
    return () => clearTimeout(timer);
  }, [message, onClose, toast]);
  useEffect(() => {
    if (toast && stale) onClose?.();
  }, [toast, stale, onClose]);
  if (!message || (toast && stale)) return null;
  const text = messageText(message);
  return (
    <div
      className={`banner ${message.kind}${toast ? ' toast' : ''}`}
      role={message.kind === 'ok' ? 'status' : 'alert'}
      data-testid={testId}
      lang={typeof message.text === 'string' ? written : undefined}
    >
      <span>{text}</span>
      {onClose && (
        <button type="button" className="banner-close" aria-label={t('grid.dismiss')} title={t('grid.dismiss')} onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}
