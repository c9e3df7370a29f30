import { useState } from 'react';
import { errorText, useTranslation } from '../i18n';
import { Banner, type Message } from './Banner';
import { Dialog } from './Dialog';
import { Field } from './form';

/**
 * Asks once before a state change of a document (budget version, transfer, request, claim), with
 * a text: the reason of a reject, return or cancel (required), or an optional comment or note —
 * or none (`label` omitted). The core's refusal stays in the dialog, worded by `describe`
 * (default: the error's translated message; budgets add their field issues).
 */
export function ReasonDialog(p: {
  title: string;
  text?: string;
  label?: string;
  required?: boolean;
  confirmLabel: string;
  danger?: boolean;
  describe?: (e: unknown) => string;
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
          setMessage({ kind: 'error', text: (p.describe ?? errorText)(e) });
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
