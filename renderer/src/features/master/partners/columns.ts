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
  return [
    textCol<Partner>('code', h('code'), { width: 92, pinned: 'left', lockVisible: true, editable: false, cellClass: 'num' }),
    textCol<Partner>('name', h('name'), { width: 216, pinned: 'left', lockVisible: true }),
    statusCol<Partner>('status', h('status'), lk.partnerStatuses, { width: 90 }),
    starsCol<Partner>('starRating', h('starRating'), { width: 86 }),
    refCol<Partner>('channelTypeId', h('channelType'), lk.channelTypes, { width: 96 }),
    refCol<Partner>('orgUnitId', h('orgUnit'), scopedUnits, { width: 128 }),
    refCol<Partner>('ownerUserId', h('owner'), lk.users, { width: 88 }),
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
