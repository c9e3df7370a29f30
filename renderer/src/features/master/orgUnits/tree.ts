import type { OrgUnit } from '@shared/api/areas/master';

export type TreeUnit = OrgUnit & { depth: number };

/**
 * The org tree as rows in display order: each unit followed by its children (by code), with its
 * depth for indentation. Tree data is an Enterprise feature of AG Grid; indentation reads the same.
 * Units whose parent is outside the list (the top of a user's scope) start at depth 0.
 */
export function treeOrder(units: OrgUnit[]): TreeUnit[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, OrgUnit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: TreeUnit[] = [];
  const walk = (parent: number | null, depth: number) => {
    const kids = [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const k of kids) {
      out.push({ ...k, depth });
      walk(k.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
