import { describe, expect, it } from 'vitest';
import { amountText, MONEY_PAD, planLayout, withPartnerColumn, type LayoutInput } from './layout';
import { newRow, type PlanRow } from './sheet';

/** A font where every character is 6 px wide (bold 7 px): widths follow the texts' lengths. */
const measure: LayoutInput['measure'] = (text, font) => text.length * (font === 'bold' ? 7 : 6);
const headers = { orgUnitId: 'Org', channelTypeId: 'Channel', costTypeId: 'Cost', partnerId: 'Partner', year: 'Year' };
const labels: Record<string, string> = { 1: 'Chenggong District', 2: 'Agent', 3: 'Channel commission' };

function row(id: number, amounts: number[], partnerId: number | null = null): PlanRow {
  return { ...newRow(id, { orgUnitId: 1, channelTypeId: 2, costTypeId: 3, partnerId }), amounts };
}

function layout(rows: PlanRow[], over: Partial<LayoutInput> = {}) {
  const totals = Array.from({ length: 12 }, (_, m) => rows.reduce((s, r) => s + r.amounts[m]!, 0));
  return planLayout({
    rows,
    totals,
    headers,
    totalsLabel: 'Total',
    keyLabel: (col, r) => (col === 'partnerId' ? (r.partnerId === null ? '' : `P${r.partnerId}`) : labels[String(r[col])]!),
    measure,
    room: 0,
    partnerShown: (used) => used,
    ...over,
  });
}

const twelve = (yuan: number) => Array.from({ length: 12 }, () => yuan * 100);

describe('the plan grid layout', () => {
  it('shows grouped yuan, with fen only in a column where some cell (or the total) has them', () => {
    expect(amountText(123456700, false)).toBe('1,234,567');
    expect(amountText(-5, true)).toBe('-0.05');
    const a = row(-1, twelve(1000));
    const b = row(-2, [...twelve(2000).slice(0, 11), 50]); // December: ¥0.50
    const l = layout([a, b]);
    expect(l.fen.m1).toBe(false);
    expect(l.fen.m12).toBe(true);
    expect(l.fen.q4).toBe(true);
    expect(l.fen.year).toBe(true);
    expect(l.fen.q1).toBe(false);
  });

  it('sizes the months alike, to the widest amount (here the total), and the keys to their labels', () => {
    const l = layout([row(-1, twelve(1_000_000)), row(-2, twelve(2_000_000))]);
    // the total 3,000,000 (9 characters) is wider than the header
    expect(l.widths.m1).toBe(9 * 6 + MONEY_PAD);
    expect(l.widths.m7).toBe(l.widths.m1);
    expect(l.widths.costTypeId! - l.widths.channelTypeId!).toBeGreaterThan(0);
    expect(l.clipped).toEqual({});
    expect(l.partnerUsed).toBe(false);
  });

  it('lets the key columns give way, the widest first and never below their header, when the months do not fit', () => {
    const rows = [row(-1, twelve(1000), 7)];
    const wide = layout(rows);
    const keysWide = wide.widths.orgUnitId! + wide.widths.channelTypeId! + wide.widths.costTypeId! + wide.widths.partnerId!;
    const money = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12', 'year'].reduce((s, c) => s + wide.widths[c]!, 0);
    const room = money + keysWide - 40 + 4;
    const narrow = layout(rows, { room });
    const keys = narrow.widths.orgUnitId! + narrow.widths.channelTypeId! + narrow.widths.costTypeId! + narrow.widths.partnerId!;
    expect(keys).toBeLessThanOrEqual(keysWide - 40);
    expect(narrow.clipped).toEqual({ orgUnitId: true, costTypeId: true });
    expect(narrow.widths.channelTypeId).toBe(wide.widths.channelTypeId); // the short labels keep their width
    expect(narrow.partnerUsed).toBe(true);
    // not even the headers fit: the keys stay whole (the months scroll)
    expect(layout(rows, { room: money + 100 }).clipped).toEqual({});
    expect(layout(rows, { room: money + 100 }).widths.orgUnitId).toBe(wide.widths.orgUnitId);
    // the partner column collapsed: its room goes to the others
    const collapsed = layout(rows, { room, partnerShown: () => false });
    expect(collapsed.clipped).toEqual({});
  });

  it('puts the collapsed partner column back in its place for a paste or an export', () => {
    expect(withPartnerColumn(['orgUnitId', 'channelTypeId', 'costTypeId', 'm1'], true)).toEqual(['orgUnitId', 'channelTypeId', 'costTypeId', 'partnerId', 'm1']);
    expect(withPartnerColumn(['costTypeId', 'm1'], true)).toEqual(['costTypeId', 'partnerId', 'm1']);
    expect(withPartnerColumn(['m3', 'm4'], true)).toEqual(['m3', 'm4']);
    expect(withPartnerColumn(['orgUnitId', 'channelTypeId', 'costTypeId', 'm1'], false)).toEqual(['orgUnitId', 'channelTypeId', 'costTypeId', 'm1']);
  });
});
