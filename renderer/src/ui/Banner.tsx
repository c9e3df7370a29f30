import { useEffect } from 'react';
import { useTranslation } from '../i18n';

export interface Message {
  kind: 'ok' | 'warn' | 'error';
  text: string;
}

/**
 * One line of feedback above a grid or in a dialog. A success note that can close is a toast: it
 * overlays the page (bottom right) instead of pushing the grid down, and fades after a few
 * seconds. Warnings and errors stay in the flow until their cause is gone or they are dismissed.
 */
export function Banner({ message, onClose, testId }: { message: Message | null; onClose?: () => void; testId?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (message?.kind !== 'ok' || !onClose) return;
    const timer = setTimeout(onClose, 4000);
    return () => clearTimeout(timer);
  }, [message, onClose]);
  if (!message) return null;
  return (
    <div className={`banner ${message.kind}${message.kind === 'ok' && onClose ? ' toast' : ''}`} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid={testId}>
      <span>{message.text}</span>
      {onClose && (
        <button type="button" className="banner-close" aria-label={t('grid.dismiss')} title={t('grid.dismiss')} onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}
