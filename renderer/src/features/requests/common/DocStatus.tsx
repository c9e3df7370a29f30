import type { ReactNode } from 'react';
import { useTranslation } from '../../../i18n';
import './docs.css';

/** A document's one status (approval state, then its life after approval) in the one colour language, always with its label. */
export function DocStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status ${status}`} data-status={status}>
      {t(`docs.status.${status}`, { defaultValue: status })}
    </span>
  );
}

export const FLAG_KEYS = ['postHoc', 'overBudget', 'duplicateInvoice', 'duplicateFile', 'overRequest', 'overdue', 'missingProof'] as const;
export type FlagKey = (typeof FLAG_KEYS)[number];

/** The flags that are set, as small tags with their text (never colour alone). */
export function Flags({ flags, extra }: { flags: Partial<Record<FlagKey, boolean>> | null | undefined; extra?: ReactNode }) {
  const { t } = useTranslation();
  const on = FLAG_KEYS.filter((k) => flags?.[k]);
  if (on.length === 0 && !extra) return null;
  return (
    <span className="flags" data-testid="flags">
      {extra}
      {on.map((k) => (
        <span key={k} className={`flag ${k}`} data-flag={k}>
          {t(`docs.flag.${k}`)}
        </span>
      ))}
    </span>
  );
}

/** Flag labels for the quick filter and exports. */
export function flagText(t: (k: string) => string, flags: Partial<Record<FlagKey, boolean>> | null | undefined): string {
  return FLAG_KEYS.filter((k) => flags?.[k])
    .map((k) => t(`docs.flag.${k}`))
    .join(' ');
}
