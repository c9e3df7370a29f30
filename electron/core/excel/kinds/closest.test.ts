import { describe, expect, it } from 'vitest';
import { closestRecords } from './closest';
import type { RefRec } from './refs';

const rec = (id: number, code: string, zh: string, en: string, active = true): RefRec => ({ id, code, zh, en, active });
const units = [rec(1, 'KM-WH', '五华区', 'Wuhua District'), rec(2, 'KM-PL', '盘龙区', 'Panlong District'), rec(3, 'KM-GD', '官渡区', 'Guandu District'), rec(4, 'KM-OLD', '五华旧区', 'Old Wuhua', false), rec(5, 'DL', '大理分公司', 'Dali Branch')];

describe('closest records to a reference not found', () => {
  it('ranks codes and names that contain the text or are a typo away; inactive records are not offered', () => {
    expect(closestRecords(units, 'KM-WX').map((r) => r.code)[0]).toBe('KM-WH');
    expect(closestRecords(units, '五华').map((r) => r.code)).toEqual(['KM-WH']);
    expect(closestRecords(units, 'panlong').map((r) => r.code)).toEqual(['KM-PL']);
    expect(closestRecords(units, 'zzzzzzzz')).toEqual([]);
    expect(closestRecords(units, 'KM-', 2)).toHaveLength(2);
  });
});
