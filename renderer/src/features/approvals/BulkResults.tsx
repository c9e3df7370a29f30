import { errorText, useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';

export interface BulkLine {
  number: string;
  ok: boolean;
  error?: { code: string; message: string; params?: Record<string, unknown> };
}

/** One line per document of a bulk approval: approved, or why not (conflict, budget block, a rule). */
export function BulkResults({ lines, onClose }: { lines: BulkLine[]; onClose: () => void }) {
  const { t } = useTranslation();
  const ok = lines.filter((l) => l.ok).length;
  return (
    <Dialog title={t('wf.queue.bulkTitle')} onClose={onClose} wide testId="bulk-results">
      <p>{t('wf.queue.bulkSummary', { ok, failed: lines.length - ok })}</p>
      <div className="mini-table-wrap">
        <table className="mini-table">
          <thead>
            <tr>
              <th>{t('wf.queue.number')}</th>
              <th>{t('wf.queue.result')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.number} data-ok={l.ok}>
                <td>{l.number}</td>
                <td>
                  <span className={`status ${l.ok ? 'approved' : 'rejected'}`}>{l.ok ? t('wf.queue.bulkOk') : t('wf.queue.bulkFailed')}</span>
                </td>
                <td className="wrap">{l.error ? (l.error.code === 'conflict' || l.error.code === 'stale' ? t('wf.queue.bulkConflict') : errorText({ ...l.error, params: l.error.params as Record<string, string | number> | undefined })) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
