import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';

/** A master-data page: title, a read-only note for roles that cannot write, feedback, the grid. */
export function PageFrame(p: { title: string; readOnly?: boolean; message?: Message | null; onMessageClose?: () => void; children: ReactNode }) {
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
      <Banner message={p.message ?? null} onClose={p.onMessageClose} testId="page-message" />
      {p.children}
    </div>
  );
}
