import { useMemo } from 'react';
import type { OrgUnit } from '@shared/api/areas/master';
import { useTranslation } from '../../../i18n';
import { treeOrder } from '../orgUnits/tree';

/** Check the org units a user is assigned to; the tree is shown indented. */
export function UnitPicker({ units, value, onChange }: { units: OrgUnit[]; value: number[]; onChange: (ids: number[]) => void }) {
  const { i18n } = useTranslation();
  const rows = useMemo(() => treeOrder(units.filter((u) => u.active)), [units]);
  const chosen = new Set(value);
  return (
    <div className="unit-picker" role="group" data-testid="unit-picker">
      {rows.map((u) => (
        <label key={u.id} style={{ paddingLeft: u.depth * 18 }}>
          <input
            type="checkbox"
            checked={chosen.has(u.id)}
            onChange={() => onChange(chosen.has(u.id) ? value.filter((x) => x !== u.id) : [...value, u.id])}
          />
          {i18n.language === 'zh-CN' ? u.nameZh : u.nameEn}
          <span className="muted small"> {u.code}</span>
        </label>
      ))}
    </div>
  );
}
