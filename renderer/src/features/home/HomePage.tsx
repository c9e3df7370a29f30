import { Link } from 'wouter';
import { useSession } from '../../app/session';
import { dateTime, money } from '../../format';
import { errorText, useTranslation } from '../../i18n';
import { Banner } from '../../ui/Banner';
import '../requests/common/docs.css';
import { useHomeSummary } from './useHomeSummary';

const docPath = (docType: string, docId: number) => (docType === 'cost_request' ? `/requests/${docId}` : docType === 'claim' ? `/claims/${docId}` : '/approvals');
const pct = (bp: number) => `${(bp / 100).toFixed(1)}%`;

/**
 * 工作台: what needs each person — waiting for my approval (count, oldest, late), my documents in
 * progress, claims due within 7 days and overdue, budget cells of my scope at ≥ 90 % used,
 * recent imports, reminders for items past their deadline.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const q = useHomeSummary();
  const s = q.data;
  return (
    <div className="page" data-testid="home-page">
      <div className="page-head">
        <h2>{t('wf.home.title')}</h2>
        <span className="muted">{user.displayName}</span>
      </div>
      {q.error && <Banner message={{ kind: 'error', text: errorText(q.error) }} />}
      {!s && !q.error && <div className="muted pad">{t('common.loading')}</div>}
      {s && (
        <div className="home-grid">
          <section className="panel tile" data-testid="home-waiting">
            <h3>{t('wf.home.waiting')}</h3>
            <Link href="/approvals" className="big">
              {t('wf.home.waitingCount', { count: s.waiting.count })}
            </Link>
            {s.waiting.oldestAt && <span className="hint">{t('wf.home.oldest', { at: dateTime(s.waiting.oldestAt) })}</span>}
            {s.waiting.late > 0 && <span className="sla late">{t('wf.home.late', { count: s.waiting.late })}</span>}
          </section>
          <section className="panel tile" data-testid="home-mine">
            <h3>{t('wf.home.myOpen')}</h3>
            <div className="big">
              <Link href="/requests">{t('wf.home.requests', { count: s.myOpen.requests })}</Link> · <Link href="/claims">{t('wf.home.claims', { count: s.myOpen.claims })}</Link>
            </div>
            {s.myOpen.returned > 0 && <span className="status returned">{t('wf.home.returned', { count: s.myOpen.returned })}</span>}
          </section>
          <section className="panel tile" data-testid="home-claims">
            <h3>{t('wf.home.dueSoon')}</h3>
            <div className="big">{s.claimsDueSoon}</div>
            <h3>{t('wf.home.overdue')}</h3>
            <div className={s.claimsOverdue > 0 ? 'big sla late' : 'big'}>{s.claimsOverdue}</div>
          </section>
          <section className="panel tile wide" data-testid="home-near-limit">
            <h3>{t('wf.home.nearLimit')}</h3>
            {s.linesNearLimit.length === 0 ? (
              <p className="hint">{t('wf.home.noneNear')}</p>
            ) : (
              <div className="mini-table-wrap">
                <table className="mini-table">
                  <thead>
                    <tr>
                      <th>{t('wf.home.line')}</th>
                      <th>{t('wf.home.period')}</th>
                      <th className="num">{t('wf.home.usedPct')}</th>
                      <th className="num">{t('docs.budget.available')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.linesNearLimit.map((l) => (
                      <tr key={`${l.lineId}:${l.period}`}>
                        <td>{l.label}</td>
                        <td className="num">{l.period}</td>
                        <td className={l.usedBp >= 10000 ? 'num sla late' : 'num sla due'}>{pct(l.usedBp)}</td>
                        <td className="num">{money(l.available)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="panel tile" data-testid="home-reminders">
            <h3>{t('wf.home.reminders')}</h3>
            {s.reminders.length === 0 ? (
              <p className="hint">{t('wf.home.noReminders')}</p>
            ) : (
              <ul className="steps">
                {s.reminders.map((r) => (
                  <li key={`${r.docType}:${r.docId}`}>
                    <Link href={docPath(r.docType, r.docId)}>{r.number}</Link> · {t(`docs.type.${r.docType}`)} · <span className="sla late">{t('wf.home.lateBy', { h: r.lateHours })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel tile wide" data-testid="home-imports">
            <h3>{t('wf.home.imports')}</h3>
            {s.recentImports.length === 0 ? (
              <p className="hint">{t('wf.home.noImports')}</p>
            ) : (
              <ul className="steps">
                {s.recentImports.map((i) => (
                  <li key={i.id}>
                    {dateTime(i.at)} · {t(`nav.${i.kind}`, { defaultValue: i.kind })} · {i.fileName} · {t('wf.home.importRow', { created: i.created, updated: i.updated })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
