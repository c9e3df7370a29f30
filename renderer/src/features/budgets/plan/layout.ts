import { rowTotals } from '@shared/domain/budget';
import { formatFenPlain, type Fen } from '@shared/domain/money';
import { MONTH_COLS, type PlanRow } from './sheet';

/**
 * How the plan grid fits twelve months at 1440 px (issue 12, point 9). The currency is said once
 * (the status line: "金额单位：元" / "Amounts in yuan (¥)"), so the money cells show grouped
 * numbers: whole yuan as 12,000, and two decimals in a column only when one of its cells (or its
 * total) has fen — decimals line up within the column and nothing is rounded away. Every column
 * is as wide as its widest content (header, cells, the bold totals row, the floors when shown):
 * the months share one width, the quarters another, the keys fit their longest label. The cells
 * are 12 px and the totals row's figures regular weight on its grey band (styles.css `.entry-grid`;
 * bold seven-digit totals alone would cost the width of a month). When the keys, the twelve months and the year total do not
 * fit the grid's width, the key columns give way — the longest first, never below their header —
 * and their cells show the full label as a tooltip; money columns are never cut. If the keys do
 * not fit even at their headers' width (e.g. with the partner column shown), they stay whole.
 */
export const MONEY_COLS = [...MONTH_COLS, 'q1', 'q2', 'q3', 'q4', 'year'] as const;
export type MoneyCol = (typeof MONEY_COLS)[number];

/** 1234500 fen → "12,345" (whole yuan) or "12,345.00" (with fen). */
export function amountText(fen: Fen, withFen: boolean): string {
  const s = formatFenPlain(fen);
  return withFen ? s : s.slice(0, -3);
}

export type Font = 'cell' | 'bold' | 'header' | 'small';
/** the width in px of a text in one of the grid's fonts */
export type Measure = (text: string, font: Font) => number;

export interface PlanLayout {
  /** per money column: its cells show fen */
  fen: Record<MoneyCol, boolean>;
  widths: Record<string, number>;
  /** key columns narrower than their longest label (their cells show it as a tooltip) */
  clipped: Record<string, boolean>;
  /** some line names a partner (saved, typed or pasted): the partner column is shown by default */
  partnerUsed: boolean;
}

export interface LayoutInput {
  rows: readonly PlanRow[];
  totals: readonly Fen[];
  headers: Record<string, string>;
  /** the totals row's label, shown in bold in the org unit column */
  totalsLabel: string;
  /** the label a key cell shows */
  keyLabel: (col: 'orgUnitId' | 'channelTypeId' | 'costTypeId' | 'partnerId', r: PlanRow) => string;
  /** the floors view: "下限 12,345" under each month amount */
  floorLabel?: (text: string) => string;
  measure: Measure;
  /** the grid's width in px less the system's vertical scrollbar (0: unknown, nothing gives way) */
  room: number;
  /** the partner column is shown (it then shares the keys' room) */
  partnerShown: (used: boolean) => boolean;
}

/** cell padding of the money columns (the `money-tight` class) and of the key columns, both sides, plus borders */
export const MONEY_PAD = 2 * 4 + 2;
export const KEY_PAD = 2 * 6 + 2;
/** the grid's borders (the room given excludes the vertical scrollbar) */
const CHROME = 4;
/** room for the filter button beside a key column's header, and for a sort arrow beside a money header */
const FILTER_ICON = 20;
const SORT_ICON = 16;
const KEY_MAX = 220;

const digitsAsZero = (s: string) => s.replace(/\d/g, '0'); // tabular figures: every digit is as wide as 0

export function planLayout(x: LayoutInput): PlanLayout {
  const n = MONEY_COLS.length;
  const fen = new Array<boolean>(n).fill(false);
  const hi = new Array<number>(n).fill(0);
  const lo = new Array<number>(n).fill(0);
  const floorHi = new Array<number>(12).fill(0);
  const see = (k: number, v: Fen) => {
    if (v % 100 !== 0) fen[k] = true;
    if (v > hi[k]!) hi[k] = v;
    if (v < lo[k]!) lo[k] = v;
  };
  const valuesOf = (amounts: readonly Fen[]) => {
    const t = rowTotals(amounts);
    return [...amounts, ...t.quarters, t.year];
  };
  let partnerUsed = false;
  let rawWidth = 0;
  const keyWidth = { orgUnitId: 0, channelTypeId: 0, costTypeId: 0, partnerId: 0 };
  const seenLabel = new Set<string>();
  for (const r of x.rows) {
    valuesOf(r.amounts).forEach((v, k) => see(k, v));
    if (r.partnerId !== null || r.bad.partnerId) partnerUsed = true;
    for (const m of MONTH_COLS) {
      const raw = r.bad[m]?.raw;
      if (raw) rawWidth = Math.max(rawWidth, x.measure(raw, 'cell'));
    }
    if (r.floors) r.floors.forEach((f, m) => f > floorHi[m]! && (floorHi[m] = f));
    for (const col of ['orgUnitId', 'channelTypeId', 'costTypeId', 'partnerId'] as const) {
      const label = r.bad[col]?.raw ?? x.keyLabel(col, r);
      const key = `${col}\u0000${label}`;
      if (!label || seenLabel.has(key)) continue;
      seenLabel.add(key);
      keyWidth[col] = Math.max(keyWidth[col], x.measure(label, 'cell'));
    }
  }
  const totals = valuesOf(x.totals);
  totals.forEach((v, k) => see(k, v));

  const fenOf = {} as Record<MoneyCol, boolean>;
  MONEY_COLS.forEach((c, k) => (fenOf[c] = fen[k]!));
  const content = (k: number) => {
    const f = fen[k]!;
    const cells = Math.max(x.measure(digitsAsZero(amountText(hi[k]!, f)), 'cell'), lo[k]! < 0 ? x.measure(digitsAsZero(amountText(lo[k]!, f)), 'cell') : 0);
    const total = x.measure(digitsAsZero(amountText(totals[k]!, f)), 'cell'); // the totals row's figures are not bold here (styles.css)
    const head = x.measure(x.headers[MONEY_COLS[k]!] ?? '', 'header') + SORT_ICON;
    const floor = k < 12 && x.floorLabel && floorHi[k]! > 0 ? x.measure(digitsAsZero(x.floorLabel(amountText(floorHi[k]!, floorHi[k]! % 100 !== 0))), 'small') : 0;
    return Math.max(cells, total, head, floor, k < 12 ? Math.min(rawWidth, 120) : 0);
  };
  const widths: Record<string, number> = {};
  const share = (from: number, to: number) => {
    let w = 0;
    for (let k = from; k < to; k++) w = Math.max(w, content(k));
    for (let k = from; k < to; k++) widths[MONEY_COLS[k]!] = Math.ceil(w + MONEY_PAD);
  };
  share(0, 12);
  share(12, 16);
  share(16, 17);
  const keys = ['orgUnitId', 'channelTypeId', 'costTypeId', 'partnerId'] as const;
  const least: Record<string, number> = {};
  for (const col of keys) {
    const head = x.measure(x.headers[col] ?? '', 'header') + FILTER_ICON;
    const own = col === 'orgUnitId' ? Math.max(keyWidth[col], x.measure(x.totalsLabel, 'bold')) : keyWidth[col];
    widths[col] = Math.ceil(Math.min(KEY_MAX, Math.max(head, own)) + KEY_PAD);
    least[col] = Math.ceil(head + KEY_PAD);
  }
  const shown = keys.filter((c) => c !== 'partnerId' || x.partnerShown(partnerUsed));
  const clipped: Record<string, boolean> = {};
  const money = [...MONTH_COLS, 'year'].reduce((sum, c) => sum + widths[c]!, 0);
  const room = x.room - CHROME - money;
  const need = (cap: number) => shown.reduce((sum, c) => sum + Math.max(least[c]!, Math.min(widths[c]!, cap)), 0);
  // (when they would not fit even at their headers' width, shortening them buys nothing: they stay whole and the months scroll)
  if (x.room > 0 && need(Infinity) > room && need(0) <= room) {
    // the largest cap at which the keys fit (the widest give way first), found by halving
    let [lo, hi] = [0, Math.max(...shown.map((c) => widths[c]!))];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (need(mid) <= room) lo = mid;
      else hi = mid;
    }
    for (const c of shown) {
      const w = Math.max(least[c]!, Math.min(widths[c]!, lo));
      if (w < widths[c]!) clipped[c] = true;
      widths[c] = w;
    }
  }
  return { fen: fenOf, widths, clipped, partnerUsed };
}

/** The columns of a paste or an export with the collapsed partner column in its place (after the cost type). */
export function withPartnerColumn(colIds: readonly string[], collapsed: boolean): string[] {
  if (!collapsed || colIds.includes('partnerId')) return [...colIds];
  const at = colIds.indexOf('costTypeId');
  return at < 0 ? [...colIds] : [...colIds.slice(0, at + 1), 'partnerId', ...colIds.slice(at + 1)];
}

/** A text's width in the grid's fonts (a canvas; the fonts are the theme's, see grid/theme.ts). */
export function canvasMeasure(family: readonly string[]): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  const stack = family.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(', ');
  const fonts: Record<Font, string> = { cell: `12px ${stack}`, bold: `600 12px ${stack}`, header: `600 12px ${stack}`, small: `11px ${stack}` };
  const cache = new Map<string, number>();
  return (text, font) => {
    const key = `${font}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (!ctx) return text.length * 8;
      ctx.font = fonts[font];
      w = ctx.measureText(text).width;
      cache.set(key, w);
    }
    return w;
  };
}
