import type { ApprovalState } from '@shared/domain/approval';
import { useTranslation } from '../../i18n';

/** A document state in the one colour language (styles.css `.status`), always with its label. */
export function StateBadge({ state }: { state: ApprovalState }) {
  const { t } = useTranslation();
  return (
    <span className={`status ${state}`} data-state={state}>
      {t(`budgets.state.${state}`)}
    </span>
  );
}
