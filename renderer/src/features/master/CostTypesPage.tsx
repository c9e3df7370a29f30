import { CONTROL_MODES, type CostType } from '@shared/api/areas/master';
import { activeCol, Lookup, moneyCol, percentBpCol, refCol, textCol } from '../../grid';
import { CatalogPage } from './CatalogPage';

function columns(t: (key: string) => string) {
  const h = (k: string) => t(`master.col.${k}`);
  const yesNo = new Lookup<boolean>([
    { value: true, label: t('master.yesNo.yes') },
    { value: false, label: t('master.yesNo.no') },
  ]);
  const control = new Lookup<string>(CONTROL_MODES.map((c) => ({ value: c, label: t(`master.control.${c}`) })));
  return [
    textCol<CostType>('code', h('code'), { width: 130, lockVisible: true, cellClass: 'num' }),
    textCol<CostType>('nameZh', h('nameZh'), { flex: 1, minWidth: 130 }),
    textCol<CostType>('nameEn', h('nameEn'), { flex: 1, minWidth: 150 }),
    refCol<CostType>('requiresPreapproval', h('requiresPreapproval'), yesNo, { width: 110 }),
    moneyCol<CostType>('receiptThresholdFen', h('receiptThreshold'), { width: 130 }),
    refCol<CostType>('defaultControl', h('defaultControl'), control, { width: 110 }),
    percentBpCol<CostType>('defaultToleranceBp', h('defaultTolerance'), { width: 130 }),
    activeCol<CostType>({ active: t('common.active'), inactive: t('common.inactive') }, h('active')),
  ];
}

/**
 * Cost types (费用类型): what money is for, whether a pre-approval is needed, from which amount a
 * receipt is required, and the budget control new budget lines start with.
 */
export function CostTypesPage() {
  return <CatalogPage area="costTypes" kind="costType" gridId="cost-types" columns={columns} />;
}
