import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { HomeSummary } from '@shared/api/areas/workflow';
import { useTranslation } from '../../i18n';

interface Seen {
  late: number;
  overdue: number;
}

/**
 * The in-app reminder (issue 9 point 6; no e-mail): when documents waiting for me are past their
 * step's deadline, or requests of mine are overdue for their claim, the top bar of every page
 * says how many, in the warning colour, and links to them (in the bar, so it never covers a grid):
 * the queue, or the requests list with its overdue filter on (passed in the history entry's state). Dismissed, it stays away until a count rises above
 * what was dismissed (kept per user for the browser session, so a reload does not nag again);
 * a count that falls lowers the mark, so a later rise shows again. It follows home.summary, which
 * the event stream and a one-minute refresh keep current.
 */
export function SlaReminder({ summary, userId }: { summary: HomeSummary | undefined; userId: number }) {
  const { t } = useTranslation();
  const key = `ccd.reminder.${userId}`;
  const [seen, setSeen] = useState<Seen>(() => read(key));
  const late = summary?.waiting.late ?? 0;
  const overdue = summary?.claimsOverdue ?? 0;
  useEffect(() => {
    if (!summary || (late >= seen.late && overdue >= seen.overdue)) return;
    const lower = { late: Math.min(late, seen.late), overdue: Math.min(overdue, seen.overdue) };
    setSeen(lower);
    write(key, lower);
  }, [summary, late, overdue, seen, key]);
  if (!summary || (late <= seen.late && overdue <= seen.overdue)) return null;
  const dismiss = () => {
    const now = { late, overdue };
    setSeen(now);
    write(key, now);
  };
  return (
    <div className="reminder" role="status" data-testid="sla-reminder" onKeyDown={(e) => e.key === 'Escape' && dismiss()}>
      {late > 0 && (
        <Link href="/approvals" onClick={dismiss} data-testid="sla-reminder-late">
          {t('wf.home.remindLate', { count: late })}
        </Link>
      )}
      {overdue > 0 && (
        <Link href="/requests" state={{ overdue: true }} onClick={dismiss} data-testid="sla-reminder-overdue">
          {t('wf.home.remindOverdue', { count: overdue })}
        </Link>
      )}
      <button type="button" className="banner-close" aria-label={t('grid.dismiss')} title={t('grid.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}

function read(key: string): Seen {
  try {
    const v = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<Seen> | null;
    return { late: Number(v?.late) || 0, overdue: Number(v?.overdue) || 0 };
  } catch {
    return { late: 0, overdue: 0 };
  }
}

function write(key: string, v: Seen) {
  try {
    sessionStorage.setItem(key, JSON.stringify(v));
  } catch {
    // storage full or blocked: the card simply shows again after a reload
  }
}
