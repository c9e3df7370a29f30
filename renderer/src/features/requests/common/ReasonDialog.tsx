import { useState } from 'react';
import { errorText, useTranslation } from '../../../i18n';
import { Banner, type Message } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/form';

/** Asks once before a state change of a document, with its reason (required) or an optional note; a refusal stays in the dialog. */
export function ReasonDialog(p: {
  title: string;
  text?: string;
  label?: string;
  required?: boolean;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const missing = !!p.required && !reason.trim();
  return (
    <Dialog
      title={p.title}
      onClose={p.onClose}
      submitLabel={p.confirmLabel}
      submitDisabled={missing}
      danger={p.danger}
      busy={busy}
      testId="reason-dialog"
      onSubmit={() => {
        setBusy(true);
        setMessage(null);
        p.onConfirm(reason.trim()).then(p.onClose, (e: unknown) => {
          setMessage({ kind: 'error', text: errorText(e) });
          setBusy(false);
        });
      }}
    >
      {p.text && <p>{p.text}</p>}
      {p.label && (
        <Field label={p.label} error={missing && reason ? t('v.required') : undefined}>
          <textarea name="reason" rows={3} maxLength={500} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
      <Banner message={message} />
    </Dialog>
  );
}
