import type { BudgetVersion } from '@shared/api/areas/budgets';
import { dateTime, money } from '../../../format';
import { useTranslation } from '../../../i18n';
import type { BudgetLookups } from '../lookups';
import { StateBadge } from '../StateBadge';

/**
 * The versions of a plan, newest first: number, state (colour and text), the one in force, note,
 * lines and year total (in the user's scope), and who prepared, submitted and decided it, when.
 * Click or arrow keys choose the version the grid below shows.
 */
export function VersionList(p: { versions: BudgetVersion[]; selectedId: number | null; lk: BudgetLookups; onSelect: (v: BudgetVersion) => void }) {
  const { t } = useTranslation();
  const who = (name: string | null, at: string | null) => (name === null || !at ? '' : `${name} · ${dateTime(at)}`);
  const list = [...p.versions].reverse();
  const move = (d: number) => {
    const i = list.findIndex((v) => v.id === p.selectedId);
    const next = list[Math.min(list.length - 1, Math.max(0, i + d))];
    if (next) p.onSelect(next);
  };
  return (
    <div className="mini-table-wrap version-list">
      <table className="mini-table" data-testid="version-list">
        <thead>
          <tr>
            <th>{t('budgets.version.list')}</th>
            <th>{t('budgets.version.state')}</th>
            <th>{t('budgets.version.note')}</th>
            <th className="num">{t('budgets.version.lines')}</th>
            <th className="num">{t('budgets.version.total')}</th>
            <th>{t('budgets.version.created')}</th>
            <th>{t('budgets.version.submitted')}</th>
            <th>{t('budgets.version.decided')}</th>
          </tr>
        </thead>
        <tbody
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              move(e.key === 'ArrowDown' ? 1 : -1);
            }
          }}
        >
          {list.map((v) => (
            <tr
              key={v.id}
              className={v.id === p.selectedId ? 'selected' : undefined}
              onClick={() => p.onSelect(v)}
              data-testid={`version-${v.number}`}
              aria-selected={v.id === p.selectedId}
            >
              <td>
                <strong>{t('budgets.version.label', { number: v.number })}</strong>
                {v.inForce && <span className="badge in-force">{t('budgets.version.inForce')}</span>}
              </td>
              <td>
                <StateBadge state={v.state} />
              </td>
              <td className="wrap">{v.note || t('budgets.version.noNote')}</td>
              <td className="num">{v.lineCount.toLocaleString('en-US')}</td>
              <td className="num">{money(v.totalFen)}</td>
              <td>{who(v.createdByName, v.createdAt)}</td>
              <td>{who(v.submittedByName, v.submittedAt)}</td>
              <td>{who(v.decidedByName, v.decidedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
