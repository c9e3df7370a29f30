import { useEffect, useRef } from 'react';
import { echarts, THEME, type ECharts, type EChartsCoreOption } from './echarts';

/**
 * The thin ECharts binding: one instance per mounted element, created with the app theme on the
 * canvas renderer in the given locale (re-created when the locale changes, so ECharts' own texts
 * and its aria description follow), the option replaced on every change (notMerge: a series that
 * went away is gone), resized with its box (ResizeObserver), disposed on unmount.
 * echarts-for-react is not used: its lib/core requires `tslib` without declaring it.
 */
export function EChart({ option, locale, onReady, onRendered }: { option: EChartsCoreOption; locale: 'ZH' | 'EN'; onReady?: (c: ECharts | null) => void; onRendered?: (c: ECharts) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const cb = useRef({ onReady, onRendered });
  cb.current = { onReady, onRendered };

  useEffect(() => {
    const host = el.current;
    if (!host) return;
    const c = echarts.init(host, THEME, { renderer: 'canvas', locale });
    chart.current = c;
    c.on('finished', () => cb.current.onRendered?.(c));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(host);
    cb.current.onReady?.(c);
    return () => {
      ro.disconnect();
      cb.current.onReady?.(null);
      c.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, locale]);

  return <div ref={el} style={{ width: '100%', height: '100%' }} />;
}
