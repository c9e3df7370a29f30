import { useEffect } from 'react';
import { useTranslation } from '../i18n';

export interface Message {
  kind: 'ok' | 'warn' | 'error';
  text: string;
}

/** One line of feedback above a grid or in a dialog; success notes fade after a few seconds. */
export function Banner({ message, onClose, testId }: { message: Message | null; onClose?: () => void; testId?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (message?.kind !== 'ok' || !onClose) return;
    const timer = setTimeout(onClose, 4000);
    return () => clearTimeout(timer);
  }, [message, onClose]);
  if (!message) return null;
  return (
    <div className={`banner ${message.kind}`} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid={testId}>
      <span>{message.text}</span>
      {onClose && (
        <button type="button" className="banner-close" aria-label={t('grid.dismiss')} title={t('grid.dismiss')} onClick={onClose}>
          ×
        </button>
      )}
    </div>
  );
}
