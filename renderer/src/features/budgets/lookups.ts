import { useMemo } from 'react';
import { localName } from '@shared/i18n/names';
import type { ChannelType, CostType, OrgUnit, UserRow } from '@shared/api/areas/master';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Lookup } from '../../grid/columns/lookup';
import { useTranslation } from '../../i18n';

/**
 * Names of the coded master data the budget pages show, in the UI language: org units (with the
 * ones in the user's scope, for pickers), channel types, cost types (with their default control
 * rule) and users (who prepared and decided a document).
 */
export interface BudgetLookups {
  ready: boolean;
  orgUnits: Lookup<number>;
  /** active units in the user's scope (their assigned units and everything below) */
  scopeUnits: Lookup<number>;
  channelTypes: Lookup<number>;
  costTypes: Lookup<number>;
  users: Lookup<number>;
  units: OrgUnit[];
  costTypeRows: Map<number, CostType>;
  channelTypeRows: ChannelType[];
  userRows: UserRow[];
}

export function useBudgetLookups(): BudgetLookups {
  const { i18n } = useTranslation();
  const { user } = useSession();
  const zh = i18n.language === 'zh-CN';
  const ou = useApiQuery('orgUnits.list', { includeInactive: true }, { staleTime: 60_000 });
  const ct = useApiQuery('channelTypes.list', { includeInactive: true }, { staleTime: 60_000 });
  const co = useApiQuery('costTypes.list', { includeInactive: true }, { staleTime: 60_000 });
  const us = useApiQuery('users.list', { includeInactive: true }, { staleTime: 60_000 });

  return useMemo(() => {
    const name = (r: { nameZh: string; nameEn: string }) => localName(r, zh ? 'zh-CN' : 'en');
    const coded = <R extends { id: number; code: string; nameZh: string; nameEn: string; active: boolean }>(rows: R[]) =>
      new Lookup(rows.map((r) => ({ value: r.id, label: name(r), active: r.active, aliases: [r.code, r.nameZh, r.nameEn] })));
    const units = ou.data ?? [];
    const inScope = units.filter((u) => u.active && u.pathIds.some((id) => user.orgUnitIds.includes(id)));
    const costs = co.data ?? [];
    return {
      ready: !!(ou.data && ct.data && co.data && us.data),
      orgUnits: coded(units),
      scopeUnits: coded(inScope),
      channelTypes: coded(ct.data ?? []),
      costTypes: coded(costs),
      users: new Lookup((us.data ?? []).map((u) => ({ value: u.id, label: u.displayName, active: u.active, aliases: [u.username] }))),
      units,
      costTypeRows: new Map(costs.map((c) => [c.id, c])),
      channelTypeRows: ct.data ?? [],
      userRows: us.data ?? [],
    };
  }, [ou.data, ct.data, co.data, us.data, zh, user.orgUnitIds]);
}
