import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorText, useTranslation } from '../../../i18n';
import { safeFileName } from '../format';
import { EChart } from './EChart';
import type { ECharts, EChartsCoreOption } from './echarts';
import { chartPng, savePng } from './png';
import { describeRendered } from './rendered';

/**
 * One chart panel of the analysis pages: a title bar (title, the page's slice, "save as PNG"),
 * a progress line while its data loads, the chart on canvas in the app's theme, and a plain
 * empty state instead of an empty set of axes. The caller builds the option in the UI language
 * (axis names, series names, tooltips); the chart is re-created when the language changes so
 * its screen-reader description (ECharts' aria) follows too. After every render the panel
 * carries what ECharts actually shows — axis names, categories, series, a data checksum — as
 * data-* attributes (read by the e2e and handy when debugging).
 */
export interface ChartProps {
  id: string;
  title: string;
  /** the slice shown (period, filters), in words: printed on the PNG and in its file name */
  subtitle: string;
  option: EChartsCoreOption | null;
  /** nothing to draw (no rows, or only zeros) */
  empty: boolean;
  emptyText?: string;
  loading?: boolean;
  error?: unknown;
  /** extra controls in the title bar (a metric switch …) */
  actions?: ReactNode;
  /** a caveat shown in the title bar (no revenue data yet …) */
  warn?: string;
  /** a short line under the chart: how to read it (the quadrant split …) */
  note?: ReactNode;
  className?: string;
}

export function Chart(p: ChartProps) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const host = useRef<HTMLDivElement>(null);
  const inst = useRef<ECharts | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const option = useMemo(() => (p.option ? { aria: { enabled: true }, animationDuration: 300, ...p.option } : null), [p.option]);
  const onRendered = useCallback((chart: ECharts) => {
    if (host.current) Object.assign(host.current.dataset, describeRendered(chart.getOption()));
  }, []);
  const onReady = useCallback((chart: ECharts | null) => (inst.current = chart), []);

  const save = async () => {
    const chart = inst.current;
    if (!chart || chart.isDisposed()) return;
    setBusy(true);
    setFailed(null);
    try {
      const url = await chartPng(chart, p.title, p.subtitle);
      await savePng(url, safeFileName([p.title, p.subtitle], 'png'));
    } catch (e) {
      setFailed(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const showChart = !!option && !p.empty && !p.error;
  return (
    <section className={`an-panel chart-panel ${p.className ?? ''}`} data-testid={`chart-${p.id}`} aria-label={p.title}>
      <div className="chart-head">
        <h3>{p.title}</h3>
        <span className="muted small chart-slice" title={p.subtitle}>
          {p.subtitle}
        </span>
        {p.warn && <span className="chart-warn">{p.warn}</span>}
        <span className="spacer" />
        {p.actions}
        <button type="button" className="small-btn" disabled={!showChart || busy} onClick={() => void save()} title={t('analysisUi.chart.savePngHint')} data-testid={`chart-${p.id}-png`}>
          {t('analysisUi.chart.savePng')}
        </button>
      </div>
      <div className={p.loading ? 'progress indeterminate' : 'progress idle'} role={p.loading ? 'progressbar' : undefined} aria-label={p.loading ? t('common.loading') : undefined} />
      {failed && <div className="banner error small">{failed}</div>}
      <div className="chart-body">
        {showChart ? (
          <div className="chart-canvas" ref={host} tabIndex={0} data-chart={p.id}>
            <EChart option={option} locale={zh ? 'ZH' : 'EN'} onReady={onReady} onRendered={onRendered} />
          </div>
        ) : (
          <div className="chart-empty" data-testid={`chart-${p.id}-empty`}>
            {p.error ? errorText(p.error) : p.loading && !option ? t('common.loading') : (p.emptyText ?? t('analysisUi.chart.empty'))}
          </div>
        )}
      </div>
      {p.note && <div className="chart-note muted small">{p.note}</div>}
    </section>
  );
}
