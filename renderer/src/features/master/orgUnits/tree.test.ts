import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '@shared/api/areas/master';
import { treeOrder } from './tree';

const unit = (id: number, code: string, parentId: number | null): OrgUnit => ({
  id,
  code,
  nameZh: code,
  nameEn: code,
  kind: 'grid',
  parentId,
  pathIds: [],
  managerUserId: null,
  active: true,
  version: 0,
});

describe('treeOrder', () => {
  it('puts children right under their parent, by code, with depth', () => {
    // ids deliberately out of path order: '/1/2/13/' sorts before '/1/2/3/' as text
    const rows = treeOrder([unit(13, 'KM-GD', 2), unit(1, 'YL', null), unit(3, 'KM-WH', 2), unit(2, 'KM', 1), unit(4, 'KM-WH-01', 3)]);
    expect(rows.map((r) => [r.code, r.depth])).toEqual([
      ['YL', 0],
      ['KM', 1],
      ['KM-GD', 2],
      ['KM-WH', 2],
      ['KM-WH-01', 3],
    ]);
  });

  it('starts a user’s scope at depth 0 when its parent is not visible', () => {
    expect(treeOrder([unit(4, 'KM-WH-01', 3), unit(3, 'KM-WH', 2)]).map((r) => [r.code, r.depth])).toEqual([
      ['KM-WH', 0],
      ['KM-WH-01', 1],
    ]);
  });
});
