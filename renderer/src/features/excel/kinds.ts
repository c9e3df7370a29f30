import { useApiQuery } from '../../api/hooks';

/** The kinds the Excel engine knows, with their columns and what the caller may do (cached for the session). */
export function useExcelKinds() {
  return useApiQuery('excel.kinds', {}, { staleTime: Infinity });
}

/** The master-data page that shows a kind, for "open the grid" after an import. */
export const KIND_PAGES: Record<string, string> = {
  partners: '/master/partners',
  orgUnits: '/master/org-units',
  channelTypes: '/master/channel-types',
  costTypes: '/master/cost-types',
  users: '/master/users',
};
