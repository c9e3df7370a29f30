import { useRef } from 'react';
import type { KindInfo } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import { useTranslation } from '../../i18n';
import type { ImportWizard } from './useImportWizard';

/** Step 1: what to import, its template, and the file (xlsx or CSV). */
export function ChooseStep({ w, kinds }: { w: ImportWizard; kinds: KindInfo[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const input = useRef<HTMLInputElement>(null);
  if (kinds.length === 0) return <div className="muted">{t('excel.noKinds')}</div>;
  return (
    <div className="xl-panel xl-choose">
      <label className="xl-row">
        <span className="xl-label">{t('excel.kind')}</span>
        <select name="kind" value={w.kind} onChange={(e) => w.chooseKind(e.target.value)} disabled={w.busy || w.fixed} data-testid="import-kind">
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label[locale]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void w.downloadTemplate()} disabled={w.busy || !w.kind} data-testid="download-template">
          {t('excel.template')}
        </button>
        <span className="muted small">{t('excel.templateHint')}</span>
      </label>
      <div className="xl-row">
        <span className="xl-label" />
        <input
          ref={input}
          type="file"
          className="xl-file-input"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = ''; // choosing the same file again is a new import
            if (f) void w.chooseFile(f);
          }}
          data-testid="import-file"
        />
        <button type="button" className="primary" onClick={() => input.current?.click()} disabled={w.busy || !w.kind} data-testid="choose-file">
          {t('excel.file')}
        </button>
        <span className="muted small">{t('excel.fileHint')}</span>
      </div>
    </div>
  );
}
