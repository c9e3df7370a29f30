import '../requests/common/docs.css';
import type { HomeSummary } from '@shared/api/areas/workflow';
import { useTranslation } from '../../i18n';

/** A count beside a navigation entry (from home.summary): waiting approvals, returned requests, overdue claims. */
export function NavBadge({ kind, summary }: { kind: 'waiting' | 'returned' | 'overdueClaims'; summary: HomeSummary | undefined }) {
  const { t } = useTranslation();
  if (!summary) return null;
  const n = kind === 'waiting' ? summary.waiting.count : kind === 'returned' ? summary.myOpen.returned : summary.claimsOverdue;
  if (!n) return null;
  const urgent = kind !== 'waiting' || summary.waiting.late > 0;
  const title = kind === 'waiting' ? t('wf.home.waiting') : kind === 'returned' ? t('wf.home.returned', { count: n }) : t('wf.home.overdue');
  return (
    // the count is drawn by CSS (attr), so the entry's text stays its label
    <span className={urgent ? 'nav-badge' : 'nav-badge quiet'} title={`${title}: ${n}`} aria-label={`${title}: ${n}`} data-count={n > 99 ? '99+' : String(n)} data-testid={`nav-badge-${kind}`} />
  );
}
