import type { HistoryEntry } from '@shared/api/areas/budgetTypes';
import type { ApprovableType } from '@shared/api/areas/workflow';
import { useApiQuery } from '../../../api/hooks';
import { dateTime } from '../../../format';
import { errorText, useTranslation } from '../../../i18n';
import { DocStatus } from './DocStatus';

/** The append-only, hash-chained history of a document: who did what, when, for whom, why. */
export function HistoryTable({ rows }: { rows: HistoryEntry[] }) {
  const { t } = useTranslation();
  return (
    <div className="mini-table-wrap">
      <table className="mini-table" data-testid="history">
        <thead>
          <tr>
            <th>{t('docs.history.at')}</th>
            <th>{t('docs.history.action')}</th>
            <th>{t('docs.history.state')}</th>
            <th>{t('docs.history.by')}</th>
            <th>{t('docs.history.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <td>{dateTime(h.at)}</td>
              <td>{t(`wf.history.actions.${h.action}`, { defaultValue: h.action })}</td>
              <td>{h.toState && <DocStatus status={h.toState} />}</td>
              <td>{h.userName}</td>
              <td className="wrap">{h.comment}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('docs.history.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The history of one document, loaded (documents.history). */
export function DocHistory({ docType, docId }: { docType: ApprovableType; docId: number }) {
  const { t } = useTranslation();
  const q = useApiQuery('documents.history', { docType, docId });
  return (
    <section className="panel">
      <h3>{t('docs.history.title')}</h3>
      {q.error ? <p className="field-error">{errorText(q.error)}</p> : <HistoryTable rows={q.data ?? []} />}
    </section>
  );
}
