import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from '../../../i18n';
import { amountText } from './layout';
import { monthIndex, type PlanRow } from './sheet';

/**
 * A month cell in the floor view: the amount, and under it the floor (the lowest amount a save
 * accepts: what is committed and spent). Shown only where there is a floor, so the months that
 * cannot go to zero stand out.
 */
export const FLOOR_ROW_HEIGHT = 44;

export function FloorCell(p: CustomCellRendererProps<PlanRow>) {
  const { t } = useTranslation();
  const m = monthIndex(p.column?.getColId() ?? '');
  const floor = m >= 0 && !p.node.rowPinned ? (p.data?.floors?.[m] ?? 0) : 0;
  return (
    <div className="floor-cell">
      <span>{p.valueFormatted ?? ''}</span>
      {floor > 0 && (
        <span className="floor" data-testid="floor">
          {t('budgets.grid.floorLabel', { floor: amountText(floor, floor % 100 !== 0) })}
        </span>
      )}
    </div>
  );
}
