import type { ImportCounts, KindInfo } from '@shared/api/areas/excel';
import { useTranslation } from '../../i18n';
import { ChangesGrid } from './ChangesGrid';
import { reasonText } from './display';
import { IssuesGrid } from './IssuesGrid';
import { PreviousImports } from './PreviousImports';
import type { ImportWizard } from './useImportWizard';

const grouped = new Intl.NumberFormat('en-US');

/** The counts of a dry run or a commit as tiles: rows in the file, create, update, unchanged, rejected. */
export function CountTiles({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation();
  const keys = ['total', 'create', 'update', 'unchanged', 'rejected'] as const;
  return (
    <div className="xl-tiles" data-testid="counts">
      {keys.map((k) => (
        <div key={k} className={`xl-tile ${k}${counts[k] > 0 ? ' some' : ''}`} data-testid={`count-${k}`} data-value={counts[k]}>
          <span className="xl-tile-label">{t(`excel.counts.${k}`)}</span>
          <span className="xl-tile-value">{grouped.format(counts[k])}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * The dry run's report: what will be created, updated, left unchanged or rejected; every
 * problem by row, column, value and reason; the planned changes; the error report; and the
 * choice how to commit.
 */
export function ReportStep({ w, kind }: { w: ImportWizard; kind: KindInfo | undefined }) {
  const { t, i18n } = useTranslation();
  const r = w.report!;
  const c = r.counts;
  const writable = c.create + c.update;
  const blocked = w.mode === 'all_or_nothing' && c.rejected > 0;
  return (
    <div className="xl-report" data-testid="dry-run-report">
      <div className="xl-report-head">
        <CountTiles counts={c} />
        <div className="xl-file muted small">
          <div title={r.sha256}>{r.fileName}</div>
          <div>{t('excel.labelValue', { label: t('excel.sheet'), value: r.sheet })}</div>
        </div>
      </div>
      <PreviousImports entries={r.previousImports} />
      {r.notes.map((n) => (
        <div key={n.reason} className="banner warn" data-testid="import-note">
          <span>{reasonText(t, (k) => i18n.exists(k), n)}</span>
        </div>
      ))}
      <div className="xl-grids">
        {c.rejected > 0 ? (
          <IssuesGrid report={r} />
        ) : (
          <div className="banner ok" data-testid="no-issues">
            <span>{t('excel.noIssues')}</span>
          </div>
        )}
        <ChangesGrid report={r} kind={kind} />
      </div>
      <div className="xl-commit" data-testid="commit-bar">
        <fieldset className="xl-mode" disabled={w.busy}>
          <legend>{t('excel.mode')}</legend>
          <label>
            <input type="radio" name="mode" value="all_or_nothing" checked={w.mode === 'all_or_nothing'} onChange={() => w.setMode('all_or_nothing')} />
            {t('excel.modeAll')}
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              value="skip_rejected"
              checked={w.mode === 'skip_rejected'}
              disabled={c.rejected === 0}
              onChange={() => w.setMode('skip_rejected')}
            />
            {t('excel.modeSkip', { rejected: c.rejected })}
          </label>
        </fieldset>
        <div className="xl-commit-note muted small">
          {blocked ? t('excel.hasErrorsHint', { count: c.rejected }) : writable === 0 ? t('excel.commitNothing') : t('excel.dryRunHint')}
        </div>
        <div className="xl-commit-actions">
          {r.issueCount > 0 && (
            <button type="button" onClick={() => void w.downloadErrorReport()} disabled={w.busy} data-testid="error-report">
              {t('excel.errorReport')}
            </button>
          )}
          <button type="button" onClick={w.backToColumns} disabled={w.busy}>
            {t('action.back')}
          </button>
          <button type="button" className="primary" onClick={() => void w.commit()} disabled={w.busy} data-testid="commit">
            {t('excel.commit')}
          </button>
        </div>
      </div>
    </div>
  );
}
