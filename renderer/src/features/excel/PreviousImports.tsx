import type { ImportLogEntry } from '@shared/api/areas/excel';
import { dateTime } from '../../format';
import { useTranslation } from '../../i18n';

const grouped = new Intl.NumberFormat('en-US');

/** "This file was imported before": the newest earlier import of the same content (same SHA-256). */
export function PreviousImports({ entries }: { entries: ImportLogEntry[] }) {
  const { t } = useTranslation();
  const last = entries[0];
  if (!last) return null;
  return (
    <div className="banner warn" data-testid="previous-import">
      <span>
        {t('excel.previous', { at: dateTime(last.at), user: last.username, created: grouped.format(last.created), updated: grouped.format(last.updated) })}
      </span>
    </div>
  );
}
