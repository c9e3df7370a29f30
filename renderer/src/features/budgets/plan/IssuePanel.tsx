import { useTranslation } from '../../../i18n';
import { budgetIssueText } from '../text';
import type { GridIssue } from './issues';
import type { EditCol } from './sheet';

/**
 * The entry grid's problems as a list under the toolbar: each refused, invalid or below-floor cell
 * with its line, month (or column) and reason with the figures, as a button that focuses the cell
 * (Tab to it, Enter). F8 / Shift+F8 go to the next / previous problem from anywhere in the grid.
 * The list is derived from the rows, so it shrinks as cells are fixed and goes when none is left
 * (or the changes are discarded). After a refused save its heading says that nothing was saved.
 */
export const MAX_LISTED = 50;

export function IssuePanel(p: {
  issues: GridIssue[];
  refusedSave: boolean;
  lineName: (rowId: number) => string;
  colName: (col: EditCol) => string;
  onJump: (issue: GridIssue) => void;
}) {
  const { t } = useTranslation();
  if (p.issues.length === 0) return null;
  const count = p.issues.length;
  return (
    <div className={`banner issue-panel ${p.refusedSave ? 'error' : 'warn'}`} role={p.refusedSave ? 'alert' : 'status'} data-testid="issue-panel">
      <div className="issue-head">
        <strong>{p.refusedSave ? t('budgets.grid.refusedHead', { count }) : t('budgets.grid.issuesHead', { count })}</strong>
        <span className="muted">{t('budgets.grid.issuesKeys')}</span>
      </div>
      <ul className="issue-list">
        {p.issues.slice(0, MAX_LISTED).map((i) => (
          <li key={`${i.rowId}:${i.col}`}>
            <button type="button" className="link" onClick={() => p.onJump(i)} data-testid="issue-item">
              {issueLine(p.lineName(i.rowId), p.colName(i.col), budgetIssueText(i.issue))}
            </button>
          </li>
        ))}
      </ul>
      {count > MAX_LISTED && <span className="muted">{t('budgets.grid.issuesMore', { count: count - MAX_LISTED })}</span>}
    </div>
  );
}

export const issueLine = (line: string, col: string, reason: string) => `${line} · ${col}: ${reason}`;
