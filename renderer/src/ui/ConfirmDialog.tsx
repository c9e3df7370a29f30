import { useState } from 'react';
import { errorText } from '../i18n';
import { Banner, type Message } from './Banner';
import { Dialog } from './Dialog';

/** Asks once before something that changes a record's life (deactivate, activate, reset). */
export function ConfirmDialog(p: { title: string; text: string; confirmLabel: string; danger?: boolean; onConfirm: () => Promise<void>; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <Dialog
      title={p.title}
      onClose={p.onClose}
      submitLabel={p.confirmLabel}
      danger={p.danger}
      busy={busy}
      testId="confirm-dialog"
      onSubmit={() => {
        setBusy(true);
        p.onConfirm().then(p.onClose, (e: unknown) => {
          setMessage({ kind: 'error', text: errorText(e) });
          setBusy(false);
        });
      }}
    >
      <p>{p.text}</p>
      <Banner message={message} />
    </Dialog>
  );
}
