import { describe, expect, it } from 'vitest';
import type { KindInfo } from '@shared/api/areas/excel';
import { exportColumnKeys } from './columnKeys';

const kind = (keys: string[]): KindInfo => ({
  kind: 'k',
  label: { 'zh-CN': 'k', en: 'k' },
  columns: keys.map((key) => ({ key, header: { 'zh-CN': key, en: key }, type: 'text', required: false, importable: true })),
  canImport: true,
  canExport: true,
  needsTarget: false,
});

describe('grid columns → Excel columns', () => {
  it('names references, money and rates as the kind does, in the grid order, and drops what the kind lacks', () => {
    const partners = kind(['id', 'code', 'name', 'channelType', 'orgUnit', 'owner', 'starRating', 'contractEnd', 'active']);
    expect(exportColumnKeys(['code', 'name', 'starRating', 'channelTypeId', 'ownerUserId', 'orgUnitId', 'updatedAt', 'contractEnd'], partners, 'zh-CN')).toEqual([
      'code',
      'name',
      'starRating',
      'channelType',
      'owner',
      'orgUnit',
      'contractEnd',
    ]);
    const costTypes = kind(['id', 'code', 'receiptThreshold', 'defaultTolerance']);
    expect(exportColumnKeys(['receiptThresholdFen', 'code', 'defaultToleranceBp'], costTypes, 'en')).toEqual(['receiptThreshold', 'code', 'defaultTolerance']);
  });

  it('maps the budget entry grid (keys, months, year, rule) and leaves the quarters out', () => {
    const months = Array.from({ length: 12 }, (_, m) => `m${m + 1}`);
    const lines = kind(['id', 'orgUnit', 'channelType', 'costType', 'partner', ...months, 'year', 'controlMode', 'tolerance']);
    const grid = ['orgUnitId', 'channelTypeId', 'costTypeId', 'partnerId', ...months, 'q1', 'q2', 'q3', 'q4', 'year', 'controlMode', 'toleranceBp'];
    expect(exportColumnKeys(grid, lines, 'zh-CN')).toEqual(['orgUnit', 'channelType', 'costType', 'partner', ...months, 'year', 'controlMode', 'tolerance']);
  });

  it('reads a name column that follows the language as the name in that language', () => {
    const units = kind(['id', 'code', 'nameZh', 'nameEn', 'manager']);
    expect(exportColumnKeys(['name', 'code', 'nameEn', 'managerUserId'], units, 'zh-CN')).toEqual(['nameZh', 'code', 'nameEn', 'manager']);
    expect(exportColumnKeys(['name', 'code', 'nameZh'], units, 'en')).toEqual(['nameEn', 'code', 'nameZh']);
  });
});
