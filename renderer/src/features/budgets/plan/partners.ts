import { useMemo } from 'react';
import type { Partner } from '@shared/api/areas/master';
import { useApiQuery } from '../../../api/hooks';
import { Lookup } from '../../../grid';
import { useTranslation } from '../../../i18n';

/**
 * Partners by code and name, for partner-level lines typed or pasted into the entry grid and for
 * labels in the version comparison. Loaded only where needed (one page of up to 5,000, in the
 * background); a partner beyond that is chosen with "Add line", which searches the core.
 */
export const partnerLabel = (p: Pick<Partner, 'code' | 'name'>) => `${p.code} ${p.name}`;

export function usePartnerLookup(enabled: boolean): Lookup<number> {
  const q = useApiQuery('partners.list', { limit: 5000, includeInactive: true }, { enabled, staleTime: 60_000 });
  return useMemo(() => new Lookup((q.data?.rows ?? []).map((p) => ({ value: p.id, label: partnerLabel(p), active: p.active, aliases: [p.code, p.name] }))), [q.data]);
}

/** Control rules by their labels, '' standing for "the cost type's default". */
export function useControlLookup(): Lookup<string> {
  const { t } = useTranslation();
  return useMemo(
    () =>
      new Lookup<string>([
        { value: '', label: t('budgets.control.default'), aliases: ['default', '默认'] },
        ...(['block', 'warn', 'none'] as const).map((m) => ({ value: m, label: t(`master.control.${m}`), aliases: [m] })),
      ]),
    [t],
  );
}
