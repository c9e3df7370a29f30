import type { InspectedColumn, KindInfo } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import { useTranslation } from '../../i18n';
import { fileSize } from './transfer';
import { PreviousImports } from './PreviousImports';
import { undecided, type ImportWizard } from './useImportWizard';

const grouped = new Intl.NumberFormat('en-US');

/**
 * Step 2: the file as the core read it — sheet (a choice when there are several visible ones),
 * header row, each header and the field it feeds. Headers not recognised get a dropdown (a field
 * or "ignore"); the choice is remembered for the kind when the import is committed.
 */
export function ColumnsStep({ w, kind }: { w: ImportWizard; kind: KindInfo }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const ins = w.inspection!;
  const visibleSheets = ins.sheets.filter((s) => s.visible);
  const importable = kind.columns.filter((c) => c.importable && c.key !== 'id');
  const used = new Set(ins.columns.map((c) => c.columnKey).filter(Boolean));
  const open = undecided(ins, w.mapping);
  const header = (key: string) => kind.columns.find((c) => c.key === key)?.header[locale] ?? key;
  const choosable = (c: InspectedColumn) => c.source !== 'name';
  const lv = (label: string, value: string) => t('excel.labelValue', { label: t(`excel.${label}`), value });

  return (
    <div className="xl-panel xl-columns" data-testid="columns-step">
      <div className="xl-facts">
        <strong data-testid="file-name">{w.file ? t('excel.chosen', { name: ins.fileName, size: fileSize(w.file.size) }) : ins.fileName}</strong>
        <span>
          {lv('format', ins.format.toUpperCase())}
          {ins.encoding ? ` · ${lv('encoding', ins.encoding.toUpperCase())}` : ''}
        </span>
        {visibleSheets.length > 1 ? (
          <label className="inline-field">
            {t('excel.sheet')}
            <select value={ins.sheet} onChange={(e) => w.chooseSheet(e.target.value)} disabled={w.busy} data-testid="sheet">
              {visibleSheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span>{lv('sheet', ins.sheet)}</span>
        )}
        <span>{t('excel.headerRow', { row: ins.headerRow })}</span>
        <span>{t('excel.dataRows', { count: grouped.format(ins.dataRows) })}</span>
      </div>
      <PreviousImports entries={ins.previousImports} />
      {open.length > 0 && (
        <div className="banner warn" data-testid="unknown-headers">
          <span>{t('excel.unknownHint', { count: open.length })}</span>
        </div>
      )}
      {ins.missingRequired.length > 0 && (
        <div className="banner warn" data-testid="missing-required">
          <span>{t('excel.missingRequired', { columns: ins.missingRequired.map(header).join(locale === 'zh-CN' ? '、' : ', ') })}</span>
        </div>
      )}
      <div className="mini-table-wrap xl-map">
        <table className="mini-table" data-testid="mapping">
          <thead>
            <tr>
              <th>{t('excel.colHeader')}</th>
              <th>{t('excel.colTarget')}</th>
              <th>{t('excel.colSource')}</th>
            </tr>
          </thead>
          <tbody>
            {ins.columns.map((c) => (
              <tr key={c.index} className={c.source === 'none' && !(c.header in w.mapping) ? 'xl-open' : ''}>
                <td>{c.header}</td>
                <td>
                  {choosable(c) ? (
                    <select
                      aria-label={c.header}
                      data-header={c.header}
                      value={c.header in w.mapping || c.source !== 'none' ? (c.columnKey ?? '') : '?'}
                      disabled={w.busy}
                      onChange={(e) => w.setMapping(c.header, e.target.value || null)}
                    >
                      {c.source === 'none' && !(c.header in w.mapping) && (
                        <option value="?" disabled>
                          {t('excel.pick')}
                        </option>
                      )}
                      <option value="">{t('excel.ignore')}</option>
                      {importable
                        .filter((k) => k.key === c.columnKey || !used.has(k.key))
                        .map((k) => (
                          <option key={k.key} value={k.key}>
                            {k.header[locale]}
                            {k.required ? ' *' : ''}
                          </option>
                        ))}
                    </select>
                  ) : c.columnKey ? (
                    header(c.columnKey)
                  ) : (
                    <span className="muted">{t('excel.ignore')}</span>
                  )}
                </td>
                <td className="muted">{t(`excel.source.${c.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label className="toggle">
        <input type="checkbox" checked={w.remember} onChange={(e) => w.setRemember(e.target.checked)} />
        {t('excel.remember')}
      </label>
      <div className="row-actions">
        <span className="muted small xl-grow">{t('excel.dryRunHint')}</span>
        <button type="button" onClick={w.again} disabled={w.busy}>
          {t('action.back')}
        </button>
        <button type="button" className="primary" onClick={() => void w.runDryRun()} disabled={w.busy || open.length > 0} data-testid="run-dry-run">
          {t('excel.dryRun')}
        </button>
      </div>
    </div>
  );
}
