import { useLocation } from 'wouter';
import type { KindInfo } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import { useTranslation } from '../../i18n';
import { reasonText } from './display';
import { KIND_PAGES } from './kinds';
import { CountTiles } from './ReportStep';
import type { ImportWizard } from './useImportWizard';

/** Step 4: what the commit wrote, with the way to the records and to the next import. */
export function ResultStep({ w, kind }: { w: ImportWizard; kind: KindInfo | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const [, navigate] = useLocation();
  const r = w.result!;
  const c = r.counts;
  const page = KIND_PAGES[w.kind];
  return (
    <div className="xl-panel xl-result" data-testid="import-result">
      <h3>{t('excel.resultTitle')}</h3>
      <CountTiles counts={c} />
      <div className="banner ok" role="status" data-testid="result-summary">
        <span>{c.create + c.update === 0 ? t('excel.resultNothing') : t('excel.resultSummary', { ...c })}</span>
      </div>
      {r.notes.map((n) => (
        <div key={n.reason} className="banner warn">
          <span>{reasonText(t, (k) => i18n.exists(k), n)}</span>
        </div>
      ))}
      <div className="row-actions xl-left">
        {page && kind && (
          <button type="button" onClick={() => navigate(page)} data-testid="open-grid">
            {t('excel.openGrid', { kind: kind.label[locale] })}
          </button>
        )}
        <button type="button" className="primary" onClick={w.again} data-testid="import-again">
          {t('excel.again')}
        </button>
      </div>
    </div>
  );
}
