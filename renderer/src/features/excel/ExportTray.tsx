import { useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n';
import { exportJobs } from './exportJobs';
import { ProgressLine } from './ProgressLine';
import './excel.css';

/**
 * Exports in the corner of the window, above whatever page is open: a progress bar with Cancel
 * for exports that take more than a second, then where the file went (or why it failed).
 */
export function ExportTray() {
  const { t } = useTranslation();
  const jobs = useSyncExternalStore(exportJobs.subscribe, exportJobs.snapshot);
  const shown = jobs.filter((j) => j.slow && (j.state === 'running' || j.message));
  if (shown.length === 0) return null;
  return (
    <div className="xl-tray" data-testid="export-tray">
      {shown.map((j) => (
        <div key={j.jobId} className={`xl-tray-item ${j.state}`} data-testid="export-job" data-state={j.state}>
          <div className="xl-tray-head">
            <strong>{t('excel.exporting', { kind: j.kindLabel })}</strong>
            {j.state !== 'running' && (
              <button type="button" className="banner-close" aria-label={t('grid.dismiss')} title={t('grid.dismiss')} onClick={() => exportJobs.dismiss(j.jobId)}>
                ×
              </button>
            )}
          </div>
          {j.state === 'running' ? (
            <ProgressLine
              progress={{ jobId: j.jobId, phase: j.phase, done: j.done, total: j.total, slow: true }}
              onCancel={() => exportJobs.cancel(j.jobId)}
              testId="export-progress"
            />
          ) : (
            <div className="xl-tray-message" role={j.state === 'failed' ? 'alert' : 'status'}>
              {j.message}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
