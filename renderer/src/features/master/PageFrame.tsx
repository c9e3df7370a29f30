import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';

/**
 * A master-data page: title, feedback, the grid, and for roles that cannot write a read-only badge
 * and a note that says who can change the data and what this role can do instead (`who`; default:
 * administrators).
 */
export function PageFrame(p: { title: string; readOnly?: boolean; who?: string; message?: Message | null; onMessageClose?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="page-head">
        <h2>{p.title}</h2>
        {p.readOnly && (
          <span className="badge" title={t('master.readOnlyHint')} data-testid="read-only">
            {t('grid.readOnly')}
          </span>
        )}
      </div>
      {p.readOnly && (
        <p className="read-only-note" data-testid="read-only-note">
          {p.who ?? `${t('master.whoAdmin')} ${t('master.insteadOther')}`}
        </p>
      )}
      <Banner message={p.message ?? null} onClose={p.onMessageClose} testId="page-message" />
      {p.children}
    </div>
  );
}
