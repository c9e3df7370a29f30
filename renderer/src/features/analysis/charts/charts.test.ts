import { describe, expect, it } from 'vitest';
import { describeRendered } from '../chart/rendered';
import { quadrantOf } from './scatter';
import { revenueLine } from './trend';

describe('chart helpers', () => {
  it('puts a partner in its quadrant by the median lines (on a line = the lower side)', () => {
    expect(quadrantOf({ actual: 10, revenue: 10 }, 5, 5)).toBe('invest');
    expect(quadrantOf({ actual: 10, revenue: 5 }, 5, 5)).toBe('costly');
    expect(quadrantOf({ actual: 5, revenue: 10 }, 5, 5)).toBe('stars');
    expect(quadrantOf({ actual: 5, revenue: 5 }, 5, 5)).toBe('watch');
  });
  it('leaves months after the last reported revenue as gaps', () => {
    expect(revenueLine([{ revenue: 0 }, { revenue: 7 }, { revenue: 0 }, { revenue: 3 }, { revenue: 0 }, { revenue: 0 }])).toEqual([0, 7, 0, 3, null, null]);
    expect(revenueLine([{ revenue: 0 }, { revenue: 0 }])).toEqual([null, null]);
  });
  it('describes what a rendered chart shows: axis names, categories, series, points and their sum', () => {
    const d = describeRendered({
      xAxis: [{ type: 'category', name: '月份', data: ['2026-01', { value: '2026-02' }] }],
      yAxis: [{ type: 'value', name: '费用（元）' }, { type: 'value', name: '费用率' }],
      series: [
        { name: '实际费用', data: [100, 250] },
        { name: '费用率', data: [null, { value: 1.5 }] },
        { name: '散点', data: [{ value: [3, 4] }] },
      ],
    });
    expect(d).toMatchObject({ axes: '月份|费用（元）|费用率', categories: '2026-01|2026-02', series: '实际费用|费用率|散点', points: '5', sum: '358.5' });
  });
});
