import type { OrgUnit } from '@shared/api/areas/master';
import type { Lookup } from '../../grid/columns/lookup';

/**
 * Org units as choices in tree order (parents before their children), indented by depth below the
 * shallowest unit given, so a picker reads like the org tree.
 */
export function treeOptions(units: readonly OrgUnit[], labels: Lookup<number>): { value: number; label: string }[] {
  const sorted = [...units].sort((a, b) => {
    const pa = a.pathIds;
    const pb = b.pathIds;
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return pa.length - pb.length;
  });
  const top = Math.min(...sorted.map((u) => u.pathIds.length));
  return sorted.map((u) => ({ value: u.id, label: `${'\u3000'.repeat(u.pathIds.length - top)}${labels.label(u.id)}` }));
}
