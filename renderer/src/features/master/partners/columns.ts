import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Partner } from '@shared/api/areas/master';
import { activeCol, dateCol, dateTimeCol, refCol, starsCol, statusCol, textCol } from '../../../grid';
import type { MasterLookups } from '../lookups';

/**
 * The partner grid's columns. Column ids are the field names the core's `partners.list` sorts
 * and filters by. Code is the record's identity (Excel round trips match on it), so it is not
 * edited inline.
 */
export function partnerColumns(t: TFunction, lk: MasterLookups): ColDef<Partner>[] {
  const h = (k: string) => t(`master.col.${k}`);
  const scopedUnits = lk.orgUnits;
  // the owner by the name the core joined to the row: a viewer's users.list may not hold the owner
  // (e.g. a channel manager of the company above a branch user); the editor still offers only users.list
  const ownerLabel = (row: Partner | undefined, id: unknown) =>
    typeof id === 'number' && !lk.users.has(id) && row?.ownerUserId === id && row.ownerName ? row.ownerName : lk.users.label(id as number | null);
  return [
    textCol<Partner>('code', h('code'), { width: 92, pinned: 'left', lockVisible: true, editable: false, cellClass: 'num' }),
    textCol<Partner>('name', h('name'), { width: 216, pinned: 'left', lockVisible: true }),
    statusCol<Partner>('status', h('status'), lk.partnerStatuses, { width: 90 }),
    starsCol<Partner>('starRating', h('starRating'), { width: 86 }),
    refCol<Partner>('channelTypeId', h('channelType'), lk.channelTypes, { width: 96 }),
    refCol<Partner>('orgUnitId', h('orgUnit'), scopedUnits, { width: 128 }),
    refCol<Partner>('ownerUserId', h('owner'), lk.users, { width: 88, valueFormatter: (p) => ownerLabel(p.data, p.value), getQuickFilterText: (p) => ownerLabel(p.data, p.value) }),
    dateCol<Partner>('contractStart', h('contractStart')),
    dateCol<Partner>('contractEnd', h('contractEnd')),
    textCol<Partner>('contactName', h('contactName'), { width: 80 }),
    textCol<Partner>('contactPhone', h('contactPhone'), { width: 112, cellClass: 'num' }),
    textCol<Partner>('bankName', h('bankName'), { width: 112 }),
    textCol<Partner>('bankAccount', h('bankAccount'), { width: 178, cellClass: 'num' }),
    dateTimeCol<Partner>('updatedAt', h('updatedAt'), { width: 132 }),
    activeCol<Partner>({ active: t('common.active'), inactive: t('common.inactive') }, h('active')),
  ];
}
