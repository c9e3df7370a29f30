import { useTranslation } from '../../i18n';
import type { JobProgress } from './useJob';

const grouped = new Intl.NumberFormat('en-US');

/** The text of a job's progress: "读取数据：12,000 / 100,000 行". */
export function useProgressText() {
  const { t, i18n } = useTranslation();
  return (p: JobProgress) => {
    const phase = i18n.exists(`excel.phase.${p.phase}`) ? t(`excel.phase.${p.phase}`) : p.phase;
    if (p.phase === 'upload') return t('excel.progressPhase', { phase });
    if (p.total !== null && p.total > 0) return t('excel.progressOf', { phase, done: grouped.format(p.done), total: grouped.format(p.total) });
    if (p.done > 0) return t('excel.progressRows', { phase, done: grouped.format(p.done) });
    return t('excel.progressPhase', { phase });
  };
}

/**
 * A running job that has taken more than a second: what it does, a bar (indeterminate while the
 * total is unknown), and Cancel. Quicker jobs show nothing.
 */
export function ProgressLine({ progress, onCancel, testId = 'job-progress' }: { progress: JobProgress | null; onCancel?: () => void; testId?: string }) {
  const { t } = useTranslation();
  const text = useProgressText();
  if (!progress?.slow) return null;
  const pct = progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="xl-progress" role="status" aria-live="polite" data-testid={testId}>
      <span className="xl-progress-text">{text(progress)}</span>
      <div
        className={pct === null ? 'progress indeterminate' : 'progress'}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        {...(pct === null ? {} : { 'aria-valuenow': pct })}
      >
        {pct !== null && <div className="bar" style={{ width: `${pct}%` }} />}
      </div>
      {onCancel && (
        <button type="button" onClick={onCancel} data-testid="job-cancel">
          {t('excel.cancel')}
        </button>
      )}
    </div>
  );
}
