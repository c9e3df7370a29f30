import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../i18n';

/**
 * A modal dialog on the native <dialog> element (focus stays inside, Escape closes). The body is
 * a form: Enter submits, the primary button runs `onSubmit`; Ctrl+Enter (⌘+Enter) submits from
 * anywhere, a multi-line reason field included.
 */
export interface DialogProps {
  title: string;
  onClose: () => void;
  onSubmit?: () => void;
  submitLabel?: string;
  submitDisabled?: boolean;
  danger?: boolean;
  busy?: boolean;
  wide?: boolean;
  /** more buttons in the footer, before the primary one (e.g. "Save and submit") */
  extra?: ReactNode;
  /** one more class on the <dialog>, for a dialog with its own size (the import wizard) */
  className?: string;
  children: ReactNode;
  testId?: string;
}

export function Dialog(p: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!p.busy && !p.submitDisabled) p.onSubmit?.();
  };
  return (
    <dialog
      ref={ref}
      className={['dialog', p.wide ? 'wide' : '', p.className ?? ''].filter(Boolean).join(' ')}
      aria-label={p.title}
      data-testid={p.testId}
      onCancel={(e) => {
        e.preventDefault();
        p.onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !p.onSubmit) return;
        e.preventDefault();
        if (!p.busy && !p.submitDisabled) p.onSubmit();
      }}
    >
      <form onSubmit={submit} noValidate>
        <header className="dialog-head">
          <h3>{p.title}</h3>
        </header>
        <div className="dialog-body">{p.children}</div>
        <footer className="dialog-foot">
          <button type="button" onClick={p.onClose}>
            {p.onSubmit ? t('action.cancel') : t('action.close')}
          </button>
          {p.extra}
          {p.onSubmit && (
            <button type="submit" className={p.danger ? 'danger' : 'primary'} disabled={p.busy || p.submitDisabled} title={t('common.shortcut', { keys: 'Ctrl+Enter' })}>
              {p.submitLabel ?? t('action.save')}
            </button>
          )}
        </footer>
      </form>
    </dialog>
  );
}
