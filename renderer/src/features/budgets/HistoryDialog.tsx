import { useApiQuery } from '../../api/hooks';
import { dateTime } from '../../format';
import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { StateBadge } from './StateBadge';
import { budgetErrorText } from './text';

/** The append-only state history of a budget version or transfer: who did what, when, and why. */
export function HistoryDialog(p: { documentType: 'budget_version' | 'budget_transfer'; documentId: number; doc: string; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useApiQuery('budgets.history', { documentType: p.documentType, documentId: p.documentId });
  const rows = q.data ?? [];
  return (
    <Dialog title={t('budgets.history.title', { doc: p.doc })} onClose={p.onClose} wide testId="history-dialog">
      {q.error && <p className="field-error">{budgetErrorText(q.error)}</p>}
      <div className="mini-table-wrap">
        <table className="mini-table">
          <thead>
            <tr>
              <th>{t('budgets.history.at')}</th>
              <th>{t('budgets.history.action')}</th>
              <th>{t('budgets.version.state')}</th>
              <th>{t('budgets.history.by')}</th>
              <th>{t('budgets.history.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id}>
                <td className="num">{dateTime(h.at)}</td>
                <td>{t(`budgets.history.actions.${h.action}`, { defaultValue: h.action })}</td>
                <td>{h.toState && <StateBadge state={h.toState} />}</td>
                <td>{h.userName}</td>
                <td className="wrap">{h.comment}</td>
              </tr>
            ))}
            {q.data && rows.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('budgets.history.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
