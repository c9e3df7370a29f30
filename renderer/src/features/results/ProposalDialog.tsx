import { useQueryClient } from '@tanstack/react-query';
import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Proposal, ProposalLineRow } from '@shared/api/areas/results';
import type { AppLocale } from '@shared/i18n';
import { localName } from '@shared/i18n/names';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DataGrid, moneyCol, percentBpCol, textCol } from '../../grid';
import { money } from '../../format';
import { errorText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';

/**
 * The next budget proposal (下年预算建议): parameters (source year, growth %, per-line bound ±%,
 * the total), this year's budget and actual beside the proposal per line with ROI (the rule in the
 * column's tooltip), proposal cells editable, and "save as draft of next year" — which writes the
 * lines exactly as shown (results.saveProposal). Finance only.
 */
type Row = ProposalLineRow & { id: number };

const pct = (s: string) => Math.round(Number(s.replace('%', '').trim() || '0') * 100);

export function ProposalDialog(p: { onClose: () => void; onSaved: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const qc = useQueryClient();
  const plans = useApiQuery('budgetPlans.list', {});
  const years = (plans.data ?? []).filter((x) => x.inForceVersionId !== null).map((x) => x.fiscalYear);
  const [sourceYear, setSourceYear] = useState<number | null>(null);
  const [growth, setGrowth] = useState('5');
  const [bound, setBound] = useState('20');
  const [total, setTotal] = useState('');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  useEffect(() => {
    if (sourceYear === null && years.length) setSourceYear(Math.max(...years));
  }, [years, sourceYear]);

  const compute = useCallback(async () => {
    if (sourceYear === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const totalFen = total.trim() ? Math.round(Number(total.replace(/[¥,\s]/g, '')) * 100) : undefined;
      const res = await call('results.proposal', { sourceYear, growthBp: pct(growth), boundBp: pct(bound), ...(totalFen !== undefined && Number.isFinite(totalFen) ? { total: totalFen } : {}) });
      setProposal(res);
      setRows(res.lines.map((l) => ({ ...l, id: l.lineId })));
      if (!total.trim()) setTotal((res.total / 100).toFixed(2));
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }, [sourceYear, growth, bound, total, t]);
  useEffect(() => {
    if (sourceYear !== null && !proposal) void compute();
  }, [sourceYear, proposal, compute]);

  const sum = rows.reduce((s, r) => s + r.proposed, 0);
  const diff = proposal ? sum - proposal.total : 0;
  const pinned = useMemo<Row[]>(
    () =>
      rows.length
        ? [
            {
              ...rows[0]!, id: -1, lineId: -1, orgUnitCode: t('results.totals'), orgUnitZh: '', orgUnitEn: '', channelTypeZh: '', channelTypeEn: '', costTypeZh: '', costTypeEn: '', partner: null,
              thisYear: rows.reduce((s, r) => s + r.thisYear, 0), actual: rows.reduce((s, r) => s + r.actual, 0), margin: null, roiBp: null,
              lo: rows.reduce((s, r) => s + r.lo, 0), hi: rows.reduce((s, r) => s + r.hi, 0), proposed: sum,
            },
          ]
        : [],
    [rows, sum, t],
  );

  const columns = useMemo<ColDef<Row>[]>(() => {
    const h = (k: string) => t(`results.proposal.col.${k}`);
    const name = (zh: string, en: string) => localName({ nameZh: zh, nameEn: en }, locale);
    return [
      textCol<Row>('orgUnitCode', h('line'), {
        width: 260, pinned: 'left', editable: false,
        valueGetter: (q) =>
          q.data && q.data.lineId > 0
            ? [`${q.data.orgUnitCode} ${name(q.data.orgUnitZh, q.data.orgUnitEn)}`, name(q.data.channelTypeZh, q.data.channelTypeEn), name(q.data.costTypeZh, q.data.costTypeEn), q.data.partner]
                .filter(Boolean)
                .join(' · ')
            : (q.data?.orgUnitCode ?? ''),
      }),
      moneyCol<Row>('thisYear', h('thisYear'), { editable: false }),
      moneyCol<Row>('actual', h('actual'), { editable: false }),
      // the proposal and its change right after this year's figures, in view without scrolling
      moneyCol<Row>('proposed', h('proposed'), { headerTooltip: t('results.proposal.ruleTip'), editable: (q) => !q.node.rowPinned, cellClass: ['ag-right-aligned-cell', 'num', 'editable-cell'] }),
      percentBpCol<Row>('change' as never, h('change'), {
        editable: false,
        valueGetter: (q) => (q.data && q.data.thisYear > 0 ? Math.round(((q.data.proposed - q.data.thisYear) * 10_000) / q.data.thisYear) : null),
      }),
      moneyCol<Row>('margin', h('margin'), { editable: false }),
      percentBpCol<Row>('roiBp', h('roi'), {
        editable: false,
        headerTooltip: t('results.proposal.roiTip'),
        valueFormatter: (q) => (q.node?.rowPinned ? '' : typeof q.value === 'number' ? `${(q.value / 100).toFixed(1)}%` : t('results.proposal.neutral')),
      }),
      moneyCol<Row>('lo', h('lo'), { editable: false }),
      moneyCol<Row>('hi', h('hi'), { editable: false }),
    ];
  }, [t, locale]);

  const edit = useCallback(async (row: Row, field: string, value: unknown): Promise<Row> => {
    if (field !== 'proposed' || typeof value !== 'number' || value < 0) throw new Error('invalid');
    const next = { ...row, proposed: value };
    setRows((rs) => rs.map((r) => (r.id === row.id ? next : r)));
    return next;
  }, []);

  const save = async () => {
    if (!proposal) return;
    setBusy(true);
    try {
      const v = await call('results.saveProposal', { sourceYear: proposal.sourceYear, lines: rows.map((r) => ({ lineId: r.lineId, amount: r.proposed })), draft: proposal.target.draft });
      void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('budget') });
      p.onSaved(t('results.proposal.saved', { year: v.fiscalYear, number: v.number }));
      p.onClose();
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const target = proposal?.targetYear ?? (sourceYear ?? 0) + 1;
  return (
    <Dialog
      title={t('results.proposal.title')}
      onClose={p.onClose}
      onSubmit={save}
      submitLabel={t('results.proposal.save', { year: target })}
      submitDisabled={!proposal || rows.length === 0}
      busy={busy}
      wide
      className="proposal-dialog"
      testId="proposal-dialog"
    >
      <div className="toolbar">
        <label>
          {t('results.proposal.sourceYear')}{' '}
          <select value={sourceYear ?? ''} onChange={(e) => setSourceYear(Number(e.target.value))} data-testid="proposal-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('results.proposal.growth')} <input size={5} value={growth} onChange={(e) => setGrowth(e.target.value)} data-testid="proposal-growth" />
        </label>
        <label>
          {t('results.proposal.bound')} <input size={5} value={bound} onChange={(e) => setBound(e.target.value)} data-testid="proposal-bound" />
        </label>
        <label>
          {t('results.proposal.total')} <input size={16} value={total} onChange={(e) => setTotal(e.target.value)} data-testid="proposal-total" />
        </label>
        <button type="button" onClick={() => void compute()} disabled={busy} title={t('results.proposal.ruleTip')} data-testid="proposal-recompute">
          {t('results.proposal.recompute')}
        </button>
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="proposal-message" />
      {proposal && (
        <p className="hint" data-testid="proposal-summary">
          {t('results.proposal.sum', { sum: money(sum), total: money(proposal.total) })} ·{' '}
          {proposal.target.draft ? t('results.proposal.targetDraft', { year: target, number: proposal.target.draft.number }) : t('results.proposal.targetNew', { year: target })}
          {diff !== 0 && <strong> {t('results.proposal.diff', { diff: money(diff) })}</strong>}
          {proposal.relaxed && <strong> {t('results.proposal.relaxed', { bound: (proposal.boundBp / 100).toString() })}</strong>}
        </p>
      )}
      <div style={{ height: 420, display: 'flex', flexDirection: 'column' }}>
        <DataGrid<Row> gridId="proposal" columns={columns} rows={rows} loading={busy && !proposal} save={edit} pinnedBottomRows={pinned} fitColumns={false} />
      </div>
    </Dialog>
  );
}
