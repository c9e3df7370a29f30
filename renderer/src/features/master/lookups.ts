import { useMemo } from 'react';
import { localName } from '@shared/i18n/names';
import { PARTNER_STATUSES, type ChannelType, type OrgUnit, type UserRow } from '@shared/api/areas/master';
import { useApiQuery } from '../../api/hooks';
import { Lookup } from '../../grid';
import { useTranslation } from '../../i18n';

/** Labels of coded master data in the UI language, for reference columns, filters and pickers. */
export interface MasterLookups {
  ready: boolean;
  channelTypes: Lookup<number>;
  orgUnits: Lookup<number>;
  users: Lookup<number>;
  partnerStatuses: Lookup<string>;
  units: OrgUnit[];
  userRows: UserRow[];
  channelTypeRows: ChannelType[];
}

export function useMasterLookups(): MasterLookups {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const ct = useApiQuery('channelTypes.list', { includeInactive: true });
  const ou = useApiQuery('orgUnits.list', { includeInactive: true });
  const us = useApiQuery('users.list', { includeInactive: true });

  return useMemo(() => {
    const name = (r: { nameZh: string; nameEn: string }) => localName(r, zh ? 'zh-CN' : 'en');
    const units = ou.data ?? [];
    const userRows = us.data ?? [];
    const channelTypeRows = ct.data ?? [];
    return {
      ready: !!(ct.data && ou.data && us.data),
      channelTypes: new Lookup(channelTypeRows.map((c) => ({ value: c.id, label: name(c), active: c.active, aliases: [c.code, c.nameZh, c.nameEn] }))),
      orgUnits: new Lookup(units.map((u) => ({ value: u.id, label: name(u), active: u.active, aliases: [u.code, u.nameZh, u.nameEn] }))),
      users: new Lookup(userRows.map((u) => ({ value: u.id, label: u.displayName, active: u.active, aliases: [u.username] }))),
      partnerStatuses: new Lookup(PARTNER_STATUSES.map((s) => ({ value: s as string, label: t(`master.partnerStatus.${s}`) }))),
      units,
      userRows,
      channelTypeRows,
    };
  }, [ct.data, ou.data, us.data, zh, t]);
}
