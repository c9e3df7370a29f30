import type { ReactNode } from 'react';
import type { CommitResult, ExcelTarget } from '@shared/api/areas/excel';
import { useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { ImportWizardView } from './ImportPage';
import './excel.css';

/**
 * The import wizard for one kind and target, over the page that shows those records (the budget
 * plan page imports budget lines into the version on screen): the same steps as the import page —
 * nothing is written before the commit — and `onCommitted` lets the page reload its grid.
 */
export function ImportDialog(p: {
  title: string;
  kind: string;
  target?: ExcelTarget;
  note?: ReactNode;
  onCommitted: (r: CommitResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={p.title} onClose={p.onClose} className="xl-dialog" testId="import-dialog">
      <ImportWizardView title={t('excel.title')} fixed={{ kind: p.kind, target: p.target }} note={p.note} onCommitted={p.onCommitted} />
    </Dialog>
  );
}
